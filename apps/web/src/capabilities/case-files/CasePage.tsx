import type { CaseOverview, PlanPageView } from '@nabij/contracts';
import {
  Alert,
  DataList,
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
import { useLocation, useParams } from 'react-router';
import { joinList, t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppButtonLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime, languageText } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import { MinorBadge } from '../persons/MinorBadge';
import { ChildSafetySection, ConsentsSection, MeldcodeSection, OutreachSection, ParticipationSection } from './AnalysisSections';
import { deadlineText, newestFirst, zrmDomainLabel } from './case-format';
import { CaseLoadError, failedTitle, isForbidden, Item, SavedNotice } from './CaseParts';
import { NetworkSection, ProfessionalsSection } from './NetworkSections';
import { ZrmSection } from './ZrmSection';
import { CasePrivacySection } from '../avg-rights/CasePrivacySection';
import { ContactLogSection } from '../contact-log/ContactLogSection';
import { CaseTasksSection } from '../tasks/CaseTasksSection';
import { ResidentPortalSection } from '../resident/ResidentPortalSection';
import { CourseSection } from '../lifecycle/CourseSection';
import { CaseCoordinationSections } from '../coordination/CaseCoordinationSections';
import { EmergencyAccessNotice, EmergencyAccessPanel } from '../privacy/EmergencyAccessPanel';

/** The in-page navigation: anchors to the sections that this case shows. */
export function caseSections(overview: Pick<CaseOverview, 'hasMinors' | 'meldcode'>): { id: string; labelKey: string }[] {
  return [
    { id: 'journaal', labelKey: 'contactLog.heading' },
    { id: 'taken', labelKey: 'tasks.caseHeading' },
    { id: 'huishouden', labelKey: 'case.household' },
    { id: 'netwerk', labelKey: 'case.network' },
    { id: 'professionals', labelKey: 'case.professionals' },
    { id: 'zrm', labelKey: 'case.zrm' },
    { id: 'participatie', labelKey: 'case.participation' },
    ...(overview.hasMinors ? [{ id: 'veiligheid', labelKey: 'case.childSafety' }] : []),
    ...(overview.meldcode !== null ? [{ id: 'meldcode', labelKey: 'case.meldcode' }] : []),
    { id: 'eropaf', labelKey: 'case.outreach' },
    { id: 'toestemming', labelKey: 'case.consents' },
    { id: 'tijdlijn', labelKey: 'case.timeline' },
  ];
}

function Header({ overview }: { overview: CaseOverview }) {
  return (
    <DataList className="nabij-case-header">
      <Item label={t('case.reference')}>{overview.reference ?? t('case.noReference')}</Item>
      <Item label={t('case.phase')}>{t(`phase.${overview.phase}`)}</Item>
      <Item label={t('case.team')}>{overview.teamName}</Item>
      <Item label={t('case.caseWorker')}>{overview.caseWorker.name}</Item>
      <Item label={t('case.tandem')}>{overview.tandem?.name ?? t('case.noTandem')}</Item>
      <Item label={t('case.analysisDeadline')}>
        {overview.analysisOverdue ? <strong>{deadlineText(overview.analysisDeadline, true)}</strong> : deadlineText(overview.analysisDeadline, false)}
      </Item>
      <Item label={t('language.summary')}>{languageText(overview.language) ?? t('language.unknown')}</Item>
      <Item label={t('case.questionDomains')}>
        {overview.questionDomains.length > 0 ? joinList(overview.questionDomains.map(zrmDomainLabel)) : t('case.noQuestionDomains')}
      </Item>
    </DataList>
  );
}

function Alerts({ overview }: { overview: CaseOverview }) {
  return (
    <>
      {overview.childSafetyRequired ? (
        <Alert type="warning">
          <Paragraph>
            {t('case.childSafetyRequired')} <a href="#veiligheid" className="utrecht-link utrecht-link--html-a">{t('case.childSafetyRequiredLink')}</a>
          </Paragraph>
        </Alert>
      ) : null}
      {overview.meldcodeSuggested && overview.meldcode !== null ? (
        <Alert type="warning">
          <Paragraph>
            <strong>{t('case.meldcodeSuggested')}</strong>. {t('case.meldcodeSuggestedText')}{' '}
            <a href="#meldcode" className="utrecht-link utrecht-link--html-a">{t('case.meldcodeSuggestedLink')}</a>
          </Paragraph>
        </Alert>
      ) : null}
      {overview.outreach.flaggedForTeam ? (
        <Alert type="warning">
          <Paragraph>
            {t('case.outreachFlagged')} <a href="#eropaf" className="utrecht-link utrecht-link--html-a">{t('case.outreach')}</a>
          </Paragraph>
        </Alert>
      ) : null}
    </>
  );
}

function SectionNav({ overview }: { overview: CaseOverview }) {
  return (
    <nav aria-labelledby="case-nav-heading" className="nabij-case-nav">
      <Heading2 id="case-nav-heading" className="nabij-case-nav__title">
        {t('case.sectionsNav')}
      </Heading2>
      <ul className="nabij-case-nav__list">
        {caseSections(overview).map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} className="utrecht-link utrecht-link--html-a nabij-case-nav__link">
              {t(s.labelKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function HouseholdSection({ overview }: { overview: CaseOverview }) {
  const members = overview.household?.members ?? [];
  return (
    <section id="huishouden" aria-labelledby="huishouden-heading" className="nabij-section">
      <Heading2 id="huishouden-heading">{t('case.household')}</Heading2>
      {members.length === 0 ? <Paragraph>{t('case.noMembers')}</Paragraph> : null}
      {members.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{overview.household?.name ?? t('case.household')}</TableCaption>
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
                  <TableCell data-label={t('case.age')}>{m.age === null ? t('common.unknown') : t(m.ageEstimated ? 'person.ageEstimated' : 'case.ageYears', { age: m.age })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}

function TimelineSection({ overview }: { overview: CaseOverview }) {
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

/** Where the household's plan stands: none yet, a draft, or agreed (with the date). */
function PlanStatus({ caseId }: { caseId: string }) {
  const plan = useResource<PlanPageView>(`/api/cases/${encodeURIComponent(caseId)}/plan`);
  if (plan.status !== 'ready') return null;
  const versions = plan.data.plan?.versions ?? [];
  const agreed = [...versions].reverse().find((v) => v.status === 'agreed');
  const draft = versions.find((v) => v.status === 'draft');
  const text = !plan.data.plan
    ? t('case.planNone')
    : draft && agreed
      ? t('case.planAgreedWithDraft', { number: agreed.number, date: formatDate(agreed.agreedOn), draft: draft.number })
      : agreed
        ? t('case.planAgreed', { number: agreed.number, date: formatDate(agreed.agreedOn) })
        : t('case.planDraft', { number: draft?.number ?? 1 });
  return <Paragraph>{text}</Paragraph>;
}

/** The case file: "the page a worker lives in" during the analysis phase. */
export function CasePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const overview = useResource<CaseOverview>(`/api/cases/${encodeURIComponent(id)}`);
  const householdName = overview.data?.household?.name ?? t('case.noHousehold');
  const title = overview.status === 'ready' ? householdName : overview.status === 'failed' ? failedTitle(overview.error, t('case.title')) : t('case.title');
  usePageTitle(overview.status === 'ready' ? t('case.titleWith', { name: householdName }) : title);
  const zrmSaved = typeof location.state === 'object' && location.state !== null && 'zrmSaved' in location.state;
  // The process coordinator (municipal consultant linked to the case) reads the overview and the plan only (ADR 0033).
  const { can } = useSession();
  const processCoordinatorOnly = !can('case:read') && can('case:read_linked');

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {overview.status === 'loading' ? <Loading /> : null}
      {overview.status === 'failed' ? <CaseLoadError error={overview.error} /> : null}
      {overview.status === 'failed' && isForbidden(overview.error) && !processCoordinatorOnly ? <EmergencyAccessPanel caseId={id} onGranted={overview.reload} /> : null}
      {overview.status === 'ready' ? (
        <>
          {zrmSaved ? <SavedNotice text={t('case.zrmSaved')} /> : null}
          {processCoordinatorOnly ? null : <EmergencyAccessNotice caseId={overview.data.id} onEnded={overview.reload} />}
          <Header overview={overview.data} />
          <Alerts overview={overview.data} />
          <PlanStatus caseId={overview.data.id} />
          <Paragraph>
            <AppButtonLink to={`/dossiers/${encodeURIComponent(overview.data.id)}/plan`} appearance="primary-action-button">
              {t('case.toPlan')}
            </AppButtonLink>
          </Paragraph>
          {/* The referral the case came from: completed and corrected by those who work on the case (issue #17 item 4). */}
          {processCoordinatorOnly ? null : (
            <Paragraph>
              <AppButtonLink to={`/dossiers/${encodeURIComponent(overview.data.id)}/aanmelding`} appearance="subtle-button">
                {t('case.correctReferral')}
              </AppButtonLink>
            </Paragraph>
          )}
          {processCoordinatorOnly ? (
            <>
              <Alert type="info">
                <Paragraph>{t('case.processCoordinatorOnly')}</Paragraph>
              </Alert>
              <HouseholdSection overview={overview.data} />
            </>
          ) : null}
        </>
      ) : null}
      {overview.status === 'ready' && !processCoordinatorOnly ? (
        <>
          <CourseSection caseId={overview.data.id} onChanged={overview.reload} />
          <SectionNav overview={overview.data} />
          <ContactLogSection overview={overview.data} onChanged={overview.reload} />
          <CaseTasksSection overview={overview.data} onChanged={overview.reload} />
          <ResidentPortalSection caseId={overview.data.id} />
          <HouseholdSection overview={overview.data} />
          <NetworkSection overview={overview.data} onChanged={overview.setData} />
          <ProfessionalsSection overview={overview.data} onChanged={overview.setData} />
          <ZrmSection overview={overview.data} />
          <ParticipationSection overview={overview.data} onChanged={overview.setData} />
          {overview.data.hasMinors ? <ChildSafetySection overview={overview.data} onChanged={overview.setData} /> : null}
          {overview.data.meldcode !== null ? <MeldcodeSection overview={overview.data} /> : null}
          <OutreachSection overview={overview.data} onChanged={overview.setData} />
          <ConsentsSection overview={overview.data} onChanged={overview.setData} />
          <CasePrivacySection caseId={overview.data.id} />
          <CaseCoordinationSections caseId={overview.data.id} />
          <TimelineSection overview={overview.data} />
        </>
      ) : null}
    </>
  );
}
