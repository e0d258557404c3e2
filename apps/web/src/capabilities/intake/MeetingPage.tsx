import type { HouseholdLanguage, ReferralStatus } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useRef, useState, type ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import { api } from '../../app/api';
import { ApiError, errorText } from '../../app/errors';
import { joinList, t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../persons/person-format';
import { DecisionForm } from './DecisionForm';
import { formatDateTime, formatDays, languageText } from './intake-format';
import type { ReferralListItem } from './ReferralInboxPage';

interface TriageView {
  situation: string;
  lifeDomains: string[];
  multipleProblems: boolean;
  knownToOthers: string | null;
  urgency: string;
  safety: string;
  expertiseNeeded: string | null;
}

interface DecisionView {
  outcome: string;
  interventions: string | null;
  goal: string | null;
  intendedResult: string | null;
  carriedOutBy: string | null;
  reasoning: string;
  discussedWithResident: boolean;
  decidedAt: string;
  decidedByName: string;
}

interface MeetingItem {
  referralId: string;
  reference: string;
  residentNames: string[];
  lifeDomains: string[];
  urgency: string;
  childrenAtRisk: string;
  question: string;
  status: ReferralStatus;
  version: number;
  triage: TriageView | null;
  decision: DecisionView | null;
  /** The household's language and need of an interpreter (issue #17 item 10). */
  language?: HouseholdLanguage | undefined;
  /** The household's open case (issue #17 item 7), and what the decision made of it. */
  openCase?: { caseId: string; reference: string | null; workerName: string; teamName: string } | null;
  openCaseOutcome?: { outcome: 'joined' | 'parallel_case'; reason: string | null } | null;
}

export interface MeetingView {
  id: string;
  teamId: string;
  teamName: string;
  date: string;
  chair: { id: string; name: string };
  participants: { userId: string | null; name: string; role: string | null }[];
  items: MeetingItem[];
  candidates: ReferralListItem[];
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

function Plain({ text }: { text: string | null }) {
  return text ? <span className="nabij-plain-text">{text}</span> : <>{t('referral.none')}</>;
}

function DecidedItem({ item }: { item: MeetingItem }) {
  const { triage, decision } = item;
  if (!decision) return null;
  return (
    <DataList>
      {triage ? (
        <>
          <Item label={t('triage.situation')}>
            <Plain text={triage.situation} />
          </Item>
          <Item label={t('triage.lifeDomains')}>{joinList(triage.lifeDomains.map((d) => t(`domain.${d}`)))}</Item>
          <Item label={t('triage.multipleProblems')}>
            {triage.multipleProblems ? t('triage.multipleShort') : t('triage.singleShort')}
          </Item>
          <Item label={t('triage.knownToOthers')}>
            <Plain text={triage.knownToOthers} />
          </Item>
          <Item label={t('triage.urgency')}>{t(`triageUrgency.${triage.urgency}`)}</Item>
          <Item label={t('triage.safety')}>
            <Plain text={triage.safety} />
          </Item>
          <Item label={t('triage.expertiseNeeded')}>
            <Plain text={triage.expertiseNeeded} />
          </Item>
        </>
      ) : null}
      <Item label={t('core.outcome')}>
        <strong>{t(`coreDecision.${decision.outcome}`)}</strong>
      </Item>
      <Item label={t('core.interventions')}>
        <Plain text={decision.interventions} />
      </Item>
      <Item label={t('core.goal')}>
        <Plain text={decision.goal} />
      </Item>
      <Item label={t('core.intendedResult')}>
        <Plain text={decision.intendedResult} />
      </Item>
      <Item label={t('core.carriedOutBy')}>
        <Plain text={decision.carriedOutBy} />
      </Item>
      <Item label={t('core.reasoning')}>
        <Plain text={decision.reasoning} />
      </Item>
      <Item label={t('core.discussedWithResident')}>
        {decision.discussedWithResident ? t('common.yes') : t('common.no')}
      </Item>
      <Item label={t('referral.decisionAt')}>
        {t('meeting.decidedBy', { name: decision.decidedByName, date: formatDateTime(decision.decidedAt) })}
      </Item>
    </DataList>
  );
}

function AgendaItem({
  meetingId,
  item,
  canManage,
  onDecided,
  onStale,
}: {
  meetingId: string;
  item: MeetingItem;
  canManage: boolean;
  onDecided: (meeting: MeetingView, reference: string) => void;
  onStale: () => void;
}) {
  const headingId = `item-${item.referralId}-heading`;
  const names = item.residentNames.length > 0 ? joinList(item.residentNames) : t('inbox.noName');
  return (
    <section aria-labelledby={headingId} className="nabij-agenda-item">
      <Heading3 id={headingId}>{t('meeting.itemHeading', { reference: item.reference, names })}</Heading3>
      <DataList>
        <Item label={t('referral.status')}>{t(`referralStatus.${item.status}`)}</Item>
        <Item label={t('referral.lifeDomains')}>{joinList(item.lifeDomains.map((d) => t(`domain.${d}`)))}</Item>
        <Item label={t('referral.urgency')}>{t(`urgency.${item.urgency}`)}</Item>
        <Item label={t('referral.childrenAtRisk')}>
          {item.childrenAtRisk === 'yes' ? (
            <StatusBadge status="warning" className="nabij-badge">
              {t('childRiskShort.yes')}
            </StatusBadge>
          ) : (
            t(`childRisk.${item.childrenAtRisk}`)
          )}
        </Item>
        <Item label={t('language.summary')}>{languageText(item.language) ?? t('language.unknown')}</Item>
        <Item label={t('referral.question')}>
          <Plain text={item.question} />
        </Item>
      </DataList>
      {!item.decision && item.childrenAtRisk === 'unknown' ? (
        <Alert type="info">
          <Paragraph>{t('meeting.questionForMeeting')}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        <AppLink to={`/aanmeldingen/${encodeURIComponent(item.referralId)}`}>
          {t('meeting.openReferral', { reference: item.reference })}
        </AppLink>
      </Paragraph>
      {!item.decision && item.openCase ? (
        <Alert type="warning">
          <Paragraph>
            {t('meeting.openCase', {
              reference: item.openCase.reference ?? '',
              worker: item.openCase.workerName,
              team: item.openCase.teamName,
            })}
          </Paragraph>
        </Alert>
      ) : null}
      {item.decision ? <DecidedItem item={item} /> : null}
      {item.openCaseOutcome ? (
        <Paragraph>
          <strong>
            {t(`meeting.openCaseOutcome.${item.openCaseOutcome.outcome}`, {
              reason: item.openCaseOutcome.reason ?? '',
            })}
          </strong>
        </Paragraph>
      ) : null}
      {!item.decision && canManage ? (
        <DecisionForm
          meetingId={meetingId}
          referralId={item.referralId}
          reference={item.reference}
          version={item.version}
          lifeDomains={item.lifeDomains}
          hasOpenCase={Boolean(item.openCase)}
          onDecided={(meeting) => onDecided(meeting, item.reference)}
          onStale={onStale}
        />
      ) : null}
    </section>
  );
}

/** One intake meeting: participants, the agenda with triage and core decision per referral, and candidates to add. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { can } = useSession();
  const canManage = can('meeting:manage');
  const meeting = useResource<MeetingView>(`/api/meetings/${encodeURIComponent(id)}`);
  const created = typeof location.state === 'object' && location.state !== null && 'meetingCreated' in location.state;
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(
    created ? { kind: 'ok', text: t('meeting.created') } : undefined,
  );
  const [busyItem, setBusyItem] = useState<string | undefined>(undefined);
  const noticeRef = useRef<HTMLDivElement>(null);
  const notFound = meeting.status === 'failed' && meeting.error instanceof ApiError && meeting.error.status === 404;
  const title =
    meeting.status === 'ready'
      ? t('meeting.titleWith', { date: formatDate(meeting.data.date) })
      : notFound
        ? t('meeting.notFoundTitle')
        : t('meeting.title');
  usePageTitle(title);

  const announce = (next: { kind: 'ok' | 'error'; text: string }) => {
    setNotice(next);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };

  const addItem = async (referralId: string, reference: string) => {
    setBusyItem(referralId);
    try {
      const updated = await api.post<MeetingView>(`/api/meetings/${encodeURIComponent(id)}/items`, { referralId });
      meeting.setData(updated);
      announce({ kind: 'ok', text: t('meeting.itemAdded', { reference }) });
    } catch (error) {
      announce({ kind: 'error', text: errorText(error) });
      meeting.reload();
    } finally {
      setBusyItem(undefined);
    }
  };

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1} className="nabij-notice">
          <Alert type={notice.kind}>
            <Paragraph>{notice.text}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {meeting.status === 'loading' ? <Loading /> : null}
      {meeting.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(meeting.error)}</Paragraph>
        </Alert>
      ) : null}
      {meeting.status === 'ready' ? (
        <>
          <DataList>
            <Item label={t('meetings.team')}>{meeting.data.teamName}</Item>
            <Item label={t('meetings.chair')}>{meeting.data.chair.name}</Item>
          </DataList>
          <Paragraph>
            <a
              className="utrecht-link utrecht-link--html-a"
              href={`/api/meetings/${encodeURIComponent(meeting.data.id)}/minutes.pdf`}
              download
            >
              {t('meeting.minutes')}
            </a>
          </Paragraph>
          <section aria-labelledby="meeting-participants-heading" className="nabij-section">
            <Heading2 id="meeting-participants-heading">{t('meeting.participantsHeading')}</Heading2>
            <UnorderedList>
              <UnorderedListItem>
                {meeting.data.chair.name} ({t('meetings.chair').toLowerCase()})
              </UnorderedListItem>
              {meeting.data.participants.map((p, index) => (
                <UnorderedListItem key={`${p.userId ?? p.name}-${index}`}>
                  {p.name}
                  {p.role ? ` (${p.role})` : null}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </section>
          <section aria-labelledby="meeting-agenda-heading" className="nabij-section">
            <Heading2 id="meeting-agenda-heading">{t('meeting.agendaHeading')}</Heading2>
            {meeting.data.items.length === 0 ? <Paragraph>{t('meeting.agendaEmpty')}</Paragraph> : null}
            {meeting.data.items.map((item) => (
              <AgendaItem
                key={item.referralId}
                meetingId={meeting.data.id}
                item={item}
                canManage={canManage}
                onDecided={(updated, reference) => {
                  meeting.setData(updated);
                  announce({ kind: 'ok', text: t('meeting.decisionSaved', { reference }) });
                }}
                onStale={meeting.reload}
              />
            ))}
          </section>
          {canManage ? (
            <section aria-labelledby="meeting-candidates-heading" className="nabij-section">
              <Heading2 id="meeting-candidates-heading">{t('meeting.candidatesHeading')}</Heading2>
              {meeting.data.candidates.length === 0 ? <Paragraph>{t('meeting.candidatesEmpty')}</Paragraph> : null}
              {meeting.data.candidates.length > 0 ? (
                <div className="nabij-table-scroll">
                  <Table className="nabij-responsive-table">
                    <TableCaption className="nabij-visually-hidden">{t('meeting.candidatesHeading')}</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('inbox.reference')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('inbox.residents')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('inbox.received')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('inbox.urgency')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {meeting.data.candidates.map((c) => (
                        <TableRow key={c.id}>
                          <TableCell data-label={t('inbox.reference')}>
                            <AppLink to={`/aanmeldingen/${encodeURIComponent(c.id)}`}>{c.reference}</AppLink>
                          </TableCell>
                          <TableCell data-label={t('inbox.residents')}>
                            {c.residentNames.length > 0 ? joinList(c.residentNames) : t('inbox.noName')}
                          </TableCell>
                          <TableCell data-label={t('inbox.received')}>
                            {t('inbox.ago', { date: formatDate(c.receivedAt), age: formatDays(c.ageDays) })}
                          </TableCell>
                          <TableCell data-label={t('inbox.urgency')}>{t(`urgency.${c.urgency}`)}</TableCell>
                          <TableCell data-label={t('common.actions')}>
                            <ButtonGroup>
                              <Button
                                appearance="secondary-action-button"
                                busy={busyItem === c.id}
                                disabled={busyItem !== undefined}
                                onClick={() => void addItem(c.id, c.reference)}
                              >
                                {t('meeting.addItem')}
                                <span className="nabij-visually-hidden"> {c.reference}</span>
                              </Button>
                            </ButtonGroup>
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              ) : null}
            </section>
          ) : null}
          <Paragraph>
            <AppLink to="/overleg">{t('meeting.backToList')}</AppLink>
          </Paragraph>
        </>
      ) : null}
    </>
  );
}
