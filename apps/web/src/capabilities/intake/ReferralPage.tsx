import { formatPhoneNumber, REFERRAL_CLOSE_REASONS, type ReferralStatus, type ReferralView } from '@nabij/contracts';
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
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
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
import { formatAddress, formatDate } from '../persons/person-format';
import { ContactLog } from './ContactLog';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextAreaField } from '../../components/TextAreaField';
import {
  canCloseWithoutCase,
  formatBytes,
  formatDateTime,
  labelledChoices,
  languageText,
  residentName,
} from './intake-format';
import { ReferralCorrection } from './ReferralCorrection';
import { LetterPanel } from './LetterPanel';
import { RegiecheckPanel } from './RegiecheckPanel';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** Free text from a referrer or worker: shown as plain text with its line breaks, never as HTML. */
function PlainText({ text }: { text: string | null }) {
  if (!text) return <>{t('referral.none')}</>;
  return <span className="nabij-plain-text">{text}</span>;
}

function Checklist({ items }: { items: ReferralView['checklist'] }) {
  return (
    <section aria-labelledby="referral-checklist-heading" className="nabij-section">
      <Heading2 id="referral-checklist-heading">{t('referral.checklistHeading')}</Heading2>
      <UnorderedList className="nabij-checklist">
        {items.map((item) => (
          <UnorderedListItem
            key={item.key}
            className={item.done ? 'nabij-checklist__item--done' : 'nabij-checklist__item--missing'}
          >
            <span aria-hidden="true" className="nabij-checklist__mark">
              {item.done ? '✓' : '✗'}
            </span>{' '}
            {t(`checklist.${item.key}`)}:{' '}
            <strong>{item.done ? t('referral.checkDone') : t('referral.checkMissing')}</strong>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}

function StatusActions({
  referral,
  busy,
  onChange,
}: {
  referral: ReferralView;
  busy: boolean;
  onChange: (status: ReferralStatus) => void;
}) {
  return (
    <section aria-labelledby="referral-status-heading" className="nabij-section">
      <Heading2 id="referral-status-heading">{t('referral.statusHeading')}</Heading2>
      {referral.allowedTransitions.length === 0 ? <Paragraph>{t('referral.statusNone')}</Paragraph> : null}
      {referral.allowedTransitions.length > 0 ? (
        <ButtonGroup>
          {referral.allowedTransitions.map((status) => (
            <Button
              key={status}
              appearance={status === 'complete' ? 'primary-action-button' : 'secondary-action-button'}
              disabled={busy}
              onClick={() => onChange(status)}
            >
              {t(`statusAction.${status}`)}
            </Button>
          ))}
        </ButtonGroup>
      ) : null}
    </section>
  );
}

function Details({ referral }: { referral: ReferralView }) {
  const r = referral.referrer;
  return (
    <>
      <section aria-labelledby="referral-referrer-heading" className="nabij-section">
        <Heading2 id="referral-referrer-heading">{t('referral.referrerHeading')}</Heading2>
        <DataList>
          <Item label={t('referral.referrerKind')}>{t(`referrerKindShort.${referral.referrerKind}`)}</Item>
          <Item label={t('register.referrerName')}>{r.name ?? t('common.unknown')}</Item>
          <Item label={t('public.referrerOrganisation')}>{r.organisation ?? t('common.unknown')}</Item>
          {r.role ? <Item label={t('public.referrerRole')}>{r.role}</Item> : null}
          <Item label={t('public.referrerPhone')}>
            {r.phone ? (
              <a className="utrecht-link utrecht-link--html-a" href={`tel:${r.phone.replace(/[\s-]/g, '')}`}>
                {formatPhoneNumber(r.phone)}
              </a>
            ) : (
              t('common.unknown')
            )}
          </Item>
          <Item label={t('public.referrerEmail')}>
            {r.email ? (
              <a className="utrecht-link utrecht-link--html-a" href={`mailto:${r.email}`}>
                {r.email}
              </a>
            ) : (
              t('common.unknown')
            )}
          </Item>
        </DataList>
      </section>

      <section aria-labelledby="referral-residents-heading" className="nabij-section">
        <Heading2 id="referral-residents-heading">{t('referral.residentsHeading')}</Heading2>
        {referral.residents.map((p, index) => {
          const name = residentName(p) || t('inbox.noName');
          const address = formatAddress(p);
          return (
            <div key={p.id} className="nabij-resident">
              <Heading3 id={`referral-resident-${index}`}>{name}</Heading3>
              <DataList>
                <Item label={t('referral.residentRole')}>{t(`residentRole.${p.role}`)}</Item>
                {p.relation ? (
                  <Item label={t('household.relation')}>
                    {p.relationDerived
                      ? t('referral.relationDerived', { relation: t(`relation.${p.relation}`) })
                      : t(`relation.${p.relation}`)}
                  </Item>
                ) : null}
                <Item label={t('person.dateOfBirth')}>
                  {p.dateOfBirth ? formatDate(p.dateOfBirth) : t('common.unknown')}
                  {p.age !== null ? ` (${t('person.ageYears', { age: p.age })})` : null}
                </Item>
                {p.role === 'resident' ? (
                  <>
                    <Item label={t('person.bsn')}>
                      {p.bsn ? t('person.bsnMasked', { last: p.bsn.slice(-4) }) : t('common.unknown')}
                    </Item>
                    <Item label={t('person.address')}>
                      {p.noFixedAddress
                        ? `${t('person.noFixedAddress')}: ${t(`noFixedAddress.${p.noFixedAddress}`)}${address ? ` (${address})` : ''}`
                        : address || t('common.unknown')}
                    </Item>
                    <Item label={t('person.phone')}>{p.phone ? formatPhoneNumber(p.phone) : t('common.unknown')}</Item>
                  </>
                ) : null}
                {p.personId ? (
                  <Item label={t('referral.linkedPerson')}>
                    <AppLink to={`/personen/${encodeURIComponent(p.personId)}`}>
                      {name} <span className="nabij-visually-hidden">({t('referral.openPerson')})</span>
                    </AppLink>
                  </Item>
                ) : null}
              </DataList>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="referral-question-heading" className="nabij-section">
        <Heading2 id="referral-question-heading">{t('referral.questionHeading')}</Heading2>
        <DataList>
          <Item label={t('referral.lifeDomains')}>{joinList(referral.lifeDomains.map((d) => t(`domain.${d}`)))}</Item>
          <Item label={t('referral.question')}>
            <PlainText text={referral.question} />
          </Item>
          <Item label={t('referral.tried')}>
            <PlainText text={referral.tried} />
          </Item>
          <Item label={t('referral.urgency')}>{t(`urgency.${referral.urgency}`)}</Item>
          <Item label={t('referral.childrenAtRisk')}>
            {referral.childrenAtRisk === 'yes' ? (
              <StatusBadge status="warning" className="nabij-badge">
                {t('childRiskShort.yes')}
              </StatusBadge>
            ) : (
              t(`childRisk.${referral.childrenAtRisk}`)
            )}
          </Item>
          <Item label={t('referral.safetyNotes')}>
            <PlainText text={referral.safetyNotes} />
          </Item>
          <Item label={t('referral.awareness')}>{t(`awareness.${referral.residentAwareness}`)}</Item>
          {referral.residentAwarenessNote ? (
            <Item label={t('referral.awarenessNote')}>
              <PlainText text={referral.residentAwarenessNote} />
            </Item>
          ) : null}
          {referral.knownCoordinationElsewhere ? (
            <Item label={t('referral.knownElsewhere')}>
              <PlainText text={referral.knownCoordinationElsewhere} />
            </Item>
          ) : null}
        </DataList>
      </section>

      <section aria-labelledby="referral-attachments-heading" className="nabij-section">
        <Heading2 id="referral-attachments-heading">{t('referral.attachmentsHeading')}</Heading2>
        {referral.attachments.length === 0 ? <Paragraph>{t('referral.attachmentsNone')}</Paragraph> : null}
        {referral.attachments.length > 0 ? (
          <UnorderedList>
            {referral.attachments.map((a) => (
              <UnorderedListItem key={a.id}>
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={`/api/referrals/${encodeURIComponent(referral.id)}/attachments/${encodeURIComponent(a.id)}`}
                  download={a.filename}
                >
                  {a.filename}
                </a>{' '}
                ({formatBytes(a.sizeBytes)})
              </UnorderedListItem>
            ))}
          </UnorderedList>
        ) : null}
      </section>
    </>
  );
}

function Decision({ referral }: { referral: ReferralView }) {
  if (!referral.decision) return null;
  return (
    <section aria-labelledby="referral-decision-heading" className="nabij-section">
      <Heading2 id="referral-decision-heading">{t('referral.decisionHeading')}</Heading2>
      <DataList>
        <Item label={t('referral.decisionOutcome')}>{t(`coreDecision.${referral.decision.outcome}`)}</Item>
        <Item label={t('referral.decisionReasoning')}>
          <PlainText text={referral.decision.reasoning} />
        </Item>
        <Item label={t('referral.decisionAt')}>{formatDateTime(referral.decision.decidedAt)}</Item>
      </DataList>
      {referral.meetingId ? (
        <Paragraph>
          <AppLink to={`/overleg/${encodeURIComponent(referral.meetingId)}`}>{t('referral.meetingLink')}</AppLink>
        </Paragraph>
      ) : null}
    </section>
  );
}

function CaseInfo({ referral }: { referral: ReferralView }) {
  if (!referral.caseId) return null;
  return (
    <section aria-labelledby="referral-case-heading" className="nabij-section">
      <Heading2 id="referral-case-heading">{t('referral.caseHeading')}</Heading2>
      <Paragraph>{t('referral.caseOpened')}</Paragraph>
      <DataList>
        <Item label={t('referral.caseWorker')}>{referral.caseWorkerName ?? t('common.unknown')}</Item>
      </DataList>
    </section>
  );
}

/**
 * Closing without a case (issue #17 item 5): after a decision other than taking it up, as decided; at any other
 * stage before a case exists, with a coded reason (and a note for "other").
 */
function CloseWithoutCase({
  referral,
  busy,
  onClose,
}: {
  referral: ReferralView;
  busy: boolean;
  onClose: (input: { reason?: string; note?: string }) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ reason?: string; note?: string }>({});
  const confirmButton = useRef<HTMLButtonElement>(null);
  const byDecision = referral.decision !== null && referral.decision.outcome !== 'take_up';
  useEffect(() => {
    if (confirming && byDecision) confirmButton.current?.focus();
    if (confirming && !byDecision) document.getElementById('close-reason')?.focus();
  }, [confirming, byDecision]);
  const confirm = () => {
    if (byDecision) return onClose({});
    const problems = {
      ...(reason ? {} : { reason: t('close.reasonRequired') }),
      ...(reason === 'other' && !note.trim() ? { note: t('close.noteRequired') } : {}),
    };
    setError(problems);
    if (Object.keys(problems).length > 0) {
      document.getElementById(problems.reason ? 'close-reason' : 'close-note')?.focus();
      return;
    }
    onClose({ reason, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <section aria-labelledby="referral-close-heading" className="nabij-section">
      <Heading2 id="referral-close-heading">{t('referral.closeHeading')}</Heading2>
      <Paragraph>
        {byDecision && referral.decision
          ? t('referral.closeText', { decision: t(`coreDecision.${referral.decision.outcome}`) })
          : t('close.textBefore')}
      </Paragraph>
      {confirming && !byDecision ? (
        <>
          <RadioGroupField
            id="close-reason"
            legend={t('close.reason')}
            value={reason}
            choices={labelledChoices(REFERRAL_CLOSE_REASONS, 'closeReason')}
            onValueChange={setReason}
            error={error.reason}
          />
          <TextAreaField
            id="close-note"
            label={t('close.note')}
            description={t('close.noteDescription')}
            value={note}
            onValueChange={setNote}
            error={error.note}
            rows={2}
            optional={reason !== 'other'}
          />
        </>
      ) : null}
      <ButtonGroup>
        {confirming ? (
          <>
            <Button
              ref={confirmButton}
              appearance="primary-action-button"
              hint="danger"
              busy={busy}
              disabled={busy}
              onClick={confirm}
            >
              {t('referral.closeConfirm')}
            </Button>
            <Button appearance="subtle-button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <Button appearance="secondary-action-button" onClick={() => setConfirming(true)}>
            {t('referral.close')}
          </Button>
        )}
      </ButtonGroup>
    </section>
  );
}

function Closure({ referral }: { referral: ReferralView }) {
  if (!referral.closure) return null;
  return (
    <section aria-labelledby="referral-closure-heading" className="nabij-section">
      <Heading2 id="referral-closure-heading">{t('close.closedHeading')}</Heading2>
      <DataList>
        <Item label={t('close.reason')}>{t(`closeReason.${referral.closure.reason}`)}</Item>
        {referral.closure.note ? (
          <Item label={t('close.note')}>
            <PlainText text={referral.closure.note} />
          </Item>
        ) : null}
        <Item label={t('referral.status')}>
          {t('close.closedBy', {
            date: formatDateTime(referral.closure.closedAt),
            name: referral.closure.closedByName ?? t('common.unknown'),
          })}
        </Item>
      </DataList>
    </section>
  );
}

type Notice = { kind: 'ok' | 'error' | 'warning'; text: string };

/** One referral: details, completeness, status, contacts, regiecheck, decision, letters and closing. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { can } = useSession();
  const referral = useResource<ReferralView>(`/api/referrals/${encodeURIComponent(id)}`);
  const [notice, setNotice] = useState<Notice | undefined>(
    typeof location.state === 'object' && location.state !== null && 'registered' in location.state
      ? { kind: 'ok', text: t('referral.registered') }
      : undefined,
  );
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const canWrite = can('referral:write');
  const notFound = referral.status === 'failed' && referral.error instanceof ApiError && referral.error.status === 404;
  usePageTitle(
    referral.status === 'ready' ? t('referral.titleWith', { reference: referral.data.reference }) : t('referral.title'),
  );

  const announce = (next: Notice) => {
    setNotice(next);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };

  /** Runs a change; a version conflict or refused status change reloads the referral and says so. */
  const change = async (action: () => Promise<ReferralView>, okText: (r: ReferralView) => string) => {
    setBusy(true);
    try {
      const updated = await action();
      referral.setData(updated);
      announce({ kind: 'ok', text: okText(updated) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        referral.reload();
        announce({ kind: 'warning', text: t('referral.conflict') });
      } else {
        if (error instanceof ApiError && (error.code === 'invalid_status_change' || error.code === 'already_decided'))
          referral.reload();
        announce({ kind: 'error', text: errorText(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  const base = `/api/referrals/${encodeURIComponent(id)}`;

  return (
    <>
      <PageHeading>
        {referral.status === 'ready'
          ? t('referral.titleWith', { reference: referral.data.reference })
          : notFound
            ? t('referral.notFoundTitle')
            : t('referral.title')}
      </PageHeading>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1} className="nabij-notice">
          <Alert type={notice.kind}>
            <Paragraph>{notice.text}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {referral.status === 'loading' ? <Loading /> : null}
      {referral.status === 'failed' ? (
        <>
          <Alert type="error">
            <Paragraph>{errorText(referral.error)}</Paragraph>
          </Alert>
          <Paragraph>
            <AppLink to="/aanmeldingen">{t('referral.backToInbox')}</AppLink>
          </Paragraph>
        </>
      ) : null}
      {referral.status === 'ready' ? (
        <>
          <DataList className="nabij-summary">
            <Item label={t('referral.status')}>
              <strong>{t(`referralStatus.${referral.data.status}`)}</strong>
            </Item>
            <Item label={t('referral.received')}>{formatDateTime(referral.data.receivedAt)}</Item>
            <Item label={t('referral.team')}>{referral.data.teamName}</Item>
            <Item label={t('referral.channel')}>{t(`channel.${referral.data.channel}`)}</Item>
            <Item label={t('referral.urgency')}>{t(`urgency.${referral.data.urgency}`)}</Item>
            <Item label={t('language.summary')}>{languageText(referral.data.language) ?? t('language.unknown')}</Item>
          </DataList>
          <Checklist items={referral.data.checklist} />
          {canWrite ? (
            <StatusActions
              referral={referral.data}
              busy={busy}
              onChange={(status) =>
                void change(
                  () => api.post<ReferralView>(`${base}/status`, { status, version: referral.data.version }),
                  (r) => t('referral.statusChanged', { status: t(`referralStatus.${r.status}`) }),
                )
              }
            />
          ) : null}
          <Details referral={referral.data} />
          <ReferralCorrection
            key={referral.data.version}
            referral={referral.data}
            canWrite={canWrite}
            onSaved={(updated, text) => {
              referral.setData(updated);
              announce({ kind: 'ok', text });
            }}
          />
          <RegiecheckPanel
            referral={referral.data}
            canWrite={canWrite}
            onSaved={(updated) => referral.setData(updated)}
            onConflict={() => {
              referral.reload();
              announce({ kind: 'warning', text: t('referral.conflict') });
            }}
          />
          <ContactLog referral={referral.data} canWrite={canWrite} onSaved={(updated) => referral.setData(updated)} />
          <Decision referral={referral.data} />
          <CaseInfo referral={referral.data} />
          <LetterPanel referral={referral.data} canWrite={canWrite} onSent={referral.reload} />
          {canWrite && canCloseWithoutCase(referral.data) ? (
            <CloseWithoutCase
              referral={referral.data}
              busy={busy}
              onClose={(input) =>
                void change(
                  () => api.post<ReferralView>(`${base}/close`, { version: referral.data.version, ...input }),
                  () => t('referral.closed'),
                )
              }
            />
          ) : null}
          <Closure referral={referral.data} />
          <Paragraph>
            <AppLink to="/aanmeldingen">{t('referral.backToInbox')}</AppLink>
          </Paragraph>
        </>
      ) : null}
    </>
  );
}
