import {
  residentAccountInput,
  residentRepresentationInput,
  REPRESENTATION_RELATIONS,
  type ResidentPortalCaseView,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useResource } from '../../app/use-resource';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatBytes } from '../intake/intake-format';
import { formatDate, formatDateTime } from './resident-format';
import './resident.css';

type View = ResidentPortalCaseView;
const ACCOUNT_FIELDS = ['personId', 'email', 'identityChecked'] as const;
const REPRESENTATION_FIELDS = ['representativePersonId', 'personId', 'relation', 'evidence'] as const;

function AccountForm({
  view,
  base,
  onSaved,
}: {
  view: View;
  base: string;
  onSaved: (v: View, notice: string) => void;
}) {
  const candidates = view.members.filter((m) => !m.account && m.ownAccountPossible);
  const [personId, setPersonId] = useState('');
  const [email, setEmail] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('mijn-nabij-account', ACCOUNT_FIELDS);
  if (candidates.length === 0) return null;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = residentAccountInput.safeParse({ personId, email, identityChecked: checked ? true : undefined });
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      onSaved(await api.post<View>(`${base}/accounts`, parsed.data), t('residentPortal.accountCreated'));
      errors.clear();
      setPersonId('');
      setEmail('');
      setChecked(false);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="nabij-disclosure">
      <summary>{t('residentPortal.addAccountHeading')}</summary>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('residentPortal.addAccountHeading')}>
        <SelectField
          id={errors.idFor('personId')}
          label={t('residentPortal.person')}
          value={personId}
          emptyLabel={t('residentPortal.choose')}
          choices={candidates.map((m) => ({ value: m.personId, label: m.name }))}
          onValueChange={setPersonId}
          error={errors.errorFor('personId')}
        />
        <TextField
          id={errors.idFor('email')}
          label={t('residentPortal.email')}
          description={t('residentPortal.emailHint')}
          type="email"
          value={email}
          onValueChange={setEmail}
          error={errors.errorFor('email')}
          autoComplete="off"
        />
        <CheckboxField
          id={errors.idFor('identityChecked')}
          label={t('residentPortal.identityChecked')}
          checked={checked}
          onCheckedChange={setChecked}
          error={errors.errorFor('identityChecked')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
            {t('residentPortal.createAccount')}
          </Button>
        </ButtonGroup>
      </form>
    </details>
  );
}

function RepresentationForm({
  view,
  base,
  onSaved,
}: {
  view: View;
  base: string;
  onSaved: (v: View, notice: string) => void;
}) {
  const withAccount = view.members.filter((m) => m.account?.active);
  const [representativePersonId, setRepresentative] = useState('');
  const [personId, setPersonId] = useState('');
  const [relation, setRelation] = useState('');
  const [evidence, setEvidence] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('mijn-nabij-vertegenwoordiger', REPRESENTATION_FIELDS);
  if (withAccount.length === 0) return null;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = residentRepresentationInput.safeParse({
      representativePersonId,
      personId,
      relation: relation || undefined,
      evidence,
    });
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      onSaved(await api.post<View>(`${base}/representations`, parsed.data), t('residentPortal.representationAdded'));
      errors.clear();
      setPersonId('');
      setRelation('');
      setEvidence('');
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="nabij-disclosure">
      <summary>{t('residentPortal.addRepresentationHeading')}</summary>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('residentPortal.addRepresentationHeading')}>
        <SelectField
          id={errors.idFor('representativePersonId')}
          label={t('residentPortal.representative')}
          value={representativePersonId}
          emptyLabel={t('residentPortal.choose')}
          choices={withAccount.map((m) => ({ value: m.personId, label: m.name }))}
          onValueChange={setRepresentative}
          error={errors.errorFor('representativePersonId')}
        />
        <SelectField
          id={errors.idFor('personId')}
          label={t('residentPortal.represented')}
          value={personId}
          emptyLabel={t('residentPortal.choose')}
          choices={view.members.map((m) => ({
            value: m.personId,
            label: m.age !== null ? `${m.name} (${m.age})` : m.name,
          }))}
          onValueChange={setPersonId}
          error={errors.errorFor('personId')}
        />
        <SelectField
          id={errors.idFor('relation')}
          label={t('residentPortal.relation')}
          description={t('residentPortal.relationHint')}
          value={relation}
          emptyLabel={t('residentPortal.choose')}
          choices={REPRESENTATION_RELATIONS.map((r) => ({ value: r, label: t(`residentPortal.relation.${r}`) }))}
          onValueChange={setRelation}
          error={errors.errorFor('relation')}
        />
        <TextField
          id={errors.idFor('evidence')}
          label={t('residentPortal.evidence')}
          description={t('residentPortal.evidenceHint')}
          value={evidence}
          onValueChange={setEvidence}
          error={errors.errorFor('evidence')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
            {t('residentPortal.addRepresentation')}
          </Button>
        </ButtonGroup>
      </form>
    </details>
  );
}

/**
 * "Mijn Nabij" on the case page: who of the household can log in and who represents whom, the messages, own plans
 * and statements the household sent (messages can be marked read), and offering the draft plan for digital agreement.
 */
export function ResidentPortalSection({ caseId }: { caseId: string }) {
  const base = `/api/cases/${encodeURIComponent(caseId)}/resident-portal`;
  const portal = useResource<View>(base);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const noticeRef = useRef<HTMLDivElement>(null);

  const show = (kind: 'ok' | 'error', text: string) => {
    setNotice({ kind, text });
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };
  const saved = (v: View, text: string) => {
    portal.setData(v);
    show('ok', text);
  };
  const act = async (key: string, path: string, body: unknown, okText: string | undefined) => {
    setBusy(key);
    try {
      const v = await api.post<View>(`${base}${path}`, body);
      portal.setData(v);
      if (okText) show('ok', okText);
    } catch (error) {
      show('error', errorText(error));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section id="mijn-nabij" aria-labelledby="mijn-nabij-heading" className="nabij-section nabij-resident-portal">
      <Heading2 id="mijn-nabij-heading">
        {t('residentPortal.heading')}
        {portal.data && portal.data.unread > 0 ? (
          <>
            {' '}
            <StatusBadge status="warning" className="nabij-badge">
              {portal.data.unread === 1
                ? t('residentPortal.unreadOne')
                : t('residentPortal.unread', { count: portal.data.unread })}
            </StatusBadge>
          </>
        ) : null}
      </Heading2>
      <Paragraph>{t('residentPortal.intro')}</Paragraph>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1} className="nabij-notice">
          <Alert type={notice.kind}>
            <Paragraph>{notice.text}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {portal.status === 'loading' ? <Loading /> : null}
      {portal.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(portal.error)}</Paragraph>
        </Alert>
      ) : null}
      {portal.status === 'ready' ? (
        <>
          <Heading3>{t('residentPortal.messagesHeading')}</Heading3>
          {portal.data.messages.length === 0 ? <Paragraph>{t('residentPortal.noMessages')}</Paragraph> : null}
          <ul className="nabij-resident-list">
            {portal.data.messages.map((m) => {
              const from =
                m.personName === m.senderName
                  ? t('residentPortal.messageFromSelf', { sender: m.senderName, at: formatDateTime(m.sentAt) })
                  : t('residentPortal.messageFrom', {
                      sender: m.senderName,
                      person: m.personName,
                      at: formatDateTime(m.sentAt),
                    });
              return (
                <li key={m.id} className={`nabij-resident-card${m.readAt ? '' : ' nabij-resident-message--new'}`}>
                  <Paragraph className="nabij-muted">
                    {from}
                    {!m.readAt ? (
                      <>
                        {' '}
                        <StatusBadge status="warning" className="nabij-badge">
                          {t('residentPortal.newBadge')}
                        </StatusBadge>
                      </>
                    ) : null}
                  </Paragraph>
                  <Paragraph className="nabij-resident-pre">{m.body}</Paragraph>
                  {m.readAt ? (
                    <Paragraph className="nabij-muted">
                      {t('residentPortal.messageRead', { name: m.readByName ?? '', at: formatDateTime(m.readAt) })}
                    </Paragraph>
                  ) : (
                    <Button
                      appearance="secondary-action-button"
                      aria-label={t('residentPortal.markReadFor', {
                        sender: m.senderName,
                        at: formatDateTime(m.sentAt),
                      })}
                      busy={busy === m.id}
                      disabled={busy !== undefined}
                      onClick={() => void act(m.id, `/messages/${encodeURIComponent(m.id)}/read`, {}, undefined)}
                    >
                      {t('residentPortal.markRead')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>

          <Heading3>{t('residentPortal.ownPlansHeading')}</Heading3>
          {portal.data.ownPlans.length + portal.data.statements.length === 0 ? (
            <Paragraph>{t('residentPortal.noOwnPlans')}</Paragraph>
          ) : null}
          <ul className="nabij-resident-list">
            {portal.data.ownPlans.map((o) => (
              <li key={o.id} className="nabij-resident-card">
                <Paragraph className="nabij-muted">
                  {t('residentPortal.ownPlan', {
                    kind: t(`residentPortal.ownPlanKind.${o.kind}`),
                    sender: o.senderName,
                    at: formatDateTime(o.submittedAt),
                  })}
                </Paragraph>
                {o.text ? <Paragraph className="nabij-resident-pre">{o.text}</Paragraph> : null}
                {o.file ? (
                  <Paragraph>
                    <a
                      className="utrecht-link utrecht-link--html-a"
                      href={`${base}/own-plans/${encodeURIComponent(o.id)}/file`}
                      download={o.file.filename}
                    >
                      {o.file.filename}
                    </a>{' '}
                    ({formatBytes(o.file.sizeBytes)})
                  </Paragraph>
                ) : null}
                <Paragraph className="nabij-muted">{t('residentPortal.takeOver')}</Paragraph>
              </li>
            ))}
            {portal.data.statements.map((s) => (
              <li key={s.id} className="nabij-resident-card">
                <Paragraph className="nabij-muted">
                  {t('residentPortal.statement', { sender: s.senderName, date: formatDate(s.receivedOn) })}
                </Paragraph>
                <Paragraph className="nabij-resident-pre">{s.statement}</Paragraph>
              </li>
            ))}
          </ul>

          {portal.data.draft ? (
            <>
              <Heading3>{t('residentPortal.offerHeading')}</Heading3>
              {portal.data.draft.offeredAt ? (
                <Paragraph>
                  {t('residentPortal.offered', {
                    number: portal.data.draft.number,
                    at: formatDateTime(portal.data.draft.offeredAt),
                  })}
                </Paragraph>
              ) : (
                <>
                  <Paragraph>{t('residentPortal.offerText', { number: portal.data.draft.number })}</Paragraph>
                  <ButtonGroup>
                    <Button
                      appearance="secondary-action-button"
                      busy={busy === 'offer'}
                      disabled={busy !== undefined}
                      onClick={() =>
                        void act(
                          'offer',
                          '/offer',
                          { version: portal.data?.draft?.version },
                          t('residentPortal.offerDone', { number: portal.data?.draft?.number ?? '' }),
                        )
                      }
                    >
                      {t('residentPortal.offer')}
                    </Button>
                  </ButtonGroup>
                </>
              )}
            </>
          ) : null}

          <Heading3>{t('residentPortal.accountsHeading')}</Heading3>
          <ul className="nabij-resident-list">
            {portal.data.members.map((m) => (
              <li key={m.personId} className="nabij-resident-card">
                <Paragraph>
                  <strong>{m.name}</strong>
                  {m.age !== null ? ` (${m.age})` : ''}:{' '}
                  {m.account
                    ? `${m.account.identityCheck === 'digid' ? t('residentPortal.accountDigid') : t('residentPortal.accountEmail', { email: m.account.email ?? '' })}${m.account.active ? '' : `, ${t('residentPortal.accountOff')}`}${m.account.lastLoginAt ? `, ${t('residentPortal.lastLogin', { at: formatDateTime(m.account.lastLoginAt) })}` : ''}`
                    : m.ownAccountPossible
                      ? t('residentPortal.noAccount')
                      : t('residentPortal.tooYoung')}
                </Paragraph>
                {m.account ? (
                  <Button
                    appearance="subtle-button"
                    busy={busy === m.account.id}
                    disabled={busy !== undefined}
                    onClick={() => {
                      const account = m.account;
                      if (account)
                        void act(
                          account.id,
                          `/accounts/${encodeURIComponent(account.id)}/${account.active ? 'deactivation' : 'activation'}`,
                          {},
                          undefined,
                        );
                    }}
                  >
                    {m.account.active ? t('residentPortal.deactivate') : t('residentPortal.activate')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          <AccountForm view={portal.data} base={base} onSaved={saved} />

          <Heading3>{t('residentPortal.representationsHeading')}</Heading3>
          {portal.data.representations.length === 0 ? (
            <Paragraph>{t('residentPortal.noRepresentations')}</Paragraph>
          ) : null}
          <ul className="nabij-resident-list">
            {portal.data.representations.map((r) => (
              <li key={r.id} className="nabij-resident-card">
                <Paragraph>
                  {t('residentPortal.representation', {
                    representative: r.representativeName,
                    person: r.personName,
                    relation: t(`residentPortal.relation.${r.relation}`),
                    evidence: r.evidence,
                  })}
                  {r.stillValid ? '' : ` — ${t('residentPortal.notValid')}`}
                </Paragraph>
                <Button
                  appearance="subtle-button"
                  aria-label={t('residentPortal.endRepresentationFor', {
                    representative: r.representativeName,
                    person: r.personName,
                  })}
                  busy={busy === r.id}
                  disabled={busy !== undefined}
                  onClick={() => void act(r.id, `/representations/${encodeURIComponent(r.id)}/end`, {}, undefined)}
                >
                  {t('residentPortal.endRepresentation')}
                </Button>
              </li>
            ))}
          </ul>
          <RepresentationForm view={portal.data} base={base} onSaved={saved} />
        </>
      ) : null}
    </section>
  );
}
