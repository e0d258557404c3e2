import {
  CASE_REVIEW_QUESTION_KINDS,
  caseReviewItemInput,
  consultationAdviceInput,
  consultationRequestInput,
  type CaseCoordinationView,
  type CaseReviewQuestionKind,
} from '@nabij/contracts';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { municipalToday } from '../../app/dates';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { SavedNotice } from '../case-files/CaseParts';
import { formatDate } from '../persons/person-format';
import { useCoordinationForm } from './coordination-form';
import { questionKindLabel } from './coordination-format';

type View = CaseCoordinationView;
export interface FormProps {
  view: View;
  onSaved: (view: View) => void;
  onStale: () => void;
}

const casePath = (view: View, tail: string) => `/api/cases/${encodeURIComponent(view.caseId)}/${tail}`;

/** Choices of a question kind, with their labels. */
export const questionKindChoices = () =>
  CASE_REVIEW_QUESTION_KINDS.map((k) => ({ value: k, label: questionKindLabel(k) }));

const AGENDA_FIELDS = ['meetingId', 'questionKind', 'question'] as const;

/** The case's worker puts it on the agenda of an upcoming case review meeting of the team, with a question. */
export function AgendaForm({
  view,
  onSaved,
  onStale,
  initialKind,
}: FormProps & { initialKind?: CaseReviewQuestionKind | undefined }) {
  const form = useCoordinationForm('agenda', AGENDA_FIELDS, { onStale });
  const [meetingId, setMeetingId] = useState(view.upcomingMeetings[0]?.id ?? '');
  const [questionKind, setQuestionKind] = useState<string>(initialKind ?? '');
  const [question, setQuestion] = useState('');
  const { errors } = form;
  if (view.upcomingMeetings.length === 0) {
    return (
      <Paragraph>
        {t('coordination.noUpcoming')} <AppLink to="/casuistiekoverleg">{t('coordination.toMeetings')}</AppLink>
      </Paragraph>
    );
  }
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = await form.submit(
      caseReviewItemInput,
      { meetingId, questionKind: questionKind || undefined, question },
      (d) => api.post<View>(casePath(view, 'case-review-items'), d),
      onSaved,
      t('coordination.agendaSaved'),
    );
    if (ok) {
      setQuestion('');
      setQuestionKind('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('coordination.agendaHeading')}>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <SelectField
        id={errors.idFor('meetingId')}
        label={t('coordination.meeting')}
        value={meetingId}
        choices={view.upcomingMeetings.map((m) => ({ value: m.id, label: formatDate(m.date) }))}
        onValueChange={setMeetingId}
        error={errors.errorFor('meetingId')}
      />
      <RadioGroupField
        id={errors.idFor('questionKind')}
        legend={t('coordination.questionKind')}
        value={questionKind}
        choices={questionKindChoices()}
        onValueChange={setQuestionKind}
        error={errors.errorFor('questionKind')}
      />
      <TextAreaField
        id={errors.idFor('question')}
        label={t('coordination.question')}
        description={t('coordination.questionHint')}
        value={question}
        onValueChange={setQuestion}
        error={errors.errorFor('question')}
        rows={3}
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={form.busy} disabled={form.busy}>
          {t('coordination.putOnAgenda')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

const CONSULT_FIELDS = ['scientistId', 'question'] as const;

/** The worker asks a behavioural scientist for advice on the case; the scientist may then view the case. */
export function ConsultationRequestForm({ view, onSaved, onStale }: FormProps) {
  const form = useCoordinationForm('consult', CONSULT_FIELDS, { onStale });
  const [scientistId, setScientistId] = useState(view.scientists.length === 1 ? (view.scientists[0]?.id ?? '') : '');
  const [question, setQuestion] = useState('');
  const { errors } = form;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (
      await form.submit(
        consultationRequestInput,
        { scientistId, question },
        (d) => api.post<View>(casePath(view, 'consultations'), d),
        onSaved,
        t('coordination.consultSaved'),
      )
    )
      setQuestion('');
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('coordination.consultHeading')}>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <SelectField
        id={errors.idFor('scientistId')}
        label={t('coordination.scientist')}
        value={scientistId}
        choices={view.scientists.map((s) => ({ value: s.id, label: s.name }))}
        onValueChange={setScientistId}
        error={errors.errorFor('scientistId')}
        emptyLabel={t('coordination.chooseScientist')}
        description={t('coordination.scientistHint')}
        required
      />
      <TextAreaField
        id={errors.idFor('question')}
        label={t('coordination.consultQuestion')}
        value={question}
        onValueChange={setQuestion}
        error={errors.errorFor('question')}
        rows={3}
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
          {t('coordination.consult')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

const ADVICE_FIELDS = ['advice', 'advisedOn'] as const;

/** The consulted behavioural scientist records the advice with its date. */
export function AdviceForm({
  view,
  consultation,
  onSaved,
  onStale,
}: FormProps & { consultation: View['consultations'][number] }) {
  const form = useCoordinationForm(`advice-${consultation.id}`, ADVICE_FIELDS, { onStale });
  const [advice, setAdvice] = useState(consultation.advice ?? '');
  const [advisedOn, setAdvisedOn] = useState(consultation.advisedOn ?? municipalToday());
  const { errors } = form;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(
      consultationAdviceInput,
      { version: consultation.version, advice, advisedOn },
      (d) => api.put<View>(casePath(view, `consultations/${encodeURIComponent(consultation.id)}/advice`), d),
      onSaved,
      t('coordination.adviceSaved'),
    );
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('coordination.adviceHeading')}>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextAreaField
        id={errors.idFor('advice')}
        label={t('coordination.advice')}
        value={advice}
        onValueChange={setAdvice}
        error={errors.errorFor('advice')}
        rows={4}
        required
      />
      <TextField
        id={errors.idFor('advisedOn')}
        label={t('coordination.advisedOn')}
        type="date"
        value={advisedOn}
        onValueChange={setAdvisedOn}
        error={errors.errorFor('advisedOn')}
        className="nabij-field--short"
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={form.busy} disabled={form.busy}>
          {t('coordination.saveAdvice')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
