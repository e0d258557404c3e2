import {
  actionProgressInput,
  ACTION_STATUSES,
  PERFORMERS,
  PLAN_DOMAINS,
  planActionInput,
  planGoalInput,
  revisePlanInput,
  startPlanInput,
  type PlanPageView,
  type PlanVersionView,
} from '@nabij/contracts';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import type { ValidationIssue } from '../../app/errors';
import { t } from '../../app/i18n';
import { useResource } from '../../app/use-resource';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors, type FormErrors } from '../../components/form-state';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { labelledChoices } from '../intake/intake-format';
import { domainLabel } from './plan-format';

type Goal = PlanVersionView['goals'][number];
type Action = Goal['actions'][number];
export type OnSaved = (page: PlanPageView, notice: string) => void;

interface Suggestions {
  services: Array<{ id: string; organisation: string; name: string; type: string; description: string | null }>;
}

/** Validates with a contract, then sends; field errors go to the form's summary. Returns true when saved. */
async function send<T>(
  errors: FormErrors,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly ValidationIssue[] } } },
  value: unknown,
  call: (data: T) => Promise<PlanPageView>,
  onSaved: OnSaved,
  notice: string,
): Promise<boolean> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    errors.showIssues(parsed.error.issues);
    return false;
  }
  try {
    onSaved(await call(parsed.data), notice);
    errors.clear();
    return true;
  } catch (error) {
    errors.showError(error);
    return false;
  }
}

export function StartPlanForm({ caseId, onSaved }: { caseId: string; onSaved: OnSaved }) {
  const errors = useFormErrors('plan-start', ['startsOn']);
  const [startsOn, setStartsOn] = useState(new Date().toISOString().slice(0, 10));
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    await send(errors, startPlanInput, { startsOn }, (d) => api.post<PlanPageView>(`/api/cases/${caseId}/plan`, d), onSaved, t('plan.started'));
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-start-heading" className="nabij-section">
      <Heading3 id="plan-start-heading">{t('plan.startHeading')}</Heading3>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextField id={errors.idFor('startsOn')} label={t('plan.startsOn')} type="date" value={startsOn} onValueChange={setStartsOn} error={errors.errorFor('startsOn')} className="nabij-field--short" />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('plan.start')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

const GOAL_FIELDS = ['domain', 'problem', 'goal', 'intendedResult', 'solutions'] as const;
export interface GoalDraft {
  domain: string;
  problem: string;
  goal: string;
  fromResidentPlan: boolean;
}

/** A goal per life domain: the problem in the household's own words, the goal, the intended result and solutions. */
export function GoalForm({ caseId, current, onSaved, prefill }: { caseId: string; current: PlanVersionView; onSaved: OnSaved; prefill: GoalDraft | undefined }) {
  const errors = useFormErrors('plan-goal', GOAL_FIELDS);
  const [domain, setDomain] = useState(prefill?.domain ?? '');
  const [problem, setProblem] = useState(prefill?.problem ?? '');
  const [goal, setGoal] = useState(prefill?.goal ?? '');
  const [intendedResult, setIntendedResult] = useState('');
  const [solutions, setSolutions] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const ok = await send(
      errors,
      planGoalInput,
      { version: current.version, domain, problem, goal, intendedResult, solutions, fromResidentPlan: prefill?.fromResidentPlan ?? false },
      (d) => api.post<PlanPageView>(`/api/cases/${caseId}/plan/goals`, d),
      onSaved,
      t('plan.goalAdded'),
    );
    if (ok) {
      setDomain('');
      setProblem('');
      setGoal('');
      setIntendedResult('');
      setSolutions('');
    }
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-goal-heading" className="nabij-subform" id="plan-goal-form">
      <Heading3 id="plan-goal-heading">{t('plan.addGoalHeading')}</Heading3>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <SelectField
        id={errors.idFor('domain')}
        label={t('plan.domain')}
        value={domain}
        choices={PLAN_DOMAINS.map((d) => ({ value: d, label: domainLabel(d) }))}
        emptyLabel={t('plan.domainChoose')}
        onValueChange={setDomain}
        error={errors.errorFor('domain')}
      />
      <TextAreaField id={errors.idFor('problem')} label={t('plan.problem')} description={t('plan.problemDescription')} value={problem} onValueChange={setProblem} error={errors.errorFor('problem')} rows={3} />
      <TextAreaField id={errors.idFor('goal')} label={t('plan.goal')} description={t('plan.goalDescription')} value={goal} onValueChange={setGoal} error={errors.errorFor('goal')} rows={2} />
      <TextAreaField id={errors.idFor('intendedResult')} label={t('plan.intendedResult')} value={intendedResult} onValueChange={setIntendedResult} error={errors.errorFor('intendedResult')} rows={2} optional />
      <TextAreaField id={errors.idFor('solutions')} label={t('plan.solutions')} value={solutions} onValueChange={setSolutions} error={errors.errorFor('solutions')} rows={3} optional />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('plan.addGoal')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

const ACTION_FIELDS = ['description', 'performer', 'serviceId', 'performerName', 'dueOn'] as const;
const SUGGEST_FOR = new Set(['network_or_volunteers', 'other_organisation']);

/**
 * Adding an action, light before heavy: the performers in order of preference ("Wat kan iemand zelf?"), and for
 * network or organisations the catalogue's services of the goal's domain, general and collective ones first.
 * Description, performer, service, date, save: five interactions after opening.
 */
export function ActionForm({ caseId, current, goal, onSaved }: { caseId: string; current: PlanVersionView; goal: Goal; onSaved: OnSaved }) {
  const prefix = `plan-action-${goal.id}`;
  const errors = useFormErrors(prefix, ACTION_FIELDS);
  const [description, setDescription] = useState('');
  const [performer, setPerformer] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [performerName, setPerformerName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [busy, setBusy] = useState(false);
  const suggestions = useResource<Suggestions>(`/api/cases/${caseId}/plan/suggestions?domain=${encodeURIComponent(goal.domain)}`);
  const showServices = SUGGEST_FOR.has(performer);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const ok = await send(
      errors,
      planActionInput,
      {
        version: current.version,
        description,
        performer: performer || undefined,
        serviceId: showServices ? serviceId : undefined,
        performerName,
        dueOn,
      },
      (d) => api.post<PlanPageView>(`/api/cases/${caseId}/plan/goals/${goal.id}/actions`, d),
      onSaved,
      t('plan.actionAdded'),
    );
    if (ok) {
      setDescription('');
      setPerformer('');
      setServiceId('');
      setPerformerName('');
      setDueOn('');
    }
    setBusy(false);
  };

  const serviceChoices = [
    { value: '', label: t('plan.noService') },
    ...(suggestions.data?.services ?? []).map((s) => ({ value: s.id, label: `${s.name} — ${s.organisation} (${t(`plan.serviceType.${s.type}`)})` })),
  ];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('plan.addActionHeading', { domain: domainLabel(goal.domain) })}>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextField id={errors.idFor('description')} label={t('plan.actionDescription')} value={description} onValueChange={setDescription} error={errors.errorFor('description')} autoComplete="off" />
      <RadioGroupField
        id={errors.idFor('performer')}
        legend={t('plan.performerLegend')}
        description={t('plan.performerHint')}
        value={performer}
        choices={labelledChoices(PERFORMERS, 'plan.performer')}
        onValueChange={setPerformer}
        error={errors.errorFor('performer')}
      />
      {showServices ? (
        suggestions.data && suggestions.data.services.length === 0 ? (
          <Paragraph>{t('plan.noSuggestions')}</Paragraph>
        ) : (
          <RadioGroupField
            id={errors.idFor('serviceId')}
            legend={t('plan.suggestionsLegend')}
            description={t('plan.suggestionsHint')}
            value={serviceId}
            choices={serviceChoices}
            onValueChange={setServiceId}
            error={errors.errorFor('serviceId')}
          />
        )
      ) : null}
      <div className="nabij-form-row">
        <TextField id={errors.idFor('performerName')} label={t('plan.performerName')} value={performerName} onValueChange={setPerformerName} error={errors.errorFor('performerName')} optional autoComplete="off" />
        <TextField id={errors.idFor('dueOn')} label={t('plan.dueOn')} type="date" value={dueOn} onValueChange={setDueOn} error={errors.errorFor('dueOn')} optional className="nabij-field--short" />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('plan.addAction')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Status and progress note of one action; allowed on the agreed version too. */
export function ProgressForm({ caseId, current, action, onSaved }: { caseId: string; current: PlanVersionView; action: Action; onSaved: OnSaved }) {
  const errors = useFormErrors(`plan-progress-${action.id}`, ['status', 'progressNote']);
  const [status, setStatus] = useState<string>(action.status);
  const [progressNote, setProgressNote] = useState(action.progressNote ?? '');
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    await send(
      errors,
      actionProgressInput,
      { version: current.version, status, progressNote },
      (d) => api.post<PlanPageView>(`/api/cases/${caseId}/plan/actions/${action.id}/progress`, d),
      onSaved,
      t('plan.progressSaved'),
    );
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('plan.progressFor', { action: action.description })}>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <SelectField id={errors.idFor('status')} label={t('plan.status')} value={status} choices={labelledChoices(ACTION_STATUSES, 'plan.actionStatus')} onValueChange={setStatus} error={errors.errorFor('status')} />
      <TextAreaField id={errors.idFor('progressNote')} label={t('plan.progressNote')} value={progressNote} onValueChange={setProgressNote} error={errors.errorFor('progressNote')} rows={2} optional />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('plan.saveProgress')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** A change after agreement: a new draft version with the reason. */
export function ReviseForm({ caseId, current, onSaved }: { caseId: string; current: PlanVersionView; onSaved: OnSaved }) {
  const errors = useFormErrors('plan-revise', ['reason']);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    await send(errors, revisePlanInput, { version: current.version, reason }, (d) => api.post<PlanPageView>(`/api/cases/${caseId}/plan/revisions`, d), onSaved, t('plan.revised', { number: current.number + 1 }));
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-revise-heading" className="nabij-subform">
      <Heading3 id="plan-revise-heading">{t('plan.reviseHeading')}</Heading3>
      <Paragraph>{t('plan.reviseIntro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextAreaField id={errors.idFor('reason')} label={t('plan.reviseReason')} value={reason} onValueChange={setReason} error={errors.errorFor('reason')} rows={2} />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('plan.revise')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
