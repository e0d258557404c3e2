import {
  EVALUATION_CONCLUSIONS,
  GOAL_EVALUATION_STATUSES,
  recordEvaluationInput,
  revisePlanInput,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { municipalToday } from '../../app/dates';
import { useDraft } from '../../app/use-draft';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { DraftRestoredNotice } from '../../components/DraftRestoredNotice';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { CaseLoadError, failedTitle } from '../case-files/CaseParts';
import { formatDate } from '../persons/person-format';
import { domainLabel } from '../plan/plan-format';
import { evaluationRequest, type Course, type GoalEntry } from './lifecycle-format';
import './lifecycle.css';

function goalFields(course: Course): string[] {
  return [
    'heldOn',
    'participants',
    'goals',
    ...(course.plan?.goals ?? []).flatMap((_, i) => [`goals.${i}.status`, `goals.${i}.note`]),
    'interimZrmId',
    'conclusion',
    'summary',
  ];
}

/** After "plan bijstellen": one click makes a new plan version with a reason, through the plan. */
function AdjustPlan({ course, heldOn }: { course: Course; heldOn: string }) {
  const navigate = useNavigate();
  const errors = useFormErrors('adjust', ['reason']);
  const [reason, setReason] = useState(t('evaluation.adjustReasonDefault', { date: formatDate(heldOn) }));
  const [busy, setBusy] = useState(false);
  const current = course.plan?.current;
  if (!current) return null;
  const base = `/dossiers/${encodeURIComponent(course.caseId)}`;
  if (current.status === 'draft') {
    return (
      <Paragraph>
        {t('evaluation.draftExists', { number: current.number })}{' '}
        <AppLink to={`${base}/plan`}>{t('evaluation.toPlan')}</AppLink>
      </Paragraph>
    );
  }
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = revisePlanInput.safeParse({ version: current.version, reason });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/cases/${encodeURIComponent(course.caseId)}/plan/revisions`, parsed.data);
      void navigate(`${base}/plan`);
    } catch (error) {
      errors.showError(error);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="adjust-heading" className="nabij-section">
      <Heading3 id="adjust-heading">{t('evaluation.adjustHeading')}</Heading3>
      <Paragraph>{t('evaluation.adjustIntro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="adjust-heading">
        <TextAreaField
          id={errors.idFor('reason')}
          label={t('evaluation.adjustReason')}
          value={reason}
          onValueChange={setReason}
          error={errors.errorFor('reason')}
          rows={3}
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('evaluation.adjust')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

export function EvaluationForm({
  course,
  onSaved,
}: {
  course: Course;
  onSaved: (next: Course, conclusion: string, heldOn: string) => void;
}) {
  const plan = course.plan;
  const errors = useFormErrors('evaluation', goalFields(course), { nestedPaths: true });
  const [heldOn, setHeldOn] = useState(municipalToday());
  const [participants, setParticipants] = useState('');
  const [goals, setGoals] = useState<Record<string, GoalEntry>>({});
  const [interimZrmId, setInterimZrmId] = useState(course.interimZrm[0]?.id ?? '');
  const [conclusion, setConclusion] = useState('');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  // The evaluation's texts survive an expired session (ADR 0035).
  const typed = useMemo(
    () => ({ participants, goals, conclusion, summary }),
    [participants, goals, conclusion, summary],
  );
  const draft = useDraft(`evaluation:${course.caseId}`, typed, {
    isEmpty: (v) =>
      v.participants.trim() === '' &&
      v.summary.trim() === '' &&
      Object.values(v.goals).every((g) => g.note.trim() === ''),
    onRestore: (v) => {
      setParticipants(v.participants);
      setGoals(v.goals);
      setConclusion(v.conclusion);
      setSummary(v.summary);
    },
  });
  if (!plan) return null;
  const setGoal = (id: string, patch: Partial<GoalEntry>) =>
    setGoals((g) => ({ ...g, [id]: { status: g[id]?.status ?? '', note: g[id]?.note ?? '', ...patch } }));
  const latest = course.interimZrm[0];
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = recordEvaluationInput.safeParse(
      evaluationRequest(course, { heldOn, participants, goals, interimZrmId, conclusion, summary }),
    );
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const next = await api.post<Course>(`/api/cases/${encodeURIComponent(course.caseId)}/evaluations`, parsed.data);
      errors.clear();
      draft.clear();
      onSaved(next, parsed.data.conclusion, parsed.data.heldOn);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="evaluation-form-heading" className="nabij-section">
      <Heading2 id="evaluation-form-heading">{t('evaluation.formHeading')}</Heading2>
      <Paragraph>
        {t('evaluation.planVersion', { number: plan.agreedNumber, date: formatDate(plan.agreedOn) })}
      </Paragraph>
      <DraftRestoredNotice draft={draft} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="evaluation-form-heading">
        <TextField
          id={errors.idFor('heldOn')}
          type="date"
          label={t('evaluation.heldOn')}
          value={heldOn}
          onValueChange={setHeldOn}
          error={errors.errorFor('heldOn')}
          max={municipalToday()}
          required
        />
        <TextAreaField
          id={errors.idFor('participants')}
          label={t('evaluation.participants')}
          description={t('evaluation.participantsHelp')}
          value={participants}
          onValueChange={setParticipants}
          error={errors.errorFor('participants')}
          rows={2}
          required
        />
        <Heading3 id={errors.idFor('goals')} tabIndex={-1}>
          {t('evaluation.goalsLegend')}
        </Heading3>
        {errors.errorFor('goals') ? (
          <Alert type="error">
            <Paragraph>{errors.errorFor('goals')}</Paragraph>
          </Alert>
        ) : null}
        {plan.goals.map((g, i) => (
          <div key={g.id} className="nabij-lifecycle-goal">
            <RadioGroupField
              id={errors.idFor(`goals.${i}.status`)}
              legend={t('evaluation.goalStatus', { goal: `${domainLabel(g.domain)}: ${g.goal}` })}
              value={goals[g.id]?.status ?? ''}
              choices={GOAL_EVALUATION_STATUSES.map((s) => ({ value: s, label: t(`evaluation.status.${s}`) }))}
              onValueChange={(status) => setGoal(g.id, { status })}
              error={errors.errorFor(`goals.${i}.status`)}
              inline
            />
            <TextAreaField
              id={errors.idFor(`goals.${i}.note`)}
              label={t('evaluation.goalNote', { goal: g.goal })}
              value={goals[g.id]?.note ?? ''}
              onValueChange={(note) => setGoal(g.id, { note })}
              error={errors.errorFor(`goals.${i}.note`)}
              rows={2}
              optional
            />
          </div>
        ))}
        <Heading3>{t('evaluation.zrmHeading')}</Heading3>
        <Paragraph>
          {latest
            ? t('evaluation.zrmLatest', {
                name: latest.personName,
                date: formatDate(latest.assessedOn),
                count: latest.domains,
              })
            : t('evaluation.zrmNone')}{' '}
          <AppLink to={`/dossiers/${encodeURIComponent(course.caseId)}/zrm/nieuw`}>{t('evaluation.zrmScore')}</AppLink>
        </Paragraph>
        <Paragraph>{t('evaluation.zrmScoreHelp')}</Paragraph>
        {course.interimZrm.length > 0 ? (
          <SelectField
            id={errors.idFor('interimZrmId')}
            label={t('evaluation.zrmChoice')}
            value={interimZrmId}
            onValueChange={setInterimZrmId}
            choices={course.interimZrm.map((z) => ({
              value: z.id,
              label: t('evaluation.zrmChoiceItem', { name: z.personName, date: formatDate(z.assessedOn) }),
            }))}
            emptyLabel={t('evaluation.zrmChoiceNone')}
            error={errors.errorFor('interimZrmId')}
          />
        ) : null}
        <RadioGroupField
          id={errors.idFor('conclusion')}
          legend={t('evaluation.conclusion')}
          value={conclusion}
          choices={EVALUATION_CONCLUSIONS.map((c) => ({ value: c, label: t(`evaluation.conclusion.${c}`) }))}
          onValueChange={setConclusion}
          error={errors.errorFor('conclusion')}
        />
        <TextAreaField
          id={errors.idFor('summary')}
          label={t('evaluation.summary')}
          value={summary}
          onValueChange={setSummary}
          error={errors.errorFor('summary')}
          rows={3}
          optional
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('evaluation.save')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function History({ course }: { course: Course }) {
  return (
    <section aria-labelledby="evaluation-history-heading" className="nabij-section">
      <Heading2 id="evaluation-history-heading">{t('evaluation.historyHeading')}</Heading2>
      {course.evaluations.length === 0 ? <Paragraph>{t('evaluation.historyNone')}</Paragraph> : null}
      {course.evaluations.map((e) => (
        <article key={e.id} aria-labelledby={`evaluation-${e.id}`} className="nabij-lifecycle-item">
          <Heading3 id={`evaluation-${e.id}`}>
            {t('evaluation.historyItem', {
              date: formatDate(e.heldOn),
              conclusion: t(`evaluation.conclusion.${e.conclusion}`),
              number: e.planNumber,
              name: e.recordedByName,
            })}
          </Heading3>
          <Paragraph>{t('evaluation.historyParticipants', { participants: e.participants })}</Paragraph>
          {e.summary ? <Paragraph className="nabij-plain-text">{e.summary}</Paragraph> : null}
          <div className="nabij-table-scroll">
            <Table className="nabij-responsive-table">
              <TableCaption className="nabij-visually-hidden">
                {t('evaluation.historyItem', {
                  date: formatDate(e.heldOn),
                  conclusion: t(`evaluation.conclusion.${e.conclusion}`),
                  number: e.planNumber,
                  name: e.recordedByName,
                })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('evaluation.goalColumn')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('evaluation.statusColumn')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('evaluation.noteColumn')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {e.goals.map((g) => (
                  <TableRow key={g.goalId}>
                    <TableHeaderCell scope="row" data-label={t('evaluation.goalColumn')}>
                      {domainLabel(g.domain)}: {g.goal}
                    </TableHeaderCell>
                    <TableCell data-label={t('evaluation.statusColumn')}>
                      {t(`evaluation.status.${g.status}`)}
                    </TableCell>
                    <TableCell data-label={t('evaluation.noteColumn')} className="nabij-plain-text">
                      {g.note ?? ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </article>
      ))}
    </section>
  );
}

/** The periodic evaluation of the agreed plan (every three months by default). */
export function EvaluationPage() {
  const { id = '' } = useParams();
  const course = useResource<Course>(`/api/cases/${encodeURIComponent(id)}/course`);
  const [saved, setSaved] = useState<{ conclusion: string; heldOn: string } | undefined>(undefined);
  const noticeRef = useRef<HTMLDivElement>(null);
  const name = course.data?.householdName ?? '';
  const title = course.status === 'failed' ? failedTitle(course.error, t('evaluation.title')) : t('evaluation.title');
  usePageTitle(course.status === 'ready' ? t('evaluation.titleWith', { name }) : title);
  const base = `/dossiers/${encodeURIComponent(id)}`;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <AppLink to={base}>{t('course.backToCase')}</AppLink>
      </Paragraph>
      {course.status === 'loading' ? <Loading /> : null}
      {course.status === 'failed' ? <CaseLoadError error={course.error} /> : null}
      {course.status === 'ready' ? (
        <>
          <Paragraph>{name}</Paragraph>
          <Paragraph>{t('evaluation.intro')}</Paragraph>
          {saved ? (
            <div ref={noticeRef} tabIndex={-1} className="nabij-notice">
              <Alert type="ok">
                <Paragraph role="status">{t('evaluation.saved')}</Paragraph>
              </Alert>
            </div>
          ) : null}
          {saved?.conclusion === 'adjust_plan' ? <AdjustPlan course={course.data} heldOn={saved.heldOn} /> : null}
          {saved?.conclusion === 'closure' ? (
            <Paragraph>
              <AppButtonLink to={`${base}/afsluiten`} appearance="primary-action-button">
                {t('evaluation.toClosure')}
              </AppButtonLink>
            </Paragraph>
          ) : null}
          {course.data.phase === 'execution' && course.data.plan ? (
            <EvaluationForm
              key={course.data.evaluations.length}
              course={course.data}
              onSaved={(next, conclusion, heldOn) => {
                course.setData(next);
                setSaved({ conclusion, heldOn });
                window.setTimeout(() => noticeRef.current?.focus(), 0);
              }}
            />
          ) : !saved ? (
            <Alert type="warning">
              <Paragraph>{t('evaluation.notInExecution', { phase: t(`phase.${course.data.phase}`) })}</Paragraph>
            </Alert>
          ) : null}
          <History course={course.data} />
        </>
      ) : null}
    </>
  );
}
