import { PageContent, PageHeader } from '@utrecht/component-library-react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LetterTemplatesPage } from '../capabilities/admin/LetterTemplatesPage';
import { OutboxPage } from '../capabilities/admin/OutboxPage';
import { TeamsPage } from '../capabilities/admin/TeamsPage';
import { UsersPage } from '../capabilities/admin/UsersPage';
import { ZrmCriteriaPage } from '../capabilities/admin/ZrmCriteriaPage';
import { ChangePasswordPage } from '../capabilities/auth/ChangePasswordPage';
import { LoginPage } from '../capabilities/auth/LoginPage';
import { TotpEnrolmentPage } from '../capabilities/auth/TotpEnrolmentPage';
import { TotpPage } from '../capabilities/auth/TotpPage';
import { CasePage } from '../capabilities/case-files/CasePage';
import { CaseReviewMeetingPage } from '../capabilities/coordination/CaseReviewMeetingPage';
import { CaseReviewPage } from '../capabilities/coordination/CaseReviewPage';
import { SignalsPage } from '../capabilities/coordination/SignalsPage';
import { DashboardPage } from '../capabilities/management-information/DashboardPage';
import { QualityMirrorPage } from '../capabilities/management-information/QualityMirrorPage';
import { MeldcodePage } from '../capabilities/case-files/MeldcodePage';
import { ClosurePage } from '../capabilities/lifecycle/ClosurePage';
import { EvaluationPage } from '../capabilities/lifecycle/EvaluationPage';
import { WatchPage } from '../capabilities/lifecycle/WatchPage';
import { ZrmScoringPage } from '../capabilities/case-files/ZrmScoringPage';
import { HomePage } from '../capabilities/home/HomePage';
import { AssignmentPage } from '../capabilities/intake/AssignmentPage';
import { HostDeskPage } from '../capabilities/intake/HostDeskPage';
import { MeetingPage } from '../capabilities/intake/MeetingPage';
import { MeetingsPage } from '../capabilities/intake/MeetingsPage';
import { PublicLayout } from '../capabilities/intake/PublicLayout';
import { PublicReferralPage } from '../capabilities/intake/PublicReferralPage';
import { ReferralInboxPage } from '../capabilities/intake/ReferralInboxPage';
import { ReferralPage } from '../capabilities/intake/ReferralPage';
import { RegisterReferralPage } from '../capabilities/intake/RegisterReferralPage';
import { PersonCreatePage } from '../capabilities/persons/PersonCreatePage';
import { PersonPage } from '../capabilities/persons/PersonPage';
import { PersonSearchPage } from '../capabilities/persons/PersonSearchPage';
import { PlanComparePage } from '../capabilities/plan/PlanComparePage';
import { PlanPage } from '../capabilities/plan/PlanPage';
import { ServiceCataloguePage } from '../capabilities/plan/ServiceCataloguePage';
import { FailedJobsPage } from '../capabilities/tasks/FailedJobsPage';
import { TeamTasksPage } from '../capabilities/tasks/TeamTasksPage';
import { AccessLogPage } from '../capabilities/privacy/AccessLogPage';
import { EmergencyOverviewPage } from '../capabilities/privacy/EmergencyOverviewPage';
import { PersonAccessPage } from '../capabilities/privacy/PersonAccessPage';
import { RequestPage } from '../capabilities/avg-rights/RequestPage';
import { RequestsPage } from '../capabilities/avg-rights/RequestsPage';
import { RetentionPage } from '../capabilities/avg-rights/RetentionPage';
import { residentRoutes } from '../capabilities/resident/resident-routes';
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

/**
 * Public pages (the referral form) have no login, but still need the anonymous session for the CSRF token;
 * they have their own frame without navigation.
 */
function PublicRoot() {
  return (
    <SessionProvider
      fallback={
        <PublicLayout tenantName={undefined}>
          <Loading label={t('app.starting')} />
        </PublicLayout>
      }
    >
      <PublicReferralPage />
    </SessionProvider>
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
  { path: 'aanmelden', element: <PublicRoot />, errorElement: <RootErrorBoundary /> },
  { path: 'aanmelden/:gemeente', element: <PublicRoot />, errorElement: <RootErrorBoundary /> },
  // The resident portal "Mijn Nabij": its own session and frame.
  ...residentRoutes,
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
              {
                path: 'beheer/brieven',
                element: (
                  <RequirePermission permission="user:admin">
                    <LetterTemplatesPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'beheer/teams',
                element: (
                  <RequirePermission permission="user:admin">
                    <TeamsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'beheer/zrm',
                element: (
                  <RequirePermission permission="zrm:configure">
                    <ZrmCriteriaPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'beheer/sociale-kaart',
                element: (
                  <RequirePermission permission="user:admin">
                    <ServiceCataloguePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'dossiers/:id/plan',
                element: (
                  <RequirePermission permission="case:read">
                    <PlanPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'dossiers/:id/plan/vergelijk',
                element: (
                  <RequirePermission permission="case:read">
                    <PlanComparePage />
                  </RequirePermission>
                ),
              },
              // The API answers only outside production and decides who may read it.
              { path: 'beheer/outbox', element: <OutboxPage /> },
              {
                path: 'beheer/achtergrondtaken',
                element: (
                  <RequirePermission permission="job:monitor">
                    <FailedJobsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'team/taken',
                element: (
                  <RequirePermission permission="task:read_team">
                    <TeamTasksPage />
                  </RequirePermission>
                ),
              },
              { path: 'beheer', element: <Navigate to="/beheer/gebruikers" replace /> },
              {
                path: 'balie',
                element: (
                  <RequirePermission permission="host_question:write">
                    <HostDeskPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'aanmeldingen',
                element: (
                  <RequirePermission permission="referral:read">
                    <ReferralInboxPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'aanmeldingen/nieuw',
                element: (
                  <RequirePermission permission="referral:write">
                    <RegisterReferralPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'aanmeldingen/:id',
                element: (
                  <RequirePermission permission="referral:read">
                    <ReferralPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'overleg',
                element: (
                  <RequirePermission permission="meeting:read">
                    <MeetingsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'overleg/:id',
                element: (
                  <RequirePermission permission="meeting:read">
                    <MeetingPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'dossiers/:id',
                element: (
                  <RequirePermission permission="case:read">
                    <CasePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'dossiers/:id/zrm/nieuw',
                element: (
                  <RequirePermission permission="case:read">
                    <ZrmScoringPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'dossiers/:id/evaluatie',
                element: (
                  <RequirePermission permission="case:read">
                    <EvaluationPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'dossiers/:id/afsluiten',
                element: (
                  <RequirePermission permission="case:read">
                    <ClosurePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'dossiers/:id/waakvlam',
                element: (
                  <RequirePermission permission="case:read">
                    <WatchPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'dossiers/:id/meldcode/:recordId',
                element: (
                  <RequirePermission permission="case:read">
                    <MeldcodePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'casuistiekoverleg',
                element: (
                  <RequirePermission permission="case:read">
                    <CaseReviewPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'casuistiekoverleg/:id',
                element: (
                  <RequirePermission permission="case:read">
                    <CaseReviewMeetingPage />
                  </RequirePermission>
                ),
              },
              // Workers record signals, the coordinator and the municipal consultant read them; the page checks both.
              { path: 'signalen', element: <SignalsPage /> },
              // The coordinator (own teams) and the policy advisor (every team) see management information; the pages check both.
              { path: 'sturingsinformatie', element: <DashboardPage /> },
              { path: 'sturingsinformatie/kwaliteitsspiegel', element: <QualityMirrorPage /> },
              {
                path: 'verdeling',
                element: (
                  <RequirePermission permission="case:assign">
                    <AssignmentPage />
                  </RequirePermission>
                ),
              },
              // The privacy officer's pages; the API also requires a session confirmed with two-factor.
              { path: 'privacy', element: <Navigate to="/privacy/logboek" replace /> },
              {
                path: 'privacy/logboek',
                element: (
                  <RequirePermission permission="access_log:read">
                    <AccessLogPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'privacy/clienten/:id',
                element: (
                  <RequirePermission permission="access_log:read">
                    <PersonAccessPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'privacy/noodtoegang',
                element: (
                  <RequirePermission permission="access_log:read">
                    <EmergencyOverviewPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'privacy/verzoeken',
                element: (
                  <RequirePermission permission="privacy:manage">
                    <RequestsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'privacy/verzoeken/:id',
                element: (
                  <RequirePermission permission="privacy:manage">
                    <RequestPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'privacy/vernietigen',
                element: (
                  <RequirePermission permission="privacy:manage">
                    <RetentionPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
