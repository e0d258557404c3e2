import {
  AVG_STATUSES,
  CLOSED_AVG_STATUSES,
  changeAvgStatusInput,
  CORRECTABLE_FIELDS,
  correctionInput,
  erasureInput,
  extendAvgRequestInput,
  INSPECTION_CATEGORIES,
  inspectionDecisionInput,
  requestStatementInput,
  type AvgRequestView,
  type InspectionCategory,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  Heading2,
  Heading3,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { useParams } from 'react-router';
import { municipalDay, municipalToday } from '../../app/dates';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { Item, Plain, SavedNotice } from '../case-files/CaseParts';
import { formatDateTime } from '../intake/intake-format';
import { labelledChoices } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import { PrivacyNav } from '../privacy/PrivacyParts';
import { deadlineText } from './avg-rights-format';
import { ErasurePreview } from './ErasurePreview';
import { useSubmit } from './use-submit';
import './avg-rights.css';

interface PartProps {
  view: AvgRequestView;
  onSaved: (v: AvgRequestView) => void;
}
const base = (view: AvgRequestView) => `/api/avg/requests/${encodeURIComponent(view.id)}`;
const yesNo = [
  { value: 'yes', label: t('avg.erasure.yes') },
  { value: 'no', label: t('avg.erasure.no') },
];

function StatusForm({ view, onSaved }: PartProps) {
  const form = useSubmit<AvgRequestView>('avg-status', ['status', 'decisionNotes']);
  const [status, setStatus] = useState<string>(view.status);
  const [notes, setNotes] = useState(view.decisionNotes ?? '');
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit(
      'PUT',
      `${base(view)}/status`,
      changeAvgStatusInput,
      { status, decisionNotes: notes, version: view.version },
      t('avg.status.saved'),
    );
    if (saved) onSaved(saved);
  };
  return (
    <section aria-labelledby="avg-status-heading" className="nabij-section">
      <Heading2 id="avg-status-heading">{t('avg.status.heading')}</Heading2>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={form.errors.message} items={form.errors.items} focusKey={form.errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="avg-status-heading">
        <SelectField
          id={form.errors.idFor('status')}
          label={t('avg.status.label')}
          value={status}
          choices={labelledChoices(AVG_STATUSES, 'avg.status')}
          onValueChange={setStatus}
          error={form.errors.errorFor('status')}
        />
        <TextAreaField
          id={form.errors.idFor('decisionNotes')}
          label={t('avg.status.notes')}
          description={t('avg.status.notesHelp')}
          value={notes}
          onValueChange={setNotes}
          error={form.errors.errorFor('decisionNotes')}
          rows={3}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('avg.status.save')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function ExtensionForm({ view, onSaved }: PartProps) {
  const form = useSubmit<AvgRequestView>('avg-extension', ['extendedUntil', 'reason']);
  const [until, setUntil] = useState(view.latestExtension);
  const [reason, setReason] = useState('');
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit(
      'POST',
      `${base(view)}/extension`,
      extendAvgRequestInput,
      { extendedUntil: until, reason, version: view.version },
      t('avg.extension.saved'),
    );
    if (saved) onSaved(saved);
  };
  return (
    <section aria-labelledby="avg-extension-heading" className="nabij-section">
      <Heading2 id="avg-extension-heading">{t('avg.extension.heading')}</Heading2>
      <SavedNotice text={form.saved} />
      {view.canExtend ? (
        <>
          <Paragraph>{t('avg.extension.intro', { date: formatDate(view.latestExtension) })}</Paragraph>
          <ErrorSummary message={form.errors.message} items={form.errors.items} focusKey={form.errors.focusKey} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="avg-extension-heading">
            <TextField
              id={form.errors.idFor('extendedUntil')}
              label={t('avg.extension.until')}
              type="date"
              value={until}
              onValueChange={setUntil}
              error={form.errors.errorFor('extendedUntil')}
              className="nabij-field--short"
            />
            <TextAreaField
              id={form.errors.idFor('reason')}
              label={t('avg.extension.reason')}
              value={reason}
              onValueChange={setReason}
              error={form.errors.errorFor('reason')}
              rows={2}
            />
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
                {t('avg.extension.save')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      ) : (
        <Paragraph>
          {view.extendedUntil
            ? t('avg.request.extendedText', {
                date: formatDate(view.extendedUntil),
                reason: view.extensionReason ?? '',
              })
            : t('avg.extension.closed')}
        </Paragraph>
      )}
    </section>
  );
}

function DecisionForm({ view, category, onSaved }: PartProps & { category: InspectionCategory }) {
  const decided = view.decisions.find((d) => d.category === category);
  const form = useSubmit<AvgRequestView>(`avg-decision-${category}`, ['include', 'reason']);
  const [include, setInclude] = useState(decided ? (decided.include ? 'yes' : 'no') : '');
  const [reason, setReason] = useState(decided?.reason ?? '');
  const heading = `avg-decision-${category}-heading`;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit(
      'PUT',
      `${base(view)}/decisions/${category}`,
      inspectionDecisionInput,
      { include: include === '' ? undefined : include === 'yes', reason },
      t('avg.inspection.saved'),
    );
    if (saved) onSaved(saved);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={heading} className="nabij-avg-decision">
      <Heading3 id={heading}>{t(`avg.inspection.category.${category}`)}</Heading3>
      <Paragraph>{t(`avg.inspection.help.${category}`)}</Paragraph>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={form.errors.message} items={form.errors.items} focusKey={form.errors.focusKey} />
      <RadioGroupField
        id={form.errors.idFor('include')}
        legend={t(`avg.inspection.category.${category}`)}
        value={include}
        choices={[
          { value: 'yes', label: t('avg.inspection.include') },
          { value: 'no', label: t('avg.inspection.exclude') },
        ]}
        onValueChange={setInclude}
        error={form.errors.errorFor('include')}
        inline
      />
      <TextField
        id={form.errors.idFor('reason')}
        label={t('avg.inspection.reason')}
        value={reason}
        onValueChange={setReason}
        error={form.errors.errorFor('reason')}
      />
      {decided ? (
        <Paragraph className="nabij-avg-note">
          {t('avg.inspection.decided', { name: decided.decidedByName, date: formatDateTime(decided.decidedAt) })}
        </Paragraph>
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
          {t('avg.inspection.save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function Inspection({ view, onSaved, closed }: PartProps & { closed: boolean }) {
  const complete = INSPECTION_CATEGORIES.every((c) => view.decisions.some((d) => d.category === c));
  return (
    <section aria-labelledby="avg-inspection-heading" className="nabij-section">
      <Heading2 id="avg-inspection-heading">{t('avg.inspection.heading')}</Heading2>
      <Paragraph>{t('avg.inspection.intro')}</Paragraph>
      {closed ? (
        <UnorderedList>
          {view.decisions.map((d) => (
            <UnorderedListItem key={d.category}>
              {t(`avg.inspection.category.${d.category}`)}:{' '}
              {d.include ? t('avg.inspection.include') : t('avg.inspection.exclude')} —{' '}
              <span className="nabij-plain-text">{d.reason}</span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        INSPECTION_CATEGORIES.map((c) => <DecisionForm key={c} view={view} category={c} onSaved={onSaved} />)
      )}
      <Heading3>{t('avg.inspection.copies')}</Heading3>
      {complete && view.person ? (
        <UnorderedList>
          <UnorderedListItem>
            <Link href={`${base(view)}/copy.pdf`} download>
              {t('avg.inspection.pdf')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href={`${base(view)}/copy.json`} download>
              {t('avg.inspection.json')}
            </Link>
          </UnorderedListItem>
        </UnorderedList>
      ) : (
        <Paragraph>{t('avg.inspection.needDecisions')}</Paragraph>
      )}
      {view.copyGeneratedAt ? (
        <Paragraph>{t('avg.inspection.generatedAt', { date: formatDateTime(view.copyGeneratedAt) })}</Paragraph>
      ) : null}
    </section>
  );
}

function Correction({ view, onSaved }: PartProps) {
  const form = useSubmit<AvgRequestView>('avg-correction', ['field', 'value', 'note']);
  const [v, setV] = useState({ field: '', value: '', note: '' });
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit('POST', `${base(view)}/corrections`, correctionInput, v, t('avg.correction.saved'));
    if (saved) {
      setV({ field: '', value: '', note: '' });
      onSaved(saved);
    }
  };
  return (
    <section aria-labelledby="avg-correction-heading" className="nabij-section">
      <Heading2 id="avg-correction-heading">{t('avg.correction.heading')}</Heading2>
      <Paragraph>{t('avg.correction.intro')}</Paragraph>
      {view.corrections.length > 0 ? (
        <>
          <Heading3>{t('avg.correction.list')}</Heading3>
          <UnorderedList>
            {view.corrections.map((c) => (
              <UnorderedListItem key={c.id}>
                {t(`avg.correction.field.${c.field}`)} (
                {c.applied ? t('avg.correction.applied') : t('avg.correction.toWorker')}):{' '}
                <span className="nabij-plain-text">{c.note}</span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      <SavedNotice text={form.saved} />
      <ErrorSummary message={form.errors.message} items={form.errors.items} focusKey={form.errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="avg-correction-heading">
        <SelectField
          id={form.errors.idFor('field')}
          label={t('avg.correction.field')}
          value={v.field}
          emptyLabel={t('avg.correction.field')}
          choices={labelledChoices(CORRECTABLE_FIELDS, 'avg.correction.field')}
          onValueChange={(field) => setV((s) => ({ ...s, field }))}
          error={form.errors.errorFor('field')}
        />
        {v.field && v.field !== 'other' ? (
          <TextField
            id={form.errors.idFor('value')}
            label={t('avg.correction.value')}
            value={v.value}
            onValueChange={(value) => setV((s) => ({ ...s, value }))}
            error={form.errors.errorFor('value')}
          />
        ) : null}
        <TextAreaField
          id={form.errors.idFor('note')}
          label={t('avg.correction.note')}
          value={v.note}
          onValueChange={(note) => setV((s) => ({ ...s, note }))}
          error={form.errors.errorFor('note')}
          rows={2}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('avg.correction.save')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function Statement({ view, onSaved }: PartProps) {
  const form = useSubmit<AvgRequestView>('avg-statement', ['caseId', 'receivedOn', 'statement']);
  const [v, setV] = useState({ caseId: view.cases[0]?.id ?? '', receivedOn: municipalToday(), statement: '' });
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit(
      'POST',
      `${base(view)}/statements`,
      requestStatementInput,
      v,
      t('avg.statement.saved'),
    );
    if (saved) {
      setV((s) => ({ ...s, statement: '' }));
      onSaved(saved);
    }
  };
  return (
    <section aria-labelledby="avg-statement-heading" className="nabij-section">
      <Heading2 id="avg-statement-heading">{t('avg.statement.heading')}</Heading2>
      <Paragraph>{t('avg.statement.intro')}</Paragraph>
      {view.statements.length > 0 ? (
        <UnorderedList className="nabij-avg-statements">
          {view.statements.map((s) => (
            <UnorderedListItem key={s.id}>
              <span className="nabij-plain-text">{s.statement}</span>
              <span className="nabij-avg-note">
                {t('avg.statement.added')} {formatDate(s.receivedOn)}
              </span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
      {view.cases.length === 0 ? (
        <Paragraph>{t('avg.request.noCases')}</Paragraph>
      ) : (
        <>
          <SavedNotice text={form.saved} />
          <ErrorSummary message={form.errors.message} items={form.errors.items} focusKey={form.errors.focusKey} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="avg-statement-heading">
            <div className="nabij-form-row">
              <SelectField
                id={form.errors.idFor('caseId')}
                label={t('avg.statement.case')}
                value={v.caseId}
                choices={view.cases.map((c) => ({ value: c.id, label: `${c.reference ?? '—'} (${c.teamName})` }))}
                onValueChange={(caseId) => setV((s) => ({ ...s, caseId }))}
                error={form.errors.errorFor('caseId')}
              />
              <TextField
                id={form.errors.idFor('receivedOn')}
                label={t('avg.statement.receivedOn')}
                type="date"
                value={v.receivedOn}
                onValueChange={(receivedOn) => setV((s) => ({ ...s, receivedOn }))}
                error={form.errors.errorFor('receivedOn')}
                className="nabij-field--short"
              />
            </div>
            <TextAreaField
              id={form.errors.idFor('statement')}
              label={t('avg.statement.text')}
              value={v.statement}
              onValueChange={(statement) => setV((s) => ({ ...s, statement }))}
              error={form.errors.errorFor('statement')}
              rows={4}
            />
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
                {t('avg.statement.save')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}

const ERASURE_FIELDS = [
  'retentionObligation',
  'legalClaim',
  'publicInterest',
  'othersInterest',
  'exceptionNotes',
  'confirm',
] as const;

function Erasure({ view, onSaved }: PartProps) {
  const form = useSubmit<AvgRequestView>('avg-erasure', ERASURE_FIELDS);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const [confirm, setConfirm] = useState(false);
  const done = Boolean(view.erasedAt);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const flag = (k: string) => (answers[k] === undefined ? undefined : answers[k] === 'yes');
    const saved = await form.submit(
      'POST',
      `${base(view)}/erasure`,
      erasureInput,
      {
        retentionObligation: flag('retentionObligation'),
        legalClaim: flag('legalClaim'),
        publicInterest: flag('publicInterest'),
        othersInterest: flag('othersInterest'),
        exceptionNotes: notes,
        confirm: confirm || undefined,
        version: view.version,
      },
      t('avg.erasure.done', { date: formatDate(municipalToday()) }),
    );
    if (saved) onSaved(saved);
  };
  return (
    <section aria-labelledby="avg-erasure-heading" className="nabij-section nabij-avg-danger">
      <Heading2 id="avg-erasure-heading">{t('avg.erasure.heading')}</Heading2>
      <Paragraph>{t('avg.erasure.intro')}</Paragraph>
      {view.exceptionCheck ? (
        <Paragraph>
          {t('avg.erasure.checked', {
            name: view.exceptionCheck.checkedByName,
            date: formatDateTime(view.exceptionCheck.checkedAt),
          })}
        </Paragraph>
      ) : null}
      {done ? (
        <Alert type="ok">
          <Paragraph>
            {t('avg.erasure.done', { date: formatDate(view.erasedAt ? municipalDay(view.erasedAt) : undefined) })}
          </Paragraph>
        </Alert>
      ) : (
        <>
          {view.person ? <ErasurePreview requestId={view.id} /> : null}
          <SavedNotice text={form.saved} />
          <ErrorSummary message={form.errors.message} items={form.errors.items} focusKey={form.errors.focusKey} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="avg-erasure-heading">
            {(['retentionObligation', 'legalClaim', 'publicInterest', 'othersInterest'] as const).map((k) => (
              <RadioGroupField
                key={k}
                id={form.errors.idFor(k)}
                legend={t(`avg.erasure.${k}`)}
                value={answers[k] ?? ''}
                choices={yesNo}
                onValueChange={(value) => setAnswers((a) => ({ ...a, [k]: value }))}
                error={form.errors.errorFor(k)}
                inline
              />
            ))}
            <TextAreaField
              id={form.errors.idFor('exceptionNotes')}
              label={t('avg.erasure.notes')}
              value={notes}
              onValueChange={setNotes}
              error={form.errors.errorFor('exceptionNotes')}
              rows={3}
            />
            <CheckboxField
              id={form.errors.idFor('confirm')}
              label={t('avg.erasure.confirm')}
              checked={confirm}
              onCheckedChange={setConfirm}
              error={form.errors.errorFor('confirm')}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={form.busy} disabled={form.busy}>
                {t('avg.erasure.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}

/** One AVG request: its deadline, status and decision, and the handling that fits its kind. */
export function RequestPage() {
  const { id = '' } = useParams();
  const request = useResource<AvgRequestView>(`/api/avg/requests/${encodeURIComponent(id)}`);
  const title =
    request.status === 'ready' ? t('avg.request.title', { reference: request.data.reference }) : t('avg.title');
  usePageTitle(title);
  const saved = (v: AvgRequestView) => request.setData(v);
  const view = request.data;
  const closed = view ? CLOSED_AVG_STATUSES.includes(view.status) : false;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <PrivacyNav />
      <Paragraph>
        <AppLink to="/privacy/verzoeken">{t('avg.request.back')}</AppLink>
      </Paragraph>
      {request.status === 'loading' ? <Loading /> : null}
      {request.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(request.error)}</Paragraph>
        </Alert>
      ) : null}
      {view ? (
        <div>
          <section aria-labelledby="avg-details-heading" className="nabij-section">
            <Heading2 id="avg-details-heading">{t('avg.request.details')}</Heading2>
            <DataList>
              <Item label={t('avg.col.kind')}>{t(`avg.kind.${view.kind}`)}</Item>
              <Item label={t('avg.col.person')}>
                {view.person
                  ? `${view.person.name}${view.person.dateOfBirth ? ` (${formatDate(view.person.dateOfBirth)})` : ''}`
                  : t('avg.personErased')}
              </Item>
              <Item label={t('avg.col.received')}>
                {formatDate(view.receivedOn)} · {t(`avg.channel.${view.channel}`)}
              </Item>
              <Item label={t('avg.request.deadline')}>{deadlineText(view, closed)}</Item>
              <Item label={t('avg.col.status')}>{t(`avg.status.${view.status}`)}</Item>
              <Item label={t('avg.new.description')}>
                <Plain text={view.description} />
              </Item>
              <Item label={t('avg.request.identity')}>
                {view.identityVerified ? t('avg.erasure.yes') : t('avg.erasure.no')}
              </Item>
              <Item label={t('avg.request.handledBy')}>{view.handledByName ?? '—'}</Item>
              {view.decisionNotes ? (
                <Item label={t('avg.request.decision')}>
                  <Plain text={view.decisionNotes} />
                  {view.completedOn ? (
                    <span className="nabij-avg-note">
                      {t('avg.request.completedOn', { date: formatDate(view.completedOn) })}
                    </span>
                  ) : null}
                </Item>
              ) : null}
              <Item label={t('avg.request.cases')}>
                {view.cases.length
                  ? view.cases.map((c) => `${c.reference ?? '—'} (${c.teamName}, ${t(`phase.${c.phase}`)})`).join('; ')
                  : t('avg.request.noCases')}
              </Item>
            </DataList>
          </section>
          {view.kind === 'inspection' ? <Inspection view={view} onSaved={saved} closed={closed} /> : null}
          {!closed && view.kind === 'correction' ? <Correction view={view} onSaved={saved} /> : null}
          {!closed && (view.kind === 'statement' || view.kind === 'correction') ? (
            <Statement view={view} onSaved={saved} />
          ) : null}
          {view.kind === 'erasure' && (!closed || view.erasedAt) ? <Erasure view={view} onSaved={saved} /> : null}
          {!closed ? <ExtensionForm view={view} onSaved={saved} /> : null}
          {!closed ? <StatusForm view={view} onSaved={saved} /> : null}
        </div>
      ) : null}
    </>
  );
}
