import { PageContent, PageHeader } from '@utrecht/component-library-react';
import { createBrowserRouter, Navigate } from 'react-router';
import { UsersPage } from '../capabilities/admin/UsersPage';
import { ChangePasswordPage } from '../capabilities/auth/ChangePasswordPage';
import { LoginPage } from '../capabilities/auth/LoginPage';
import { TotpEnrolmentPage } from '../capabilities/auth/TotpEnrolmentPage';
import { TotpPage } from '../capabilities/auth/TotpPage';
import { HomePage } from '../capabilities/home/HomePage';
import { PersonCreatePage } from '../capabilities/persons/PersonCreatePage';
import { PersonPage } from '../capabilities/persons/PersonPage';
import { PersonSearchPage } from '../capabilities/persons/PersonSearchPage';
import { Loading } from '../components/Loading';
import { AppFooter, AppLayout, AppShell } from './AppLayout';
import { PageErrorBoundary, RootErrorBoundary } from './ErrorPage';
import { RequireLogin, RequirePermission } from './guards';
import { t } from './i18n';
import { NotFoundPage } from './NotFoundPage';
import { SessionProvider } from './session';

function StartingUp() {
  return (
    <AppShell>
      <PageHeader className="nabij-header">
        <div className="nabij-header__bar">
          <span className="nabij-brand">{t('app.name')}</span>
        </div>
      </PageHeader>
      <PageContent className="nabij-content">
        <main id="main" tabIndex={-1} className="utrecht-page-content__main nabij-main">
          <Loading label={t('app.starting')} />
        </main>
      </PageContent>
      <AppFooter />
    </AppShell>
  );
}

function Root() {
  return (
    <SessionProvider fallback={<StartingUp />}>
      <AppLayout />
    </SessionProvider>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RootErrorBoundary />,
    children: [
      {
        errorElement: <PageErrorBoundary />,
        children: [
          { path: 'inloggen', element: <LoginPage /> },
          { path: 'inloggen/code', element: <TotpPage /> },
          { path: 'inloggen/tweestapsverificatie-instellen', element: <TotpEnrolmentPage /> },
          { path: 'inloggen/wachtwoord-wijzigen', element: <ChangePasswordPage /> },
          {
            element: <RequireLogin />,
            children: [
              { index: true, element: <HomePage /> },
              {
                path: 'personen',
                element: (
                  <RequirePermission permission="person:read">
                    <PersonSearchPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'personen/nieuw',
                element: (
                  <RequirePermission permission="person:write">
                    <PersonCreatePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'personen/:id',
                element: (
                  <RequirePermission permission="person:read">
                    <PersonPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'beheer/gebruikers',
                element: (
                  <RequirePermission permission="user:admin">
                    <UsersPage />
                  </RequirePermission>
                ),
              },
              { path: 'beheer', element: <Navigate to="/beheer/gebruikers" replace /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
