import { Button, ButtonGroup, PageContent, PageHeader, Paragraph } from '@utrecht/component-library-react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { ApiError, errorText } from './errors';
import { t } from './i18n';
import { AppFooter, AppShell } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { usePageTitle } from './use-page-title';

function ErrorContent() {
  const error = useRouteError();
  usePageTitle(t('errorPage.title'));
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message = error instanceof ApiError ? errorText(error) : t('errorPage.text');
  return (
    <>
      <PageHeading>{t('errorPage.title')}</PageHeading>
      <Paragraph>{message}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={() => window.location.reload()}>
          {t('errorPage.reload')}
        </Button>
      </ButtonGroup>
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href="/">
          {t('common.backHome')}
        </a>
      </Paragraph>
    </>
  );
}

/** Shown inside the layout when a page fails to render. */
export function PageErrorBoundary() {
  return <ErrorContent />;
}

/** Shown when even the app frame failed (e.g. the session could not be loaded): its own minimal frame. */
export function RootErrorBoundary() {
  return (
    <AppShell>
      <PageHeader className="nabij-header">
        <div className="nabij-header__bar">
          <span className="nabij-brand">{t('app.name')}</span>
        </div>
      </PageHeader>
      <PageContent className="nabij-content">
        <main id="main" tabIndex={-1} className="utrecht-page-content__main nabij-main">
          <ErrorContent />
        </main>
      </PageContent>
      <AppFooter />
    </AppShell>
  );
}
