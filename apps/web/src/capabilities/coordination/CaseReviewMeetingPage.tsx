import {
  CLOSURE_REVIEW_DECISIONS,
  caseReviewItemInput,
  caseReviewOutcomeInput,
  type CaseReviewMeetingView,
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
} from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { Item, SavedNotice } from '../case-files/CaseParts';
import { formatDate } from '../persons/person-format';
import { questionKindChoices } from './CaseReviewForms';
import { useCoordinationForm } from './coordination-form';
import { questionKindLabel, referenceText } from './coordination-format';
import './coordination.css';

type Meeting = CaseReviewMeetingView;
type AgendaItem = Meeting['items'][number];

const OUTCOME_FIELDS = ['closureDecision', 'advice', 'agreements', 'agreementsBy'] as const;

/** During or after the meeting: the advice or decision, the follow-up agreements and who carries them out. */
function OutcomeForm({
  meeting,
  item,
  onSaved,
  onStale,
}: {
  meeting: Meeting;
  item: AgendaItem;
  onSaved: (m: Meeting) => void;
  onStale: () => void;
}) {
  const form = useCoordinationForm(`outcome-${item.id}`, OUTCOME_FIELDS, { onStale });
  const [advice, setAdvice] = useState(item.outcome?.advice ?? '');
  const [agreements, setAgreements] = useState(item.outcome?.agreements ?? '');
  const [agreementsBy, setAgreementsBy] = useState(item.outcome?.agreementsBy ?? '');
  // On a closure question the meeting decides: close (with the risk) or continue (ADR 0034).
  const [closureDecision, setClosureDecision] = useState<string>(item.outcome?.closureDecision ?? '');
  const isClosure = item.questionKind === 'closure';
  const { errors } = form;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(
      caseReviewOutcomeInput,
      {
        version: item.version,
        advice,
        agreements,
        agreementsBy,
        ...(isClosure ? { closureDecision: closureDecision || undefined } : {}),
      },
      (d) =>
        api.put<Meeting>(
          `/api/case-reviews/${encodeURIComponent(meeting.id)}/items/${encodeURIComponent(item.id)}/outcome`,
          d,
        ),
      onSaved,
      t('coordination.outcomeSaved'),
    );
  };
  const headingId = `outcome-${item.id}-heading`;
  return (
    <div className="nabij-subform">
      <Heading3 id={headingId} className="nabij-visually-hidden">
        {t('coordination.outcomeFor', { reference: referenceText(item.reference) })}
      </Heading3>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
        {isClosure ? (
          <RadioGroupField
            id={errors.idFor('closureDecision')}
            legend={t('coordination.closureDecision')}
            value={closureDecision}
            choices={CLOSURE_REVIEW_DECISIONS.map((d) => ({ value: d, label: t(`coordination.closureDecision.${d}`) }))}
            onValueChange={setClosureDecision}
            error={errors.errorFor('closureDecision')}
          />
        ) : null}
        <TextAreaField
          id={errors.idFor('advice')}
          label={t('coordination.outcomeAdvice')}
          value={advice}
          onValueChange={setAdvice}
          error={errors.errorFor('advice')}
          rows={3}
          required
        />
        <TextAreaField
          id={errors.idFor('agreements')}
          label={t('coordination.outcomeAgreements')}
          value={agreements}
          onValueChange={setAgreements}
          error={errors.errorFor('agreements')}
          rows={2}
          optional
        />
        <TextField
          id={errors.idFor('agreementsBy')}
          label={t('coordination.outcomeBy')}
          value={agreementsBy}
          onValueChange={setAgreementsBy}
          error={errors.errorFor('agreementsBy')}
          optional
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={form.busy} disabled={form.busy}>
            {item.outcome ? t('coordination.changeOutcome') : t('coordination.saveOutcome')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function AgendaItemView({
  meeting,
  item,
  onSaved,
  onStale,
}: {
  meeting: Meeting;
  item: AgendaItem;
  onSaved: (m: Meeting) => void;
  onStale: () => void;
}) {
  const title =
    item.visible && item.householdName
      ? `${item.householdName} (${referenceText(item.reference)})`
      : referenceText(item.reference);
  return (
    <li>
      <article aria-labelledby={`item-${item.id}-heading`}>
        <h3 id={`item-${item.id}-heading`} className="utrecht-heading-3">
          {item.visible ? (
            <AppLink to={`/dossiers/${encodeURIComponent(item.caseId)}#overleg`}>{title}</AppLink>
          ) : (
            title
          )}
        </h3>
        <DataList>
          <Item label={t('coordination.contactPerson')}>{item.contactPerson}</Item>
          <Item label={t('coordination.questionKind')}>{questionKindLabel(item.questionKind)}</Item>
          {item.visible && item.question ? (
            <Item label={t('coordination.question')}>
              <span className="nabij-plain-text">{item.question}</span>
            </Item>
          ) : null}
          {item.visible && item.requestedByName ? (
            <Item label={t('coordination.requestedBy')}>{item.requestedByName}</Item>
          ) : null}
        </DataList>
        {!item.visible ? (
          <Paragraph className="nabij-coordination-meta">{t('coordination.limitedItem')}</Paragraph>
        ) : null}
        {item.outcome ? (
          <div className="nabij-coordination-outcome">
            {item.outcome.closureDecision ? (
              <Paragraph>
                <strong>{t('coordination.closureDecisionLabel')}</strong>{' '}
                {t(`coordination.closureDecision.${item.outcome.closureDecision}`)}
              </Paragraph>
            ) : null}
            <Paragraph>
              <strong>{t('coordination.adviceLabel')}</strong>{' '}
              <span className="nabij-plain-text">{item.outcome.advice}</span>
            </Paragraph>
            {item.outcome.agreements ? (
              <Paragraph>
                <strong>{t('coordination.agreementsLabel')}</strong>{' '}
                <span className="nabij-plain-text">{item.outcome.agreements}</span>
                {item.outcome.agreementsBy ? ` (${item.outcome.agreementsBy})` : ''}
              </Paragraph>
            ) : null}
          </div>
        ) : item.visible ? (
          <StatusBadge>{t('coordination.awaitingOutcome')}</StatusBadge>
        ) : null}
        {item.canRecordOutcome ? (
          <OutcomeForm meeting={meeting} item={item} onSaved={onSaved} onStale={onStale} />
        ) : null}
      </article>
    </li>
  );
}

interface MyCase {
  id: string;
  reference: string;
  householdName: string;
}

/** A worker puts one of their own cases on this meeting's agenda. */
function AddCaseForm({ meeting, onAdded }: { meeting: Meeting; onAdded: () => void }) {
  const mine = useResource<{ cases: MyCase[] }>('/api/cases/mine');
  const form = useCoordinationForm('add-case', ['caseId', 'questionKind', 'question']);
  const [caseId, setCaseId] = useState('');
  const [questionKind, setQuestionKind] = useState('');
  const [question, setQuestion] = useState('');
  const { errors } = form;
  if (mine.status !== 'ready') return mine.status === 'loading' ? <Loading /> : null;
  const onAgenda = new Set(meeting.items.map((i) => i.caseId));
  const cases = mine.data.cases.filter((c) => !onAgenda.has(c.id));
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!caseId) {
      errors.showIssues([{ path: ['caseId'], message: t('coordination.chooseCaseRequired') }]);
      return;
    }
    const ok = await form.submit(
      caseReviewItemInput,
      { meetingId: meeting.id, questionKind: questionKind || undefined, question },
      (d) => api.post<unknown>(`/api/cases/${encodeURIComponent(caseId)}/case-review-items`, d),
      onAdded,
      t('coordination.agendaSaved'),
    );
    if (ok) {
      setCaseId('');
      setQuestionKind('');
      setQuestion('');
    }
  };
  return (
    <section aria-labelledby="add-case-heading" className="nabij-section">
      <Heading2 id="add-case-heading">{t('coordination.addCaseHeading')}</Heading2>
      <SavedNotice text={form.saved} />
      {cases.length === 0 ? <Paragraph>{t('coordination.noOwnCases')}</Paragraph> : null}
      {cases.length > 0 ? (
        <>
          <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-case-heading">
            <SelectField
              id={errors.idFor('caseId')}
              label={t('coordination.case')}
              value={caseId}
              choices={cases.map((c) => ({ value: c.id, label: `${c.householdName} (${c.reference})` }))}
              onValueChange={setCaseId}
              error={errors.errorFor('caseId')}
              emptyLabel={t('coordination.chooseCase')}
              required
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
        </>
      ) : null}
    </section>
  );
}

/** One case review meeting: its agenda (need to know per case), outcomes, and adding one's own case. */
export function CaseReviewMeetingPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { can } = useSession();
  const meeting = useResource<Meeting>(`/api/case-reviews/${encodeURIComponent(id)}`);
  const title =
    meeting.status === 'ready'
      ? t('coordination.meetingTitle', { date: formatDate(meeting.data.date) })
      : t('coordination.title');
  usePageTitle(title);
  const planned = typeof location.state === 'object' && location.state !== null && 'meetingPlanned' in location.state;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <AppLink to="/casuistiekoverleg">{t('coordination.backToMeetings')}</AppLink>
      </Paragraph>
      {meeting.status === 'loading' ? <Loading /> : null}
      {meeting.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(meeting.error)}</Paragraph>
        </Alert>
      ) : null}
      {meeting.status === 'ready' ? (
        <>
          {planned ? <SavedNotice text={t('coordination.planned')} /> : null}
          <Paragraph>{t('coordination.meetingTeam', { team: meeting.data.teamName })}</Paragraph>
          {!meeting.data.held ? (
            <Alert type="info">
              <Paragraph>{t('coordination.notHeldYet')}</Paragraph>
            </Alert>
          ) : null}
          <section aria-labelledby="agenda-heading" className="nabij-section">
            <Heading2 id="agenda-heading">{t('coordination.agenda')}</Heading2>
            {meeting.data.items.length === 0 ? <Paragraph>{t('coordination.emptyAgenda')}</Paragraph> : null}
            {meeting.data.items.length > 0 ? (
              <ol className="nabij-coordination-list">
                {meeting.data.items.map((item) => (
                  <AgendaItemView
                    key={item.id}
                    meeting={meeting.data}
                    item={item}
                    onSaved={meeting.setData}
                    onStale={meeting.reload}
                  />
                ))}
              </ol>
            ) : null}
          </section>
          {meeting.data.upcoming && can('case:read_own') ? (
            <AddCaseForm meeting={meeting.data} onAdded={meeting.reload} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
