import {
  CONSENT_FORMS,
  informationConsentInput,
  OUTREACH_WAYS,
  outreachAttemptInput,
  PARTICIPATION_RUNGS,
  recordParticipationRequest,
  RISK_LEVELS,
  childSafetyInput,
  type CaseOverview,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
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
} from '@utrecht/component-library-react';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useNavigate } from 'react-router';
import { municipalToday } from '../../app/dates';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormDisclosure } from '../../components/FormDisclosure';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { labelledChoices } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import { adults, rungLabel } from './case-format';
import { Item, Plain, SavedNotice } from './CaseParts';
import { useCaseForm } from './use-case-form';

interface SectionProps {
  overview: CaseOverview;
  onChanged: (overview: CaseOverview) => void;
}

const casePath = (overview: CaseOverview, tail: string) => `/api/cases/${encodeURIComponent(overview.id)}/${tail}`;

// ---------- participation ladder ----------
const PARTICIPATION_FIELDS = ['personId', 'rung', 'measuredOn', 'note'] as const;

function ParticipationForm({ overview, onChanged }: SectionProps) {
  const people = adults(overview.household?.members ?? []);
  const form = useCaseForm(
    'participation',
    PARTICIPATION_FIELDS,
    recordParticipationRequest,
    casePath(overview, 'participation'),
    onChanged,
  );
  const [personId, setPersonId] = useState(people[0]?.id ?? '');
  const [rung, setRung] = useState('');
  const [measuredOn, setMeasuredOn] = useState(municipalToday);
  const [note, setNote] = useState('');
  const { errors } = form;
  if (people.length === 0) return <Paragraph>{t('case.participationNoAdults')}</Paragraph>;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (
      await form.submit(
        { personId, rung: rung ? Number(rung) : undefined, measuredOn, note },
        t('case.participationSaved'),
      )
    ) {
      setRung('');
      setNote('');
    }
  };

  return (
    <div className="nabij-subform">
      <Heading3 id="participation-form-heading">{t('case.participationAdd')}</Heading3>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="participation-form-heading">
        <div className="nabij-form-row">
          <SelectField
            id={errors.idFor('personId')}
            label={t('case.participationPerson')}
            value={personId}
            choices={people.map((p) => ({ value: p.id, label: p.fullName }))}
            onValueChange={setPersonId}
            error={errors.errorFor('personId')}
          />
          <TextField
            id={errors.idFor('measuredOn')}
            label={t('case.participationDate')}
            type="date"
            value={measuredOn}
            onValueChange={setMeasuredOn}
            error={errors.errorFor('measuredOn')}
            className="nabij-field--short"
            required
          />
        </div>
        <RadioGroupField
          id={errors.idFor('rung')}
          legend={t('case.participationRung')}
          value={rung}
          choices={PARTICIPATION_RUNGS.map((r) => ({ value: String(r), label: rungLabel(r) }))}
          onValueChange={setRung}
          error={errors.errorFor('rung')}
        />
        <TextAreaField
          id={errors.idFor('note')}
          label={t('case.participationNote')}
          value={note}
          onValueChange={setNote}
          error={errors.errorFor('note')}
          rows={2}
          optional
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('case.participationAdd')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

export function ParticipationSection({ overview, onChanged }: SectionProps) {
  const list = [...overview.participation].sort((a, b) => b.measuredOn.localeCompare(a.measuredOn));
  return (
    <section id="participatie" aria-labelledby="participatie-heading" className="nabij-section">
      <Heading2 id="participatie-heading">{t('case.participation')}</Heading2>
      {list.length === 0 ? <Paragraph>{t('case.participationNone')}</Paragraph> : null}
      {list.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('case.participation')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('case.participationDate')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.participationPerson')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.participationRung')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.participationNote')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((p) => (
                <TableRow key={p.id}>
                  <TableCell data-label={t('case.participationDate')}>{formatDate(p.measuredOn)}</TableCell>
                  <TableCell data-label={t('case.participationPerson')}>{p.personName}</TableCell>
                  <TableCell data-label={t('case.participationRung')}>{rungLabel(p.rung)}</TableCell>
                  <TableCell data-label={t('case.participationNote')} className="nabij-plain-text">
                    {p.note ?? ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <FormDisclosure label={t('case.participationAdd')}>
        <ParticipationForm overview={overview} onChanged={onChanged} />
      </FormDisclosure>
    </section>
  );
}

// ---------- child safety ----------
const CHILD_SAFETY_FIELDS = ['assessedOn', 'signs', 'protectiveFactors', 'riskLevel', 'actions'] as const;

function ChildSafetyForm({ overview, onChanged }: SectionProps) {
  const form = useCaseForm(
    'child-safety',
    CHILD_SAFETY_FIELDS,
    childSafetyInput,
    casePath(overview, 'child-safety'),
    onChanged,
  );
  const empty = () => ({ assessedOn: municipalToday(), signs: '', protectiveFactors: '', riskLevel: '', actions: '' });
  const [values, setValues] = useState(empty);
  const { errors } = form;
  const text = (key: 'signs' | 'protectiveFactors' | 'actions', label: string) => ({
    id: errors.idFor(key),
    label,
    value: values[key],
    onValueChange: (value: string) => setValues((v) => ({ ...v, [key]: value })),
    error: errors.errorFor(key),
    rows: 3,
    required: true,
  });

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await form.submit({ ...values, riskLevel: values.riskLevel || undefined }, t('case.childSafetySaved')))
      setValues(empty());
  };

  return (
    <div className="nabij-subform">
      <Heading3 id="child-safety-form-heading">{t('case.childSafetyAdd')}</Heading3>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="child-safety-form-heading">
        <TextField
          id={errors.idFor('assessedOn')}
          label={t('case.childSafetyDate')}
          type="date"
          value={values.assessedOn}
          onValueChange={(assessedOn) => setValues((v) => ({ ...v, assessedOn }))}
          error={errors.errorFor('assessedOn')}
          className="nabij-field--short"
          required
        />
        <TextAreaField {...text('signs', t('case.childSafetySigns'))} description={t('case.childSafetySignsHint')} />
        <TextAreaField {...text('protectiveFactors', t('case.childSafetyProtective'))} />
        <RadioGroupField
          id={errors.idFor('riskLevel')}
          legend={t('case.childSafetyRisk')}
          value={values.riskLevel}
          choices={labelledChoices(RISK_LEVELS, 'riskLevel')}
          onValueChange={(riskLevel) => setValues((v) => ({ ...v, riskLevel }))}
          error={errors.errorFor('riskLevel')}
          inline
        />
        <TextAreaField {...text('actions', t('case.childSafetyActions'))} />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('case.childSafetyAdd')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

export function ChildSafetySection({ overview, onChanged }: SectionProps) {
  const list = [...overview.childSafety].sort((a, b) => b.assessedOn.localeCompare(a.assessedOn));
  return (
    <section id="veiligheid" aria-labelledby="veiligheid-heading" className="nabij-section">
      <Heading2 id="veiligheid-heading">{t('case.childSafety')}</Heading2>
      <Paragraph>{t('case.childSafetyIntro')}</Paragraph>
      {list.length === 0 ? <Paragraph>{t('case.childSafetyNone')}</Paragraph> : null}
      {list.map((s) => (
        <section key={s.id} aria-labelledby={`child-safety-${s.id}`}>
          <Heading3 id={`child-safety-${s.id}`}>
            {t('case.childSafetyHeading', { date: formatDate(s.assessedOn) })}
          </Heading3>
          <DataList>
            <Item label={t('case.childSafetyRisk')}>
              <strong>{t(`riskLevel.${s.riskLevel}`)}</strong>
            </Item>
            <Item label={t('case.childSafetySigns')}>
              <Plain text={s.signs} />
            </Item>
            <Item label={t('case.childSafetyProtective')}>
              <Plain text={s.protectiveFactors} />
            </Item>
            <Item label={t('case.childSafetyActions')}>
              <Plain text={s.actions} />
            </Item>
            <Item label={t('case.childSafetyBy')}>{s.recordedByName}</Item>
          </DataList>
        </section>
      ))}
      <FormDisclosure label={t('case.childSafetyAdd')}>
        <ChildSafetyForm overview={overview} onChanged={onChanged} />
      </FormDisclosure>
    </section>
  );
}

// ---------- Meldcode (shielded) ----------
export function MeldcodeSection({ overview }: { overview: CaseOverview }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const records = overview.meldcode ?? [];

  const start = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const record = await api.post<{ id: string }>(casePath(overview, 'meldcode'), {});
      void navigate(`/dossiers/${encodeURIComponent(overview.id)}/meldcode/${encodeURIComponent(record.id)}`, {
        state: { meldcodeStarted: true },
      });
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  };

  return (
    <section id="meldcode" aria-labelledby="meldcode-heading" className="nabij-section">
      <Heading2 id="meldcode-heading">{t('case.meldcode')}</Heading2>
      <Alert type="warning">
        <Paragraph>
          <strong>{t('case.meldcodeShielded')}</strong>
        </Paragraph>
      </Alert>
      {failure ? (
        <Alert type="error">
          <Paragraph role="alert">{failure}</Paragraph>
        </Alert>
      ) : null}
      {records.length === 0 ? <Paragraph>{t('case.meldcodeNone')}</Paragraph> : null}
      {records.length > 0 ? (
        <ul className="nabij-plain-list">
          {records.map((r) => (
            <li key={r.id}>
              <AppLink to={`/dossiers/${encodeURIComponent(overview.id)}/meldcode/${encodeURIComponent(r.id)}`}>
                {t('case.meldcodeRecord', { date: formatDate(r.startedOn) })}
              </AppLink>{' '}
              <StatusBadge status={r.status === 'open' ? 'warning' : 'neutral'} className="nabij-badge">
                {t(`case.meldcodeStatus.${r.status}`)}
              </StatusBadge>
            </li>
          ))}
        </ul>
      ) : null}
      <ButtonGroup>
        <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void start()}>
          {t('case.meldcodeStart')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

// ---------- outreach ----------
const OUTREACH_FIELDS = ['attemptedOn', 'way', 'contactMade', 'note'] as const;

function OutreachForm({ overview, onChanged }: SectionProps) {
  const form = useCaseForm(
    'outreach',
    OUTREACH_FIELDS,
    outreachAttemptInput,
    casePath(overview, 'outreach'),
    onChanged,
  );
  const [attemptedOn, setAttemptedOn] = useState(municipalToday);
  const [way, setWay] = useState('');
  const [contactMade, setContactMade] = useState(false);
  const [note, setNote] = useState('');
  const { errors } = form;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await form.submit({ attemptedOn, way: way || undefined, contactMade, note }, t('case.outreachSaved'))) {
      setWay('');
      setContactMade(false);
      setNote('');
    }
  };

  return (
    <div className="nabij-subform">
      <Heading3 id="outreach-form-heading">{t('case.outreachAdd')}</Heading3>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="outreach-form-heading">
        <div className="nabij-form-row">
          <TextField
            id={errors.idFor('attemptedOn')}
            label={t('case.outreachDate')}
            type="date"
            value={attemptedOn}
            onValueChange={setAttemptedOn}
            error={errors.errorFor('attemptedOn')}
            className="nabij-field--short"
            required
          />
          <SelectField
            id={errors.idFor('way')}
            label={t('case.outreachWay')}
            value={way}
            choices={labelledChoices(OUTREACH_WAYS, 'outreachWay')}
            onValueChange={setWay}
            error={errors.errorFor('way')}
            emptyLabel={t('case.choose')}
            required
          />
        </div>
        <CheckboxField
          id={errors.idFor('contactMade')}
          label={t('case.outreachContact')}
          checked={contactMade}
          onCheckedChange={setContactMade}
          error={errors.errorFor('contactMade')}
        />
        <TextAreaField
          id={errors.idFor('note')}
          label={t('case.outreachNote')}
          value={note}
          onValueChange={setNote}
          error={errors.errorFor('note')}
          rows={2}
          optional
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('case.outreachAdd')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

export function OutreachSection({ overview, onChanged }: SectionProps) {
  const list = [...overview.outreach.attempts].sort((a, b) => b.attemptedOn.localeCompare(a.attemptedOn));
  return (
    <section id="eropaf" aria-labelledby="eropaf-heading" className="nabij-section">
      <Heading2 id="eropaf-heading">{t('case.outreach')}</Heading2>
      <Paragraph>{t('case.outreachIntro')}</Paragraph>
      {overview.outreach.flaggedForTeam ? (
        <Alert type="warning">
          <Paragraph>{t('case.outreachFlagged')}</Paragraph>
        </Alert>
      ) : null}
      {list.length === 0 ? <Paragraph>{t('case.outreachNone')}</Paragraph> : null}
      {list.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('case.outreach')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('case.outreachDate')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.outreachWay')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.outreachContactShort')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.outreachNote')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((a) => (
                <TableRow key={a.id}>
                  <TableCell data-label={t('case.outreachDate')}>{formatDate(a.attemptedOn)}</TableCell>
                  <TableCell data-label={t('case.outreachWay')}>{t(`outreachWay.${a.way}`)}</TableCell>
                  <TableCell data-label={t('case.outreachContactShort')}>
                    {a.contactMade ? t('common.yes') : t('common.no')}
                  </TableCell>
                  <TableCell data-label={t('case.outreachNote')} className="nabij-plain-text">
                    {a.note ?? ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <FormDisclosure label={t('case.outreachAdd')}>
        <OutreachForm overview={overview} onChanged={onChanged} />
      </FormDisclosure>
    </section>
  );
}

// ---------- information-sharing consent ----------
const CONSENT_FIELDS = ['personId', 'recipient', 'scope', 'form', 'givenOn', 'expiresOn'] as const;

function ConsentForm({ overview, onChanged }: SectionProps) {
  const members = overview.household?.members ?? [];
  const form = useCaseForm(
    'consent',
    CONSENT_FIELDS,
    informationConsentInput,
    casePath(overview, 'consents'),
    onChanged,
  );
  const empty = () => ({
    personId: members[0]?.id ?? '',
    recipient: '',
    scope: '',
    form: '',
    givenOn: municipalToday(),
    expiresOn: '',
  });
  const [values, setValues] = useState(empty);
  const { errors } = form;
  const set = (key: keyof ReturnType<typeof empty>) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { ...values, form: values.form || undefined, expiresOn: values.expiresOn || undefined };
    if (await form.submit(input, t('case.consentSaved'))) setValues(empty());
  };

  return (
    <div className="nabij-subform">
      <Heading3 id="consent-form-heading">{t('case.consentAdd')}</Heading3>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="consent-form-heading">
        <SelectField
          id={errors.idFor('personId')}
          label={t('case.consentPerson')}
          value={values.personId}
          choices={members.map((m) => ({ value: m.id, label: m.fullName }))}
          onValueChange={set('personId')}
          error={errors.errorFor('personId')}
        />
        <TextField
          id={errors.idFor('recipient')}
          label={t('case.consentRecipient')}
          value={values.recipient}
          onValueChange={set('recipient')}
          error={errors.errorFor('recipient')}
          autoComplete="off"
          required
        />
        <TextAreaField
          id={errors.idFor('scope')}
          label={t('case.consentScope')}
          value={values.scope}
          onValueChange={set('scope')}
          error={errors.errorFor('scope')}
          rows={2}
          required
        />
        <RadioGroupField
          id={errors.idFor('form')}
          legend={t('case.consentForm')}
          value={values.form}
          choices={labelledChoices(CONSENT_FORMS, 'consentForm')}
          onValueChange={set('form')}
          error={errors.errorFor('form')}
          inline
        />
        <div className="nabij-form-row">
          <TextField
            id={errors.idFor('givenOn')}
            label={t('case.consentGivenOn')}
            type="date"
            value={values.givenOn}
            onValueChange={set('givenOn')}
            error={errors.errorFor('givenOn')}
            required
          />
          <TextField
            id={errors.idFor('expiresOn')}
            label={t('case.consentExpiresOn')}
            type="date"
            value={values.expiresOn}
            onValueChange={set('expiresOn')}
            error={errors.errorFor('expiresOn')}
            optional
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('case.consentAdd')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

export function ConsentsSection({ overview, onChanged }: SectionProps) {
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const [busyId, setBusyId] = useState<string | undefined>(undefined);
  const noticeRef = useRef<HTMLDivElement>(null);

  const withdraw = async (id: string, recipient: string) => {
    setBusyId(id);
    try {
      onChanged(await api.post<CaseOverview>(casePath(overview, `consents/${encodeURIComponent(id)}/withdraw`), {}));
      setNotice({ kind: 'ok', text: t('case.consentWithdrawnNotice', { recipient }) });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setBusyId(undefined);
      window.setTimeout(() => noticeRef.current?.focus(), 0);
    }
  };

  return (
    <section id="toestemming" aria-labelledby="toestemming-heading" className="nabij-section">
      <Heading2 id="toestemming-heading">{t('case.consents')}</Heading2>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1} className="nabij-notice">
          <Alert type={notice.kind}>
            <Paragraph>{notice.text}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {overview.consents.length === 0 ? <Paragraph>{t('case.consentsNone')}</Paragraph> : null}
      {overview.consents.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('case.consents')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('case.consentPersonShort')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.consentRecipientShort')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.consentScopeShort')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.consentFormShort')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.consentGivenOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.consentExpiresOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.consentStatus')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.consents.map((c) => (
                <TableRow key={c.id}>
                  <TableCell data-label={t('case.consentPersonShort')}>{c.personName}</TableCell>
                  <TableCell data-label={t('case.consentRecipientShort')}>{c.recipient}</TableCell>
                  <TableCell data-label={t('case.consentScopeShort')} className="nabij-plain-text">
                    {c.scope}
                  </TableCell>
                  <TableCell data-label={t('case.consentFormShort')}>{t(`consentForm.${c.form}`)}</TableCell>
                  <TableCell data-label={t('case.consentGivenOn')}>{formatDate(c.givenOn)}</TableCell>
                  <TableCell data-label={t('case.consentExpiresOn')}>{formatDate(c.expiresOn)}</TableCell>
                  <TableCell data-label={t('case.consentStatus')}>
                    {c.active ? (
                      <StatusBadge status="safe" className="nabij-badge">
                        {t('case.consentActive')}
                      </StatusBadge>
                    ) : c.withdrawnOn ? (
                      t('case.consentWithdrawn', { date: formatDate(c.withdrawnOn) })
                    ) : (
                      t('case.consentInactive')
                    )}
                  </TableCell>
                  <TableCell data-label={t('common.actions')}>
                    {c.active ? (
                      <Button
                        appearance="subtle-button"
                        busy={busyId === c.id}
                        disabled={busyId !== undefined}
                        onClick={() => void withdraw(c.id, c.recipient)}
                      >
                        {t('case.consentWithdraw')}
                        <span className="nabij-visually-hidden">
                          {' '}
                          {t('case.consentWithdrawWhat', { recipient: c.recipient })}
                        </span>
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <FormDisclosure label={t('case.consentAdd')}>
        <ConsentForm overview={overview} onChanged={onChanged} />
      </FormDisclosure>
    </section>
  );
}
