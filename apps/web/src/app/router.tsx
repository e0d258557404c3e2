import { PageContent, PageHeader } from '@utrecht/component-library-react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../capabilities/auth/LoginPage';
import { HomePage } from '../capabilities/home/HomePage';
import { PublicLayout } from '../capabilities/intake/PublicLayout';
import { PublicReferralPage } from '../capabilities/intake/PublicReferralPage';
import { residentRoutes } from '../capabilities/resident/resident-routes';
import { Loading } from '../components/Loading';
import { AppFooter, AppLayout, AppShell } from './AppLayout';
import { PageErrorBoundary, RootErrorBoundary } from './ErrorPage';
import { RequireLogin } from './guards';
import { page } from './lazy-page';
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

const STATEMENT_PAGES = {
  toegankelijkheidsverklaring: 'AccessibilityStatementPage',
  privacyverklaring: 'PrivacyStatementPage',
  contact: 'ContactPage',
} as const;

export const router = createBrowserRouter([
  { path: 'aanmelden', element: <PublicRoot />, errorElement: <RootErrorBoundary /> },
  { path: 'aanmelden/:gemeente', element: <PublicRoot />, errorElement: <RootErrorBoundary /> },
  // The statements and contact every footer links to (issue #21 item 1): public, with or without the municipality.
  ...(['toegankelijkheidsverklaring', 'privacyverklaring', 'contact'] as const).map((path) => ({
    path: `${path}/:gemeente?`,
    lazy: page(() => import('../capabilities/statements/StatementPages'), STATEMENT_PAGES[path]),
    errorElement: <RootErrorBoundary />,
  })),
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
          { path: 'inloggen/code', lazy: page(() => import('../capabilities/auth/TotpPage'), 'TotpPage') },
          {
            path: 'inloggen/tweestapsverificatie-instellen',
            lazy: page(() => import('../capabilities/auth/TotpEnrolmentPage'), 'TotpEnrolmentPage'),
          },
          {
            path: 'inloggen/wachtwoord-wijzigen',
            lazy: page(() => import('../capabilities/auth/ChangePasswordPage'), 'ChangePasswordPage'),
          },
          {
            element: <RequireLogin />,
            children: [
              { index: true, element: <HomePage /> },
              {
                path: 'personen',
                lazy: page(() => import('../capabilities/persons/PersonSearchPage'), 'PersonSearchPage', 'person:read'),
              },
              {
                path: 'zoeken',
                lazy: page(() => import('../capabilities/search/GlobalSearchPage'), 'GlobalSearchPage', 'person:read'),
              },
              {
                path: 'personen/nieuw',
                lazy: page(
                  () => import('../capabilities/persons/PersonCreatePage'),
                  'PersonCreatePage',
                  'person:write',
                ),
              },
              {
                path: 'personen/:id',
                lazy: page(() => import('../capabilities/persons/PersonPage'), 'PersonPage', 'person:read'),
              },
              {
                path: 'beheer/gebruikers',
                lazy: page(() => import('../capabilities/admin/UsersPage'), 'UsersPage', 'user:admin'),
              },
              {
                path: 'beheer/brieven',
                lazy: page(
                  () => import('../capabilities/admin/LetterTemplatesPage'),
                  'LetterTemplatesPage',
                  'user:admin',
                ),
              },
              {
                path: 'beheer/samenvoegingen',
                lazy: page(() => import('../capabilities/admin/PersonMergesPage'), 'PersonMergesPage', 'user:admin'),
              },
              {
                path: 'beheer/teams',
                lazy: page(() => import('../capabilities/admin/TeamsPage'), 'TeamsPage', 'user:admin'),
              },
              {
                path: 'beheer/huisstijl',
                lazy: page(() => import('../capabilities/admin/HouseStylePage'), 'HouseStylePage', 'user:admin'),
              },
              {
                path: 'beheer/zrm',
                lazy: page(() => import('../capabilities/admin/ZrmCriteriaPage'), 'ZrmCriteriaPage', 'zrm:configure'),
              },
              {
                path: 'beheer/sociale-kaart',
                lazy: page(
                  () => import('../capabilities/plan/ServiceCataloguePage'),
                  'ServiceCataloguePage',
                  'user:admin',
                ),
              },
              {
                path: 'dossiers/:id/aanmelding',
                lazy: page(() => import('../capabilities/intake/CaseReferralPage'), 'CaseReferralPage', 'case:read'),
              },
              {
                path: 'dossiers/:id/plan',
                lazy: page(() => import('../capabilities/plan/PlanPage'), 'PlanPage', 'case:read'),
              },
              {
                path: 'dossiers/:id/plan/vergelijk',
                lazy: page(() => import('../capabilities/plan/PlanComparePage'), 'PlanComparePage', 'case:read'),
              },
              // The API answers only outside production and decides who may read it.
              { path: 'beheer/outbox', lazy: page(() => import('../capabilities/admin/OutboxPage'), 'OutboxPage') },
              {
                path: 'beheer/achtergrondtaken',
                lazy: page(() => import('../capabilities/tasks/FailedJobsPage'), 'FailedJobsPage', 'job:monitor'),
              },
              {
                path: 'team/taken',
                lazy: page(() => import('../capabilities/tasks/TeamTasksPage'), 'TeamTasksPage', 'task:read_team'),
              },
              { path: 'beheer', element: <Navigate to="/beheer/gebruikers" replace /> },
              {
                path: 'balie',
                lazy: page(() => import('../capabilities/intake/HostDeskPage'), 'HostDeskPage', 'host_question:write'),
              },
              {
                path: 'aanmeldingen',
                lazy: page(
                  () => import('../capabilities/intake/ReferralInboxPage'),
                  'ReferralInboxPage',
                  'referral:read',
                ),
              },
              {
                path: 'aanmeldingen/overleggen',
                lazy: page(
                  () => import('../capabilities/intake/TeamConsultationsPage'),
                  'TeamConsultationsPage',
                  'referral:read',
                ),
              },
              {
                path: 'aanmeldingen/nieuw',
                lazy: page(
                  () => import('../capabilities/intake/RegisterReferralPage'),
                  'RegisterReferralPage',
                  'referral:write',
                ),
              },
              {
                path: 'aanmeldingen/:id',
                lazy: page(() => import('../capabilities/intake/ReferralPage'), 'ReferralPage', 'referral:read'),
              },
              {
                path: 'overleg',
                lazy: page(() => import('../capabilities/intake/MeetingsPage'), 'MeetingsPage', 'meeting:read'),
              },
              {
                path: 'overleg/:id',
                lazy: page(() => import('../capabilities/intake/MeetingPage'), 'MeetingPage', 'meeting:read'),
              },
              {
                // The case file: an overview plus sections, each on its own address (issue #19, ADR 0042).
                path: 'dossiers/:id',
                lazy: page(() => import('../capabilities/case-files/CasePage'), 'CasePage', 'case:read'),
                children: [
                  {
                    index: true,
                    lazy: page(() => import('../capabilities/case-files/CasePage'), 'CaseOverviewSection'),
                  },
                  {
                    path: 'journaal',
                    lazy: page(() => import('../capabilities/case-files/CasePage'), 'JournalSection'),
                  },
                  { path: 'taken', lazy: page(() => import('../capabilities/case-files/CasePage'), 'TasksSection') },
                  {
                    path: 'huishouden',
                    lazy: page(() => import('../capabilities/case-files/CasePage'), 'HouseholdAndNetworkSection'),
                  },
                  {
                    path: 'zrm',
                    lazy: page(() => import('../capabilities/case-files/CasePage'), 'ZrmAndParticipationSection'),
                  },
                  {
                    path: 'veiligheid',
                    lazy: page(() => import('../capabilities/case-files/CasePage'), 'SafetySection'),
                  },
                  { path: 'eropaf', lazy: page(() => import('../capabilities/case-files/CasePage'), 'OutreachPart') },
                  {
                    path: 'toestemmingen',
                    lazy: page(() => import('../capabilities/case-files/CasePage'), 'ConsentsAndPrivacySection'),
                  },
                  {
                    path: 'overleg',
                    lazy: page(() => import('../capabilities/case-files/CasePage'), 'MeetingsSection'),
                  },
                  { path: 'verloop', lazy: page(() => import('../capabilities/case-files/CasePage'), 'CoursePart') },
                  {
                    path: 'mijn-nabij',
                    lazy: page(() => import('../capabilities/case-files/CasePage'), 'PortalSection'),
                  },
                  { path: 'tijdlijn', lazy: page(() => import('../capabilities/case-files/CasePage'), 'TimelinePart') },
                ],
              },
              {
                path: 'dossiers/:id/zrm/nieuw',
                lazy: page(() => import('../capabilities/case-files/ZrmScoringPage'), 'ZrmScoringPage', 'case:read'),
              },
              {
                path: 'dossiers/:id/evaluatie',
                lazy: page(() => import('../capabilities/lifecycle/EvaluationPage'), 'EvaluationPage', 'case:read'),
              },
              {
                path: 'dossiers/:id/afsluiten',
                lazy: page(() => import('../capabilities/lifecycle/ClosurePage'), 'ClosurePage', 'case:read'),
              },
              {
                path: 'dossiers/:id/waakvlam',
                lazy: page(() => import('../capabilities/lifecycle/WatchPage'), 'WatchPage', 'case:read'),
              },
              {
                path: 'dossiers/:id/meldcode/:recordId',
                lazy: page(() => import('../capabilities/case-files/MeldcodePage'), 'MeldcodePage', 'case:read'),
              },
              {
                path: 'casuistiekoverleg',
                lazy: page(() => import('../capabilities/coordination/CaseReviewPage'), 'CaseReviewPage', 'case:read'),
              },
              {
                path: 'casuistiekoverleg/:id',
                lazy: page(
                  () => import('../capabilities/coordination/CaseReviewMeetingPage'),
                  'CaseReviewMeetingPage',
                  'case:read',
                ),
              },
              // Workers record signals, the coordinator and the municipal consultant read them; the page checks both.
              { path: 'signalen', lazy: page(() => import('../capabilities/coordination/SignalsPage'), 'SignalsPage') },
              // The coordinator (own teams) and the policy advisor (every team) see management information; the pages check both.
              {
                path: 'sturingsinformatie',
                lazy: page(() => import('../capabilities/management-information/DashboardPage'), 'DashboardPage'),
              },
              {
                path: 'sturingsinformatie/kwaliteitsspiegel',
                lazy: page(
                  () => import('../capabilities/management-information/QualityMirrorPage'),
                  'QualityMirrorPage',
                ),
              },
              {
                path: 'verdeling',
                lazy: page(() => import('../capabilities/intake/AssignmentPage'), 'AssignmentPage', 'case:assign'),
              },
              // The coordinator moves a worker's caseload (issue #17 item 6).
              {
                path: 'dossiers-overdragen',
                lazy: page(
                  () => import('../capabilities/coordination/CaseloadMovePage'),
                  'CaseloadMovePage',
                  'case:assign',
                ),
              },
              // The privacy officer's pages; the API also requires a session confirmed with two-factor.
              { path: 'privacy', element: <Navigate to="/privacy/logboek" replace /> },
              {
                path: 'privacy/logboek',
                lazy: page(() => import('../capabilities/privacy/AccessLogPage'), 'AccessLogPage', 'access_log:read'),
              },
              {
                path: 'privacy/clienten/:id',
                lazy: page(
                  () => import('../capabilities/privacy/PersonAccessPage'),
                  'PersonAccessPage',
                  'access_log:read',
                ),
              },
              {
                path: 'privacy/noodtoegang',
                lazy: page(
                  () => import('../capabilities/privacy/EmergencyOverviewPage'),
                  'EmergencyOverviewPage',
                  'access_log:read',
                ),
              },
              {
                path: 'privacy/verzoeken',
                lazy: page(() => import('../capabilities/avg-rights/RequestsPage'), 'RequestsPage', 'privacy:manage'),
              },
              {
                path: 'privacy/verzoeken/:id',
                lazy: page(() => import('../capabilities/avg-rights/RequestPage'), 'RequestPage', 'privacy:manage'),
              },
              {
                path: 'privacy/vernietigen',
                lazy: page(() => import('../capabilities/avg-rights/RetentionPage'), 'RetentionPage', 'privacy:manage'),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
