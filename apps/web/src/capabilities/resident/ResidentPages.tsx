import {
  residentMessageInput,
  residentOwnPlanInput,
  residentStatementInput,
  type ResidentAccessLog,
  type ResidentConsents,
  type ResidentCopyRequests,
  type ResidentDocuments,
  type ResidentMessages,
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
import { useState, type ChangeEvent, type ReactNode, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useResource, type Resource } from '../../app/use-resource';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { ATTACHMENT_ACCEPT, attachmentProblem, readFileAsBase64 } from '../intake/attachments';
import { BackToStart, NotYourSubject, SavedAlert, useResidentTitle, useSubject } from './ResidentLayout';
import { formatDate, formatDateTime, LOG_PERIODS } from './resident-format';

const path = (personId: string, rest: string) => `/api/resident/persons/${encodeURIComponent(personId)}${rest}`;

/** The frame of every page: the way back, the heading, loading and failure. */
function PortalPage<T>({
  title,
  resource,
  children,
}: {
  title: string;
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  useResidentTitle(title);
  const { subject, personId } = useSubject();
  if (!subject) return <NotYourSubject />;
  return (
    <>
      <BackToStart personId={personId} />
      <PageHeading>{title}</PageHeading>
      {resource.status === 'loading' ? <Loading label={t('resident.loading')} /> : null}
      {resource.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(resource.error)}</Paragraph>
        </Alert>
      ) : null}
      {resource.status === 'ready' ? children(resource.data) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------

export function ResidentContactsPage() {
  const { personId } = useSubject();
  const contacts = useResource<{ contacts: Array<{ id: string; contactOn: string; kind: string; note: string }> }>(
    path(personId, '/contacts'),
  );
  return (
    <PortalPage title={t('resident.contacts.title')} resource={contacts}>
      {(data) => (
        <>
          <Paragraph>{t('resident.contacts.intro')}</Paragraph>
          {data.contacts.length === 0 ? <Paragraph>{t('resident.contacts.none')}</Paragraph> : null}
          <ul className="nabij-resident-list">
            {data.contacts.map((c) => (
              <li key={c.id} className="nabij-resident-card">
                <Heading2>
                  {t('resident.contacts.item', { date: formatDate(c.contactOn), kind: t(`contactLog.kind.${c.kind}`) })}
                </Heading2>
                <Paragraph className="nabij-resident-pre">{c.note}</Paragraph>
              </li>
            ))}
          </ul>
        </>
      )}
    </PortalPage>
  );
}

// ---------------------------------------------------------------------------------------------

const MESSAGE_FIELDS = ['body'] as const;

export function ResidentMessagesPage() {
  const { personId } = useSubject();
  const messages = useResource<ResidentMessages>(path(personId, '/messages'));
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(0);
  const errors = useFormErrors('mijn-bericht', MESSAGE_FIELDS);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = residentMessageInput.safeParse({ body });
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      messages.setData(await api.post<ResidentMessages>(path(personId, '/messages'), parsed.data));
      errors.clear();
      setBody('');
      setSaved((n) => n + 1);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <PortalPage title={t('resident.messages.title')} resource={messages}>
      {(data) => (
        <>
          {saved > 0 ? <SavedAlert key={saved} text={t('resident.messages.sent')} /> : null}
          <Paragraph>
            {t('resident.messages.intro', { worker: data.workerName ? ` (${data.workerName})` : '' })}
          </Paragraph>
          <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('resident.messages.title')}>
            <TextAreaField
              id={errors.idFor('body')}
              label={t('resident.messages.body')}
              value={body}
              onValueChange={setBody}
              error={errors.errorFor('body')}
              rows={5}
              required
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                {t('resident.messages.send')}
              </Button>
            </ButtonGroup>
          </form>
          <section aria-labelledby="mijn-berichten-heading" className="nabij-section">
            <Heading2 id="mijn-berichten-heading">{t('resident.messages.listHeading')}</Heading2>
            {data.messages.length === 0 ? <Paragraph>{t('resident.messages.none')}</Paragraph> : null}
            <ul className="nabij-resident-list">
              {data.messages.map((m) => (
                <li key={m.id} className="nabij-resident-card">
                  <Paragraph className="nabij-resident-pre">{m.body}</Paragraph>
                  <Paragraph className="nabij-muted">
                    {t('resident.messages.sentAt', { at: formatDateTime(m.sentAt) })} ·{' '}
                    {m.readAt
                      ? t('resident.messages.readAt', { at: formatDateTime(m.readAt) })
                      : t('resident.messages.unread')}
                  </Paragraph>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </PortalPage>
  );
}

// ---------------------------------------------------------------------------------------------

const PLAN_FIELDS = ['kind', 'text', 'file'] as const;
const STATEMENT_FIELDS = ['statement'] as const;
type Upload = { filename: string; contentBase64: string } | undefined;

export function ResidentDocumentsPage() {
  const { personId } = useSubject();
  const docs = useResource<ResidentDocuments>(path(personId, '/documents'));
  const [kind, setKind] = useState('personal_plan');
  const [text, setText] = useState('');
  const [file, setFile] = useState<Upload>(undefined);
  const [fileKey, setFileKey] = useState(0);
  const [statement, setStatement] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ text: string; n: number } | undefined>(undefined);
  const planErrors = useFormErrors('mijn-eigen-plan', PLAN_FIELDS);
  const statementErrors = useFormErrors('mijn-verklaring', STATEMENT_FIELDS);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return setFile(undefined);
    if (attachmentProblem(chosen)) {
      setFile(undefined);
      return planErrors.showIssues([
        {
          path: ['file'],
          message:
            'Dit soort bestand kunnen wij niet opslaan. Stuur een PDF of een foto (PNG of JPEG), hoogstens 5 MB.',
        },
      ]);
    }
    try {
      setFile({ filename: chosen.name, contentBase64: await readFileAsBase64(chosen) });
      planErrors.clear();
    } catch {
      planErrors.showIssues([{ path: ['file'], message: t('resident.documents.fileUnreadable') }]);
    }
  };

  const sendPlan = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = residentOwnPlanInput.safeParse({ kind, text, file });
    if (!parsed.success) return planErrors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      docs.setData(await api.post<ResidentDocuments>(path(personId, '/own-plans'), parsed.data));
      planErrors.clear();
      setText('');
      setFile(undefined);
      setFileKey((k) => k + 1);
      setSaved((s) => ({ text: t('resident.documents.planSent'), n: (s?.n ?? 0) + 1 }));
    } catch (error) {
      planErrors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const sendStatement = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = residentStatementInput.safeParse({ statement });
    if (!parsed.success) return statementErrors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      docs.setData(await api.post<ResidentDocuments>(path(personId, '/statements'), parsed.data));
      statementErrors.clear();
      setStatement('');
      setSaved((s) => ({ text: t('resident.documents.statementSent'), n: (s?.n ?? 0) + 1 }));
    } catch (error) {
      statementErrors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const fileId = planErrors.idFor('file');
  const fileError = planErrors.errorFor('file');
  return (
    <PortalPage title={t('resident.documents.title')} resource={docs}>
      {(data) => (
        <>
          {saved ? <SavedAlert key={saved.n} text={saved.text} /> : null}
          <Paragraph>{t('resident.documents.intro')}</Paragraph>
          <section aria-labelledby="mijn-eigen-plan-heading" className="nabij-resident-card">
            <Heading2 id="mijn-eigen-plan-heading">{t('resident.documents.planHeading')}</Heading2>
            <ErrorSummary message={planErrors.message} items={planErrors.items} focusKey={planErrors.focusKey} />
            <form onSubmit={(e) => void sendPlan(e)} noValidate aria-labelledby="mijn-eigen-plan-heading">
              <RadioGroupField
                id={planErrors.idFor('kind')}
                legend={t('resident.documents.kind')}
                value={kind}
                onValueChange={setKind}
                error={planErrors.errorFor('kind')}
                choices={[
                  { value: 'personal_plan', label: t('resident.documents.kind.personal_plan') },
                  { value: 'family_group_plan', label: t('resident.documents.kind.family_group_plan') },
                ]}
              />
              <TextAreaField
                id={planErrors.idFor('text')}
                label={t('resident.documents.text')}
                value={text}
                onValueChange={setText}
                error={planErrors.errorFor('text')}
                rows={6}
                optional
              />
              <div className="utrecht-form-field nabij-resident-file">
                <label className="utrecht-form-label" htmlFor={fileId}>
                  {t('resident.documents.file')} <span className="nabij-optional">{t('form.optional')}</span>
                </label>
                <p className="utrecht-form-field-description" id={`${fileId}-description`}>
                  {t('resident.documents.fileHint')}
                </p>
                {fileError ? (
                  <p className="utrecht-form-field-error-message" id={`${fileId}-error`}>
                    {fileError}
                  </p>
                ) : null}
                <input
                  key={fileKey}
                  id={fileId}
                  type="file"
                  accept={ATTACHMENT_ACCEPT}
                  aria-describedby={[fileError ? `${fileId}-error` : '', `${fileId}-description`]
                    .filter(Boolean)
                    .join(' ')}
                  aria-invalid={fileError ? true : undefined}
                  onChange={(e) => void chooseFile(e)}
                />
              </div>
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                  {t('resident.documents.sendPlan')}
                </Button>
              </ButtonGroup>
            </form>
          </section>
          <section aria-labelledby="mijn-verklaring-heading" className="nabij-resident-card">
            <Heading2 id="mijn-verklaring-heading">{t('resident.documents.statementHeading')}</Heading2>
            <ErrorSummary
              message={statementErrors.message}
              items={statementErrors.items}
              focusKey={statementErrors.focusKey}
            />
            <form onSubmit={(e) => void sendStatement(e)} noValidate aria-labelledby="mijn-verklaring-heading">
              <TextAreaField
                id={statementErrors.idFor('statement')}
                label={t('resident.documents.statement')}
                description={t('resident.documents.statementHint')}
                value={statement}
                onValueChange={setStatement}
                error={statementErrors.errorFor('statement')}
                rows={5}
                required
              />
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                  {t('resident.documents.sendStatement')}
                </Button>
              </ButtonGroup>
            </form>
          </section>
          {data.letters.length > 0 ? (
            <section aria-labelledby="mijn-brieven-heading" className="nabij-section">
              <Heading2 id="mijn-brieven-heading">{t('resident.documents.lettersHeading')}</Heading2>
              <ul className="nabij-resident-list">
                {data.letters.map((l) => (
                  <li key={l.id} className="nabij-resident-card">
                    <Heading3>{l.subject}</Heading3>
                    <Paragraph>{t('resident.documents.letterOn', { date: formatDateTime(l.createdAt) })}</Paragraph>
                    <Paragraph>
                      <a
                        className="utrecht-link"
                        href={path(personId, `/letters/${encodeURIComponent(l.id)}/pdf`)}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {t('resident.documents.letterPdf', { subject: l.subject })}
                      </a>
                    </Paragraph>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="mijn-gestuurd-heading" className="nabij-section">
            <Heading2 id="mijn-gestuurd-heading">{t('resident.documents.sentHeading')}</Heading2>
            {data.ownPlans.length + data.statements.length === 0 ? (
              <Paragraph>{t('resident.documents.none')}</Paragraph>
            ) : null}
            <ul className="nabij-resident-list">
              {data.ownPlans.map((p) => (
                <li key={p.id} className="nabij-resident-card">
                  <Heading3>{t('resident.documents.sentPlan', { at: formatDateTime(p.submittedAt) })}</Heading3>
                  <Paragraph>{t(`resident.documents.kind.${p.kind}`)}</Paragraph>
                  {p.text ? <Paragraph className="nabij-resident-pre">{p.text}</Paragraph> : null}
                  {p.filename ? <Paragraph className="nabij-muted">{p.filename}</Paragraph> : null}
                </li>
              ))}
              {data.statements.map((s) => (
                <li key={s.id} className="nabij-resident-card">
                  <Heading3>{t('resident.documents.sentStatement', { date: formatDate(s.receivedOn) })}</Heading3>
                  <Paragraph className="nabij-resident-pre">{s.statement}</Paragraph>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </PortalPage>
  );
}

// ---------------------------------------------------------------------------------------------

export function ResidentConsentsPage() {
  const { personId } = useSubject();
  const consents = useResource<ResidentConsents>(path(personId, '/consents'));
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const withdraw = async (id: string, recipient: string) => {
    setBusy(true);
    try {
      consents.setData(
        await api.post<ResidentConsents>(path(personId, `/consents/${encodeURIComponent(id)}/withdrawal`)),
      );
      setConfirming(undefined);
      setFailure(undefined);
      setDone(t('resident.consents.done', { recipient }));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <PortalPage title={t('resident.consents.title')} resource={consents}>
      {(data) => (
        <>
          {done ? <SavedAlert text={done} /> : null}
          {failure ? (
            <Alert type="error">
              <Paragraph>{failure}</Paragraph>
            </Alert>
          ) : null}
          <Paragraph>{t('resident.consents.intro')}</Paragraph>
          {data.consents.length === 0 ? <Paragraph>{t('resident.consents.none')}</Paragraph> : null}
          <ul className="nabij-resident-list">
            {data.consents.map((c) => (
              <li key={c.id} className="nabij-resident-card">
                <Heading2>{c.recipient}</Heading2>
                <dl className="nabij-resident-dl">
                  <div>
                    <dt>{t('resident.consents.scope')}</dt>
                    <dd>{c.scope}</dd>
                  </div>
                  <div>
                    <dt>{t('resident.consents.given')}</dt>
                    <dd>{formatDate(c.givenOn)}</dd>
                  </div>
                  {c.expiresOn ? (
                    <div>
                      <dt>{t('resident.consents.until')}</dt>
                      <dd>{formatDate(c.expiresOn)}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t('resident.consents.state')}</dt>
                    <dd>
                      <StatusBadge status={c.active ? 'safe' : undefined} className="nabij-badge">
                        {c.withdrawnOn
                          ? t('resident.consents.withdrawn', { date: formatDate(c.withdrawnOn) })
                          : c.active
                            ? t('resident.consents.active')
                            : t('resident.consents.expired')}
                      </StatusBadge>
                    </dd>
                  </div>
                </dl>
                {c.active && confirming !== c.id ? (
                  <Button
                    appearance="secondary-action-button"
                    aria-label={t('resident.consents.withdrawFor', { recipient: c.recipient })}
                    onClick={() => setConfirming(c.id)}
                  >
                    {t('resident.consents.withdraw')}
                  </Button>
                ) : null}
                {c.active && confirming === c.id ? (
                  <div
                    role="group"
                    aria-label={t('resident.consents.withdrawFor', { recipient: c.recipient })}
                    className="nabij-resident-confirm"
                  >
                    <Paragraph>{t('resident.consents.confirm', { recipient: c.recipient })}</Paragraph>
                    <ButtonGroup>
                      <Button
                        appearance="primary-action-button"
                        busy={busy}
                        disabled={busy}
                        autoFocus
                        onClick={() => void withdraw(c.id, c.recipient)}
                      >
                        {t('resident.consents.confirmYes')}
                      </Button>
                      <Button appearance="subtle-button" onClick={() => setConfirming(undefined)}>
                        {t('common.cancel')}
                      </Button>
                    </ButtonGroup>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </PortalPage>
  );
}

// ---------------------------------------------------------------------------------------------

export function ResidentAccessLogPage() {
  const { personId } = useSubject();
  const [period, setPeriod] = useState<(typeof LOG_PERIODS)[number]>('quarter');
  const [chosen, setChosen] = useState(period);
  const log = useResource<ResidentAccessLog>(path(personId, `/access-log?period=${period}`));
  return (
    <PortalPage title={t('resident.log.title')} resource={log}>
      {(data) => (
        <>
          <Paragraph>{t('resident.log.intro')}</Paragraph>
          <form
            role="search"
            aria-label={t('resident.log.period')}
            className="nabij-resident-period"
            onSubmit={(e) => {
              e.preventDefault();
              setPeriod(chosen);
            }}
          >
            <SelectField
              id="mijn-log-period"
              label={t('resident.log.period')}
              value={chosen}
              choices={LOG_PERIODS.map((p) => ({ value: p, label: t(`resident.log.period.${p}`) }))}
              onValueChange={(v) => setChosen(v as (typeof LOG_PERIODS)[number])}
            />
            <Button type="submit" appearance="secondary-action-button">
              {t('resident.log.show')}
            </Button>
          </form>
          <Paragraph className="nabij-muted">{t('resident.log.names')}</Paragraph>
          {data.entries.length === 0 ? (
            <Paragraph>{t('resident.log.none')}</Paragraph>
          ) : (
            <Paragraph>{t('resident.log.count', { count: data.entries.length })}</Paragraph>
          )}
          {data.truncated ? (
            <Alert type="info">
              <Paragraph>{t('resident.log.truncated')}</Paragraph>
            </Alert>
          ) : null}
          <ul className="nabij-resident-list">
            {data.entries.map((e, i) => (
              <li key={`${e.at}-${i}`} className="nabij-resident-card nabij-resident-log">
                <Paragraph className="nabij-resident-log__when">
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  {e.emergency ? (
                    <>
                      {' '}
                      <StatusBadge status="warning" className="nabij-badge">
                        {t('resident.log.emergency')}
                      </StatusBadge>
                    </>
                  ) : null}
                  {e.denied ? (
                    <>
                      {' '}
                      <StatusBadge status="danger" className="nabij-badge">
                        {t('resident.log.denied')}
                      </StatusBadge>
                    </>
                  ) : null}
                </Paragraph>
                <dl className="nabij-resident-dl">
                  <div>
                    <dt>{t('resident.log.who')}</dt>
                    <dd>
                      {e.role}, {e.organisation}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('resident.log.what')}</dt>
                    <dd>{e.description}</dd>
                  </div>
                  <div>
                    <dt>{t('resident.log.why')}</dt>
                    <dd>{e.basis}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </PortalPage>
  );
}

// ---------------------------------------------------------------------------------------------

export function ResidentCopyPage() {
  const { personId } = useSubject();
  const requests = useResource<ResidentCopyRequests>(path(personId, '/copy-requests'));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const ask = async () => {
    setBusy(true);
    try {
      const next = await api.post<ResidentCopyRequests>(path(personId, '/copy-requests'), {});
      requests.setData(next);
      const latest = next.requests[0];
      setFailure(undefined);
      if (latest)
        setDone(t('resident.copy.requested', { reference: latest.reference, date: formatDate(latest.dueOn) }));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <PortalPage title={t('resident.copy.title')} resource={requests}>
      {(data) => (
        <>
          {done ? <SavedAlert text={done} /> : null}
          {failure ? (
            <Alert type="error">
              <Paragraph>{failure}</Paragraph>
            </Alert>
          ) : null}
          <Paragraph>{t('resident.copy.intro')}</Paragraph>
          {data.requests.some((r) => r.open) ? null : (
            <ButtonGroup>
              <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void ask()}>
                {t('resident.copy.request')}
              </Button>
            </ButtonGroup>
          )}
          <section aria-labelledby="mijn-kopie-heading" className="nabij-section">
            <Heading2 id="mijn-kopie-heading">{t('resident.copy.listHeading')}</Heading2>
            {data.requests.length === 0 ? <Paragraph>{t('resident.copy.none')}</Paragraph> : null}
            <ul className="nabij-resident-list">
              {data.requests.map((r) => (
                <li key={r.reference} className="nabij-resident-card">
                  <Paragraph>
                    {t('resident.copy.item', { reference: r.reference, date: formatDate(r.receivedOn) })}
                  </Paragraph>
                  <Paragraph>
                    <StatusBadge status={r.open ? undefined : 'safe'} className="nabij-badge">
                      {t(`resident.copy.status.${r.status}`)}
                    </StatusBadge>
                    {r.open ? ` ${t('resident.copy.due', { date: formatDate(r.dueOn) })}` : ''}
                  </Paragraph>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </PortalPage>
  );
}
