import type { CaseCourseView, CaseOverview, PlanPageView } from '@nabij/contracts';
import {
  Alert,
  ButtonGroup,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import { municipalToday } from '../../app/dates';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppButtonLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime, languageText } from '../intake/intake-format';
import { MinorBadge } from '../persons/MinorBadge';
import {
  ChildSafetySection,
  ConsentsSection,
  MeldcodeSection,
  OutreachSection,
  ParticipationSection,
} from './AnalysisSections';
import { newestFirst } from './case-format';
import { alertItems, goalProgress, nextDeadline, planStatusText, todoItems, zrmTrends } from './case-overview';
import { caseSections, sectionHref, sectionOfAnchor, sectionOfPath } from './case-sections';
import {
  AlertsCard,
  CaseSummary,
  PeopleCard,
  PlanCard,
  RecentContactsCard,
  TodoCard,
  ZrmTrendCard,
} from './CaseOverviewParts';
import { CaseLoadError, failedTitle, isForbidden, SavedNotice } from './CaseParts';
import { NetworkSection, ProfessionalsSection } from './NetworkSections';
import { AnalysisConclusionSection, NetworkMeetingsSection } from './ConclusionAndMeetingSections';
import { ZrmSection } from './ZrmSection';
import { CasePrivacySection } from '../avg-rights/CasePrivacySection';
import { mayLogContacts } from '../contact-log/contact-form';
import { ContactLogSection } from '../contact-log/ContactLogSection';
import { CaseTasksSection } from '../tasks/CaseTasksSection';
import { ResidentPortalSection } from '../resident/ResidentPortalSection';
import { CourseSection } from '../lifecycle/CourseSection';
import { CaseCoordinationSections } from '../coordination/CaseCoordinationSections';
import { EmergencyAccessNotice, EmergencyAccessPanel } from '../privacy/EmergencyAccessPanel';
import './case-file.css';

/** The keyboard shortcut of "Contact vastleggen" on every page of a case (announced with aria-keyshortcuts). */
export const CONTACT_SHORTCUT = 'Alt+Shift+C';

/** What the case frame hands to its sections (React Router outlet context). */
export interface CaseContext {
  overview: CaseOverview;
  reload: () => void;
  setData: (overview: CaseOverview) => void;
  processCoordinatorOnly: boolean;
}

export function useCase(): CaseContext {
  return useOutletContext<CaseContext>();
}

export function HouseholdSection({ overview }: { overview: CaseOverview }) {
  const members = overview.household?.members ?? [];
  return (
    <section id="huishouden" aria-labelledby="huishouden-heading" className="nabij-section">
      <Heading2 id="huishouden-heading">{t('case.household')}</Heading2>
      {members.length === 0 ? <Paragraph>{t('case.noMembers')}</Paragraph> : null}
      {members.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">
              {overview.household?.name ?? t('case.household')}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('case.member')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.relation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.age')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((m) => (
                <TableRow key={m.id}>
                  <TableCell data-label={t('case.member')}>
                    {m.fullName}
                    {m.isMinor ? <MinorBadge /> : null}
                  </TableCell>
                  <TableCell data-label={t('case.relation')}>{t(`relation.${m.relation}`)}</TableCell>
                  <TableCell data-label={t('case.age')}>
                    {m.age === null
                      ? t('common.unknown')
                      : t(m.ageEstimated ? 'person.ageEstimated' : 'case.ageYears', { age: m.age })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}

export function TimelineSection({ overview }: { overview: CaseOverview }) {
  const items = newestFirst(overview.timeline);
  return (
    <section id="tijdlijn" aria-labelledby="tijdlijn-heading" className="nabij-section">
      <Heading2 id="tijdlijn-heading">{t('case.timeline')}</Heading2>
      {items.length === 0 ? <Paragraph>{t('case.timelineNone')}</Paragraph> : null}
      {items.length > 0 ? (
        <OrderedList className="nabij-timeline">
          {items.map((item, index) => (
            <OrderedListItem key={`${item.at}-${index}`}>
              <time dateTime={item.at}>{formatDateTime(item.at)}</time>: {item.summary}
              {item.byName ? ` ${t('case.timelineBy', { name: item.byName })}` : ''}
            </OrderedListItem>
          ))}
        </OrderedList>
      ) : null}
    </section>
  );
}

/** The skip list of the case's sections: each its own address; the current one marked. On a phone one scrolling row. */
function CaseNav({ overview, processCoordinatorOnly }: { overview: CaseOverview; processCoordinatorOnly: boolean }) {
  return (
    <nav aria-label={t('caseFile.nav')} className="nabij-case-nav">
      <ul className="nabij-case-nav__list">
        {caseSections(overview, processCoordinatorOnly).map((s) => (
          <li key={s.path}>
            <NavLink
              to={sectionHref(overview.id, s.path)}
              end
              className="utrecht-link utrecht-link--html-a nabij-case-nav__link"
            >
              {t(s.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
      {processCoordinatorOnly ? null : <p className="nabij-case-nav__hint nabij-muted">{t('caseFile.shortcuts')}</p>}
    </nav>
  );
}

/** Alt+Shift+C anywhere on the case: open "Contact vastleggen" in the journaal, focus in its first field. */
function useContactShortcut(caseId: string, enabled: boolean): void {
  const navigate = useNavigate();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== 'KeyC') return;
      event.preventDefault();
      void navigate(sectionHref(caseId, 'journaal'), { state: { openContact: Date.now() } });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [caseId, enabled, navigate]);
}

/**
 * The case file (issue #19, ADR 0042): a frame with the household's name, the skip list of sections and the
 * emergency-access notice; below it the overview (index) or one section, each on its own address under /dossiers/:id.
 * The case is read once here and handed to the sections.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const overview = useResource<CaseOverview>(`/api/cases/${encodeURIComponent(id)}`);
  const householdName = overview.data?.household?.name ?? t('case.noHousehold');
  const section = sectionOfPath(location.pathname) ?? '';
  const sectionLabel =
    overview.status === 'ready' ? caseSections(overview.data, false).find((s) => s.path === section) : undefined;
  const title =
    overview.status === 'ready'
      ? householdName
      : overview.status === 'failed'
        ? failedTitle(overview.error, t('case.title'))
        : t('case.title');
  usePageTitle(
    overview.status === 'ready'
      ? section !== '' && sectionLabel
        ? t('caseFile.sectionTitle', { section: t(sectionLabel.labelKey), name: householdName })
        : t('case.titleWith', { name: householdName })
      : title,
  );
  const zrmSaved = typeof location.state === 'object' && location.state !== null && 'zrmSaved' in location.state;
  // The process coordinator (municipal consultant linked to the case) reads the overview and the plan only (ADR 0033).
  const { user, can } = useSession();
  const processCoordinatorOnly = !can('case:read') && can('case:read_linked');
  useContactShortcut(
    id,
    overview.status === 'ready' && user !== undefined && !processCoordinatorOnly && mayLogContacts(user, overview.data),
  );

  // Old links to an anchor of the one-page case file (#netwerk, #overleg …) open the section that holds it now.
  const anchorSection = section === '' && location.hash ? sectionOfAnchor(location.hash) : undefined;
  if (anchorSection)
    return (
      <Navigate
        to={{ pathname: sectionHref(id, anchorSection), search: location.search }}
        state={location.state as unknown}
        replace
      />
    );

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {overview.status === 'loading' ? <Loading /> : null}
      {overview.status === 'failed' ? <CaseLoadError error={overview.error} /> : null}
      {overview.status === 'failed' && isForbidden(overview.error) && !processCoordinatorOnly ? (
        <EmergencyAccessPanel caseId={id} onGranted={overview.reload} />
      ) : null}
      {overview.status === 'ready' ? (
        <>
          <CaseNav overview={overview.data} processCoordinatorOnly={processCoordinatorOnly} />
          {zrmSaved ? <SavedNotice text={t('case.zrmSaved')} /> : null}
          {processCoordinatorOnly ? null : (
            <EmergencyAccessNotice caseId={overview.data.id} onEnded={overview.reload} />
          )}
          <div data-case-section={section || 'overzicht'}>
            <Outlet
              context={
                {
                  overview: overview.data,
                  reload: overview.reload,
                  setData: overview.setData,
                  processCoordinatorOnly,
                } satisfies CaseContext
              }
            />
          </div>
        </>
      ) : null}
    </>
  );
}

/** The overview: what a worker needs at a glance at the door of a home visit (issue #19 item 1). */
export function CaseOverviewSection() {
  const { processCoordinatorOnly } = useCase();
  // The course (next evaluation) is the worker's; a process coordinator does not load it.
  return processCoordinatorOnly ? <OverviewBody courseData={undefined} /> : <OverviewWithCourse />;
}

function OverviewWithCourse() {
  const { overview } = useCase();
  const course = useResource<CaseCourseView>(`/api/cases/${encodeURIComponent(overview.id)}/course`);
  return <OverviewBody courseData={course.status === 'ready' ? course.data : undefined} />;
}

function OverviewBody({ courseData }: { courseData: CaseCourseView | undefined }) {
  const { overview, processCoordinatorOnly } = useCase();
  const { user } = useSession();
  const plan = useResource<PlanPageView>(`/api/cases/${encodeURIComponent(overview.id)}/plan`);
  const today = municipalToday();
  const canLog = user !== undefined && !processCoordinatorOnly && mayLogContacts(user, overview);
  return (
    <div className="nabij-case-overview">
      <ButtonGroup className="nabij-case-overview__actions">
        {canLog ? (
          <AppButtonLink
            to={sectionHref(overview.id, 'journaal')}
            state={{ openContact: 'overview' }}
            appearance="primary-action-button"
            aria-keyshortcuts={CONTACT_SHORTCUT}
          >
            {t('caseFile.logContact')}
          </AppButtonLink>
        ) : null}
        {/* The referral the case came from: completed and corrected by those who work on the case (issue #17 item 4). */}
        {canLog ? (
          <AppButtonLink to={`/dossiers/${encodeURIComponent(overview.id)}/aanmelding`} appearance="subtle-button">
            {t('case.correctReferral')}
          </AppButtonLink>
        ) : null}
      </ButtonGroup>
      <CaseSummary overview={overview} deadline={nextDeadline(overview, courseData, today)} />
      {processCoordinatorOnly ? (
        <Alert type="info">
          <Paragraph>{t('case.processCoordinatorOnly')}</Paragraph>
        </Alert>
      ) : null}
      <div className="nabij-overview-grid">
        <AlertsCard caseId={overview.id} items={alertItems(overview, languageText(overview.language))} />
        {processCoordinatorOnly ? null : (
          <TodoCard caseId={overview.id} items={todoItems(overview, courseData, today)} />
        )}
        {processCoordinatorOnly ? null : <RecentContactsCard overview={overview} />}
        <PlanCard
          caseId={overview.id}
          status={plan.status === 'ready' ? planStatusText(plan.data.plan) : undefined}
          goals={plan.status === 'ready' ? goalProgress(plan.data.plan) : []}
        />
        {processCoordinatorOnly ? null : <ZrmTrendCard caseId={overview.id} trends={zrmTrends(overview.zrm)} />}
        <PeopleCard overview={overview} />
      </div>
    </div>
  );
}

/** A section a process coordinator may not see (the skip list does not offer it; a typed address says so). */
function NotForProcessCoordinator() {
  return (
    <Alert type="info">
      <Paragraph>{t('caseFile.notForYou')}</Paragraph>
    </Alert>
  );
}

export function JournalSection() {
  const { overview, reload, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <NotForProcessCoordinator />;
  return <ContactLogSection overview={overview} onChanged={reload} />;
}

export function TasksSection() {
  const { overview, reload, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <NotForProcessCoordinator />;
  return <CaseTasksSection overview={overview} onChanged={reload} />;
}

export function HouseholdAndNetworkSection() {
  const { overview, setData, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <HouseholdSection overview={overview} />;
  return (
    <>
      <HouseholdSection overview={overview} />
      <NetworkSection overview={overview} onChanged={setData} />
      <ProfessionalsSection overview={overview} onChanged={setData} />
      <NetworkMeetingsSection overview={overview} onChanged={setData} />
    </>
  );
}

export function ZrmAndParticipationSection() {
  const { overview, setData, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <NotForProcessCoordinator />;
  return (
    <>
      <ZrmSection overview={overview} />
      <ParticipationSection overview={overview} onChanged={setData} />
      <AnalysisConclusionSection overview={overview} onChanged={setData} />
    </>
  );
}

export function SafetySection() {
  const { overview, setData, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <NotForProcessCoordinator />;
  if (!overview.hasMinors && overview.meldcode === null) return <Paragraph>{t('caseFile.safetyNone')}</Paragraph>;
  return (
    <>
      {overview.hasMinors ? (
        <ChildSafetySection overview={overview} onChanged={setData} />
      ) : (
        <Paragraph>{t('caseFile.safetyNone')}</Paragraph>
      )}
      {overview.meldcode !== null ? <MeldcodeSection overview={overview} /> : null}
    </>
  );
}

export function OutreachPart() {
  const { overview, setData, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <NotForProcessCoordinator />;
  return <OutreachSection overview={overview} onChanged={setData} />;
}

export function ConsentsAndPrivacySection() {
  const { overview, setData, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <NotForProcessCoordinator />;
  return (
    <>
      <ConsentsSection overview={overview} onChanged={setData} />
      <CasePrivacySection caseId={overview.id} />
    </>
  );
}

export function MeetingsSection() {
  const { overview, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <NotForProcessCoordinator />;
  return <CaseCoordinationSections caseId={overview.id} />;
}

export function CoursePart() {
  const { overview, reload, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <NotForProcessCoordinator />;
  return <CourseSection caseId={overview.id} onChanged={reload} />;
}

export function PortalSection() {
  const { overview, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <NotForProcessCoordinator />;
  return <ResidentPortalSection caseId={overview.id} />;
}

export function TimelinePart() {
  const { overview, processCoordinatorOnly } = useCase();
  if (processCoordinatorOnly) return <NotForProcessCoordinator />;
  return <TimelineSection overview={overview} />;
}
