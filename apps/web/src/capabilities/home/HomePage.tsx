import type { HouseholdLanguage, PersonSummary } from '@nabij/contracts';
import {
  Alert,
  ButtonGroup,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { errorText } from '../../app/errors';
import { joinList, t } from '../../app/i18n';
import { useSession, type SessionUser } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppButtonLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { AppLink } from '../../components/AppLink';
import { formatDate, PersonSummaryTable } from '../persons';
import { deadlineText } from '../case-files/case-format';
import { languageText } from '../intake/intake-format';
import { quickActions } from './home-actions';
import { Fragment } from 'react';
import { QuickContactButton, QuickContactRow } from '../contact-log/QuickContactFromHome';
import { MyTasksSection } from '../tasks/MyTasksSection';
import { UnreadMessagesSection } from '../resident/UnreadMessagesSection';

function RecentPersons() {
  const home = useResource<{ recentPersons: PersonSummary[] }>('/api/home');
  return (
    <section aria-labelledby="home-recent-heading" className="nabij-section">
      <Heading2 id="home-recent-heading">{t('home.recentHeading')}</Heading2>
      {home.status === 'loading' ? <Loading /> : null}
      {home.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(home.error)}</Paragraph>
        </Alert>
      ) : null}
      {home.status === 'ready' && home.data.recentPersons.length === 0 ? (
        <Paragraph>{t('home.recentEmpty')}</Paragraph>
      ) : null}
      {home.status === 'ready' && home.data.recentPersons.length > 0 ? (
        <PersonSummaryTable persons={home.data.recentPersons} caption={t('home.recentHeading')} />
      ) : null}
    </section>
  );
}

interface CaseSummary {
  id: string;
  reference: string;
  householdName: string;
  primaryPersonId: string | null;
  phase: string;
  openedAt: string;
  myRole: 'case_worker' | 'tandem' | 'process_coordinator';
  analysisDeadline: string | null;
  analysisOverdue: boolean;
  /** The household's language and need of an interpreter (issue #17 item 10). */
  language?: HouseholdLanguage | undefined;
}

/** The case worker's own case files. */
function MyCases() {
  const mine = useResource<{ cases: CaseSummary[] }>('/api/cases/mine');
  return (
    <section aria-labelledby="home-cases-heading" className="nabij-section">
      <Heading2 id="home-cases-heading">{t('home.casesHeading')}</Heading2>
      {mine.status === 'loading' ? <Loading /> : null}
      {mine.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(mine.error)}</Paragraph>
        </Alert>
      ) : null}
      {mine.status === 'ready' && mine.data.cases.length === 0 ? <Paragraph>{t('home.casesEmpty')}</Paragraph> : null}
      {mine.status === 'ready' && mine.data.cases.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('home.casesHeading')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('home.caseHousehold')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('home.casePhase')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('home.caseOpened')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('home.caseDeadline')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('home.caseRole')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('home.caseReference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('contactLog.quickColumn')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {mine.data.cases.map((c) => (
                <Fragment key={c.id}>
                  <TableRow>
                    <TableCell data-label={t('home.caseHousehold')}>
                      <AppLink to={`/dossiers/${encodeURIComponent(c.id)}`}>{c.householdName}</AppLink>
                      {c.language?.interpreterNeeded ? (
                        <span className="nabij-interpreter-note"> — {languageText(c.language)}</span>
                      ) : null}
                    </TableCell>
                    <TableCell data-label={t('home.casePhase')}>{t(`phase.${c.phase}`)}</TableCell>
                    <TableCell data-label={t('home.caseOpened')}>{formatDate(c.openedAt)}</TableCell>
                    <TableCell data-label={t('home.caseDeadline')}>
                      {c.analysisOverdue ? (
                        <strong>{deadlineText(c.analysisDeadline, true)}</strong>
                      ) : (
                        deadlineText(c.analysisDeadline, false)
                      )}
                    </TableCell>
                    <TableCell data-label={t('home.caseRole')}>{t(`home.caseRole.${c.myRole}`)}</TableCell>
                    <TableCell data-label={t('home.caseReference')}>{c.reference}</TableCell>
                    <TableCell data-label={t('contactLog.quickColumn')}>
                      <QuickContactButton caseId={c.id} householdName={c.householdName} />
                    </TableCell>
                  </TableRow>
                  <QuickContactRow caseId={c.id} householdName={c.householdName} colSpan={7} />
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}

function AboutMe({ user }: { user: SessionUser }) {
  const roles = user.roles.map((role) => t(`role.${role}`));
  const teams = user.teams.map((team) => team.name);
  return (
    <Paragraph>
      {t(roles.length === 1 ? 'home.roleOne' : 'home.roleMany', { roles: joinList(roles) })}{' '}
      {teams.length > 0
        ? t(teams.length === 1 ? 'home.teamOne' : 'home.teamMany', { teams: joinList(teams) })
        : t('home.noTeam')}
    </Paragraph>
  );
}

/** "Mijn werk": greeting, roles and teams, quick actions, own case files and recently opened persons. */
export function HomePage() {
  usePageTitle(t('home.title'));
  const { user, can } = useSession();
  if (!user) return null;
  const actions = quickActions(user.permissions);

  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <Paragraph appearance="lead">{t('home.greeting', { name: user.displayName })}</Paragraph>
      <AboutMe user={user} />
      {actions.length > 0 ? (
        <section aria-labelledby="home-actions-heading" className="nabij-section">
          <Heading2 id="home-actions-heading">{t('home.actionsHeading')}</Heading2>
          <ButtonGroup>
            {actions.map((action) => (
              <AppButtonLink
                key={action.to}
                to={action.to}
                appearance={action.primary ? 'primary-action-button' : 'secondary-action-button'}
              >
                {t(action.labelKey)}
              </AppButtonLink>
            ))}
          </ButtonGroup>
        </section>
      ) : (
        <Alert type="info">
          <Paragraph>{t('home.noAccess')}</Paragraph>
        </Alert>
      )}
      {/* Before the sections that load their data, so it never jumps down when they arrive (issue #18: CLS). */}
      {!user.totpEnabled ? (
        <section aria-labelledby="home-security-heading" className="nabij-section">
          <Heading2 id="home-security-heading">{t('home.securityHeading')}</Heading2>
          <Paragraph>{t('home.securityText')}</Paragraph>
          <AppButtonLink to="/inloggen/tweestapsverificatie-instellen" appearance="secondary-action-button">
            {t('home.securityAction')}
          </AppButtonLink>
        </section>
      ) : null}
      {can('case:read_own') ? <MyTasksSection /> : null}
      {can('case:read_own') ? <UnreadMessagesSection /> : null}
      {can('case:read_own') || can('case:read_linked') ? <MyCases /> : null}
      {can('person:read') ? <RecentPersons /> : null}
    </>
  );
}
