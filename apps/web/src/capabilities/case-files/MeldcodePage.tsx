import {
  meldcodeConsultationInput,
  meldcodeConversationInput,
  meldcodeDecisionInput,
  meldcodeSignalInput,
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
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { municipalToday } from '../../app/dates';
import { api } from '../../app/api';
import { ApiError } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { formatDateTime } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import { CaseLoadError, failedTitle, Item, Plain, SavedNotice } from './CaseParts';
import type { Validator } from './use-case-form';
import {
  emptyMeldcodeDecision,
  MELDCODE_DECISION_FIELDS,
  toMeldcodeDecisionInput,
  visibleQuestions,
  weighingAdvice,
  withMeldcodeMessages,
  type MeldcodeDecisionValues,
  type YesNo,
} from './meldcode-form';

export interface MeldcodeView {
  id: string;
  caseId: string;
  status: 'open' | 'closed';
  startedOn: string;
  startedByName: string;
  signals: { id: string; observedOn: string; fact: string; source: string; interpretation: string | null }[];
  consultations: { id: string; consultedOn: string; withWhom: string; advice: string }[];
  conversations: {
    id: string;
    heldOn: string | null;
    withWhom: string | null;
    summary: string | null;
    reasonNotHeld: string | null;
  }[];
  decision: {
    suspicion: boolean;
    acuteOrStructuralUnsafety: boolean | null;
    helpPossible: boolean | null;
    helpAccepted: boolean | null;
    resultsAchieved: boolean | null;
    weighing: string;
    reportToVeiligThuis: boolean;
    provideOrOrganiseHelp: boolean;
    consentAsked: boolean;
    consentGiven: boolean | null;
    veiligThuisReportedOn: string | null;
    veiligThuisReference: string | null;
    followUpOn: string | null;
    decidedAt: string;
  } | null;
}

const YES_NO = () => [
  { value: 'yes', label: t('common.yes') },
  { value: 'no', label: t('common.no') },
];

const yesNoText = (value: boolean | null) =>
  value === null ? t('meldcode.notAnswered') : value ? t('common.yes') : t('common.no');

/** A small form that posts one entry of a step and hands back the new record. */
function useEntryForm(
  prefix: string,
  fields: readonly string[],
  schema: Validator,
  path: string,
  onSaved: (view: MeldcodeView) => void,
) {
  const errors = useFormErrors(prefix, fields);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const submit = async (input: unknown, savedText: string): Promise<boolean> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setSaved(undefined);
      errors.showIssues(parsed.error.issues);
      return false;
    }
    setBusy(true);
    try {
      onSaved(await api.post<MeldcodeView>(path, parsed.data));
      errors.clear();
      setSaved(savedText);
      return true;
    } catch (error) {
      setSaved(undefined);
      errors.showError(error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, saved, submit };
}

function StepSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="nabij-section nabij-step">
      <Heading2 id={`${id}-heading`}>{title}</Heading2>
      {children}
    </section>
  );
}

interface StepProps {
  record: MeldcodeView;
  path: string;
  open: boolean;
  onSaved: (view: MeldcodeView) => void;
}

function SignalsStep({ record, path, open, onSaved }: StepProps) {
  const form = useEntryForm(
    'signal',
    ['observedOn', 'fact', 'source', 'interpretation'],
    meldcodeSignalInput,
    `${path}/signals`,
    onSaved,
  );
  const empty = () => ({ observedOn: municipalToday(), fact: '', source: '', interpretation: '' });
  const [values, setValues] = useState(empty);
  const { errors } = form;
  const set = (key: keyof ReturnType<typeof empty>) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await form.submit(values, t('meldcode.signalSaved'))) setValues(empty());
  };
  return (
    <StepSection id="stap-1" title={t('meldcode.step1')}>
      <Paragraph>{t('meldcode.step1Intro')}</Paragraph>
      {record.signals.length === 0 ? <Paragraph>{t('meldcode.signalsNone')}</Paragraph> : null}
      {record.signals.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('meldcode.step1')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('meldcode.signalDate')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('meldcode.signalFactShort')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('meldcode.signalSourceShort')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('meldcode.signalInterpretation')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {record.signals.map((s) => (
                <TableRow key={s.id}>
                  <TableCell data-label={t('meldcode.signalDate')}>{formatDate(s.observedOn)}</TableCell>
                  <TableCell data-label={t('meldcode.signalFactShort')} className="nabij-plain-text">
                    {s.fact}
                  </TableCell>
                  <TableCell data-label={t('meldcode.signalSourceShort')}>{s.source}</TableCell>
                  <TableCell
                    data-label={t('meldcode.signalInterpretation')}
                    className="nabij-plain-text nabij-interpretation"
                  >
                    {s.interpretation ?? ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {open ? (
        <div className="nabij-subform">
          <Heading3 id="signal-form-heading">{t('meldcode.signalAdd')}</Heading3>
          <SavedNotice text={form.saved} />
          <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="signal-form-heading">
            <TextField
              id={errors.idFor('observedOn')}
              label={t('meldcode.signalDate')}
              type="date"
              value={values.observedOn}
              onValueChange={set('observedOn')}
              error={errors.errorFor('observedOn')}
              className="nabij-field--short"
              required
            />
            <TextAreaField
              id={errors.idFor('fact')}
              label={t('meldcode.signalFact')}
              value={values.fact}
              onValueChange={set('fact')}
              error={errors.errorFor('fact')}
              rows={3}
              required
            />
            <TextField
              id={errors.idFor('source')}
              label={t('meldcode.signalSource')}
              value={values.source}
              onValueChange={set('source')}
              error={errors.errorFor('source')}
              autoComplete="off"
              required
            />
            <div className="nabij-interpretation-field">
              <TextAreaField
                id={errors.idFor('interpretation')}
                label={t('meldcode.signalInterpretation')}
                description={t('meldcode.signalInterpretationHint')}
                value={values.interpretation}
                onValueChange={set('interpretation')}
                error={errors.errorFor('interpretation')}
                rows={2}
                optional
              />
            </div>
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
                {t('meldcode.signalAdd')}
              </Button>
            </ButtonGroup>
          </form>
        </div>
      ) : null}
    </StepSection>
  );
}

function ConsultationStep({ record, path, open, onSaved }: StepProps) {
  const form = useEntryForm(
    'consultation',
    ['consultedOn', 'withWhom', 'advice'],
    meldcodeConsultationInput,
    `${path}/consultations`,
    onSaved,
  );
  const empty = () => ({ consultedOn: municipalToday(), withWhom: '', advice: '' });
  const [values, setValues] = useState(empty);
  const { errors } = form;
  const set = (key: keyof ReturnType<typeof empty>) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await form.submit(values, t('meldcode.consultationSaved'))) setValues(empty());
  };
  return (
    <StepSection id="stap-2" title={t('meldcode.step2')}>
      {record.consultations.length === 0 ? <Paragraph>{t('meldcode.consultationsNone')}</Paragraph> : null}
      {record.consultations.map((c) => (
        <DataList key={c.id} className="nabij-entry">
          <Item label={t('meldcode.consultationDate')}>{formatDate(c.consultedOn)}</Item>
          <Item label={t('meldcode.consultationWithShort')}>{c.withWhom}</Item>
          <Item label={t('meldcode.consultationAdvice')}>
            <Plain text={c.advice} />
          </Item>
        </DataList>
      ))}
      {open ? (
        <div className="nabij-subform">
          <Heading3 id="consultation-form-heading">{t('meldcode.consultationAdd')}</Heading3>
          <SavedNotice text={form.saved} />
          <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="consultation-form-heading">
            <TextField
              id={errors.idFor('consultedOn')}
              label={t('meldcode.consultationDate')}
              type="date"
              value={values.consultedOn}
              onValueChange={set('consultedOn')}
              error={errors.errorFor('consultedOn')}
              className="nabij-field--short"
              required
            />
            <TextField
              id={errors.idFor('withWhom')}
              label={t('meldcode.consultationWith')}
              value={values.withWhom}
              onValueChange={set('withWhom')}
              error={errors.errorFor('withWhom')}
              autoComplete="off"
              required
            />
            <TextAreaField
              id={errors.idFor('advice')}
              label={t('meldcode.consultationAdvice')}
              value={values.advice}
              onValueChange={set('advice')}
              error={errors.errorFor('advice')}
              rows={3}
              required
            />
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
                {t('meldcode.consultationAdd')}
              </Button>
            </ButtonGroup>
          </form>
        </div>
      ) : null}
    </StepSection>
  );
}

function ConversationStep({ record, path, open, onSaved }: StepProps) {
  const form = useEntryForm(
    'conversation',
    ['held', 'heldOn', 'withWhom', 'summary', 'reasonNotHeld'],
    meldcodeConversationInput,
    `${path}/conversations`,
    onSaved,
  );
  const empty = () => ({ held: 'yes', heldOn: municipalToday(), withWhom: '', summary: '', reasonNotHeld: '' });
  const [values, setValues] = useState(empty);
  const { errors } = form;
  const set = (key: keyof ReturnType<typeof empty>) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input =
      values.held === 'yes'
        ? { heldOn: values.heldOn || undefined, withWhom: values.withWhom, summary: values.summary }
        : { reasonNotHeld: values.reasonNotHeld };
    if (await form.submit(input, t('meldcode.conversationSaved'))) setValues(empty());
  };
  return (
    <StepSection id="stap-3" title={t('meldcode.step3')}>
      {record.conversations.length === 0 ? <Paragraph>{t('meldcode.conversationsNone')}</Paragraph> : null}
      {record.conversations.map((c) => (
        <DataList key={c.id} className="nabij-entry">
          {c.heldOn ? (
            <>
              <Item label={t('meldcode.conversationDate')}>{formatDate(c.heldOn)}</Item>
              <Item label={t('meldcode.conversationWithShort')}>{c.withWhom ?? ''}</Item>
              <Item label={t('meldcode.conversationSummary')}>
                <Plain text={c.summary} />
              </Item>
            </>
          ) : (
            <Item label={t('meldcode.conversationHeld')}>
              <span className="nabij-plain-text">
                {t('meldcode.conversationNotHeld', { reason: c.reasonNotHeld ?? '' })}
              </span>
            </Item>
          )}
        </DataList>
      ))}
      {open ? (
        <div className="nabij-subform">
          <Heading3 id="conversation-form-heading">{t('meldcode.conversationAdd')}</Heading3>
          <SavedNotice text={form.saved} />
          <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="conversation-form-heading">
            <RadioGroupField
              id={errors.idFor('held')}
              legend={t('meldcode.conversationHeld')}
              value={values.held}
              choices={[
                { value: 'yes', label: t('meldcode.conversationHeldYes') },
                { value: 'no', label: t('meldcode.conversationHeldNo') },
              ]}
              onValueChange={set('held')}
            />
            {values.held === 'yes' ? (
              <>
                <TextField
                  id={errors.idFor('heldOn')}
                  label={t('meldcode.conversationDate')}
                  type="date"
                  value={values.heldOn}
                  onValueChange={set('heldOn')}
                  error={errors.errorFor('heldOn')}
                  className="nabij-field--short"
                  required
                />
                <TextField
                  id={errors.idFor('withWhom')}
                  label={t('meldcode.conversationWith')}
                  value={values.withWhom}
                  onValueChange={set('withWhom')}
                  error={errors.errorFor('withWhom')}
                  autoComplete="off"
                  required
                />
                <TextAreaField
                  id={errors.idFor('summary')}
                  label={t('meldcode.conversationSummary')}
                  value={values.summary}
                  onValueChange={set('summary')}
                  error={errors.errorFor('summary')}
                  rows={3}
                  required
                />
              </>
            ) : (
              <TextAreaField
                id={errors.idFor('reasonNotHeld')}
                label={t('meldcode.conversationReason')}
                description={t('meldcode.conversationReasonHint')}
                value={values.reasonNotHeld}
                onValueChange={set('reasonNotHeld')}
                error={errors.errorFor('reasonNotHeld')}
                rows={3}
                required
              />
            )}
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
                {t('meldcode.conversationAdd')}
              </Button>
            </ButtonGroup>
          </form>
        </div>
      ) : null}
    </StepSection>
  );
}

function DecidedView({ decision }: { decision: NonNullable<MeldcodeView['decision']> }) {
  return (
    <>
      <StepSection id="stap-4" title={t('meldcode.step4')}>
        <DataList>
          <Item label={t('meldcode.q.suspicion')}>{yesNoText(decision.suspicion)}</Item>
          <Item label={t('meldcode.q.acuteOrStructuralUnsafety')}>{yesNoText(decision.acuteOrStructuralUnsafety)}</Item>
          <Item label={t('meldcode.q.helpPossible')}>{yesNoText(decision.helpPossible)}</Item>
          <Item label={t('meldcode.q.helpAccepted')}>{yesNoText(decision.helpAccepted)}</Item>
          <Item label={t('meldcode.q.resultsAchieved')}>{yesNoText(decision.resultsAchieved)}</Item>
          <Item label={t('meldcode.weighing')}>
            <Plain text={decision.weighing} />
          </Item>
        </DataList>
      </StepSection>
      <StepSection id="stap-5" title={t('meldcode.step5')}>
        <DataList>
          <Item label={t('meldcode.reportToVeiligThuis')}>
            <strong>{yesNoText(decision.reportToVeiligThuis)}</strong>
          </Item>
          <Item label={t('meldcode.provideOrOrganiseHelp')}>
            <strong>{yesNoText(decision.provideOrOrganiseHelp)}</strong>
          </Item>
          <Item label={t('meldcode.consentAsked')}>{yesNoText(decision.consentAsked)}</Item>
          <Item label={t('meldcode.consentGiven')}>{yesNoText(decision.consentGiven)}</Item>
          <Item label={t('meldcode.veiligThuisReportedOn')}>
            {decision.veiligThuisReportedOn ? formatDate(decision.veiligThuisReportedOn) : t('meldcode.notAnswered')}
          </Item>
          <Item label={t('meldcode.veiligThuisReference')}>
            {decision.veiligThuisReference ?? t('meldcode.notAnswered')}
          </Item>
          <Item label={t('meldcode.followUpOn')}>
            {decision.followUpOn ? formatDate(decision.followUpOn) : t('meldcode.notAnswered')}
          </Item>
          <Item label={t('meldcode.decidedAt')}>{formatDateTime(decision.decidedAt)}</Item>
        </DataList>
      </StepSection>
    </>
  );
}

function DecisionForm({
  path,
  onSaved,
  onStale,
}: {
  path: string;
  onSaved: (view: MeldcodeView) => void;
  onStale: () => void;
}) {
  const errors = useFormErrors('decision', MELDCODE_DECISION_FIELDS);
  const [values, setValues] = useState<MeldcodeDecisionValues>(emptyMeldcodeDecision);
  const [busy, setBusy] = useState(false);
  const yesNo = (key: keyof MeldcodeDecisionValues, legend: string) => ({
    id: errors.idFor(key),
    legend,
    value: values[key],
    choices: YES_NO(),
    onValueChange: (value: string) =>
      setValues((v) => ({ ...v, [key]: value === 'yes' || value === 'no' ? (value as YesNo) : '' })),
    error: errors.errorFor(key),
    inline: true,
  });
  const text = (key: 'weighing' | 'veiligThuisReportedOn' | 'veiligThuisReference' | 'followUpOn') => ({
    id: errors.idFor(key),
    value: values[key],
    onValueChange: (value: string) => setValues((v) => ({ ...v, [key]: value })),
    error: errors.errorFor(key),
  });
  const advice = weighingAdvice(values);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = meldcodeDecisionInput.safeParse(toMeldcodeDecisionInput(values));
    if (!parsed.success) {
      errors.showIssues(withMeldcodeMessages(parsed.error.issues));
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.post<MeldcodeView>(`${path}/decision`, parsed.data));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_decided') {
        errors.showMessage(t('meldcode.alreadyDecided'));
        onStale();
      } else errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('meldcode.decide')}>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <StepSection id="stap-4" title={t('meldcode.step4')}>
        <Paragraph>{t('meldcode.step4Intro')}</Paragraph>
        {visibleQuestions(values).map((q) => (
          <RadioGroupField key={q} {...yesNo(q, t(`meldcode.q.${q}`))} />
        ))}
        {advice ? (
          <Alert type="info">
            <Paragraph role="status">
              <strong>{t('meldcode.adviceLabel')}</strong> {t(`meldcode.advice.${advice}`)}
            </Paragraph>
          </Alert>
        ) : null}
        <TextAreaField {...text('weighing')} label={t('meldcode.weighing')} rows={4} required />
      </StepSection>
      <StepSection id="stap-5" title={t('meldcode.step5')}>
        <RadioGroupField {...yesNo('reportToVeiligThuis', t('meldcode.reportToVeiligThuis'))} />
        <RadioGroupField {...yesNo('provideOrOrganiseHelp', t('meldcode.provideOrOrganiseHelp'))} />
        <RadioGroupField {...yesNo('consentAsked', t('meldcode.consentAsked'))} />
        {values.consentAsked === 'yes' ? (
          <RadioGroupField {...yesNo('consentGiven', t('meldcode.consentGiven'))} />
        ) : null}
        {values.reportToVeiligThuis === 'yes' ? (
          <div className="nabij-form-row">
            <TextField
              {...text('veiligThuisReportedOn')}
              label={t('meldcode.veiligThuisReportedOn')}
              type="date"
              optional
            />
            <TextField
              {...text('veiligThuisReference')}
              label={t('meldcode.veiligThuisReference')}
              autoComplete="off"
              optional
            />
          </div>
        ) : null}
        <TextField
          {...text('followUpOn')}
          label={t('meldcode.followUpOn')}
          description={t('meldcode.followUpHint')}
          type="date"
          className="nabij-field--short"
          optional={values.reportToVeiligThuis !== 'yes'}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('meldcode.decide')}
          </Button>
        </ButtonGroup>
      </StepSection>
    </form>
  );
}

/** One Meldcode record: the five steps, shielded, read-only after the decision. */
export function MeldcodePage() {
  const { id = '', recordId = '' } = useParams();
  const location = useLocation();
  const path = `/api/cases/${encodeURIComponent(id)}/meldcode/${encodeURIComponent(recordId)}`;
  const record = useResource<MeldcodeView>(path);
  const [decidedNow, setDecidedNow] = useState(false);
  const started = typeof location.state === 'object' && location.state !== null && 'meldcodeStarted' in location.state;
  const title = record.status === 'failed' ? failedTitle(record.error, t('meldcode.title')) : t('meldcode.title');
  usePageTitle(title);

  const onSaved = (view: MeldcodeView) => record.setData(view);
  const onDecided = (view: MeldcodeView) => {
    record.setData(view);
    setDecidedNow(true);
    window.setTimeout(() => document.getElementById('meldcode-decided')?.focus(), 0);
  };

  return (
    <>
      <Paragraph>
        <AppLink to={`/dossiers/${encodeURIComponent(id)}#meldcode`}>{t('case.back')}</AppLink>
      </Paragraph>
      <PageHeading>{title}</PageHeading>
      {record.status === 'loading' ? <Loading /> : null}
      {record.status === 'failed' ? <CaseLoadError error={record.error} /> : null}
      {record.status === 'ready' ? (
        <>
          <Alert type="warning" className="nabij-shielded">
            <Paragraph>
              <strong>{t('meldcode.shielded')}</strong>
            </Paragraph>
          </Alert>
          <Alert type="info">
            <Paragraph>{t('meldcode.veiligThuis')}</Paragraph>
          </Alert>
          {started && record.data.signals.length === 0 ? <SavedNotice text={t('meldcode.started')} /> : null}
          <DataList>
            <Item label={t('meldcode.status')}>
              <StatusBadge status={record.data.status === 'open' ? 'warning' : 'neutral'} className="nabij-badge">
                {t(`case.meldcodeStatus.${record.data.status}`)}
              </StatusBadge>
            </Item>
            <Item label={t('case.when')}>
              {t('meldcode.startedBy', { date: formatDate(record.data.startedOn), name: record.data.startedByName })}
            </Item>
          </DataList>
          {record.data.decision ? (
            <div id="meldcode-decided" tabIndex={-1} className="nabij-notice">
              <Alert type={decidedNow ? 'ok' : 'info'}>
                <Paragraph role="status">
                  {decidedNow ? `${t('meldcode.decided')} ${t('meldcode.readOnly')}` : t('meldcode.readOnly')}
                </Paragraph>
              </Alert>
            </div>
          ) : null}
          <nav aria-label={t('meldcode.stepsNav')} className="nabij-case-nav">
            <ul className="nabij-case-nav__list">
              {[1, 2, 3, 4, 5].map((n) => (
                <li key={n}>
                  <a href={`#stap-${n}`} className="utrecht-link utrecht-link--html-a nabij-case-nav__link">
                    {t(`meldcode.step${n}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <SignalsStep record={record.data} path={path} open={record.data.decision === null} onSaved={onSaved} />
          <ConsultationStep record={record.data} path={path} open={record.data.decision === null} onSaved={onSaved} />
          <ConversationStep record={record.data} path={path} open={record.data.decision === null} onSaved={onSaved} />
          {record.data.decision ? (
            <DecidedView decision={record.data.decision} />
          ) : (
            <DecisionForm path={path} onSaved={onDecided} onStale={record.reload} />
          )}
        </>
      ) : null}
    </>
  );
}
