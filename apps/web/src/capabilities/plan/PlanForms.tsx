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
import { Button, ButtonGroup, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { municipalToday } from '../../app/dates';
import { ApiError, errorText, type ValidationIssue } from '../../app/errors';
import { t } from '../../app/i18n';
import { useDraft } from '../../app/use-draft';
import { useResource } from '../../app/use-resource';
import { DraftRestoredNotice } from '../../components/DraftRestoredNotice';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors, type FormErrors } from '../../components/form-state';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { labelledChoices } from '../intake/intake-format';
import { actionFormValues, domainLabel, goalFormValues } from './plan-format';

type Goal = PlanVersionView['goals'][number];
type Action = Goal['actions'][number];
export type OnSaved = (page: PlanPageView, notice: string) => void;
/** Loads the newest plan page after a conflict (the form keeps what the user typed). */
export type OnStale = () => Promise<void>;

/**
 * Editing a saved goal or action instead of adding one: the form is prefilled, saves with PUT and offers
 * "Annuleren". `onDone` closes the form (after saving or cancelling); `onStale` reloads the page on a 409.
 */
export interface EditMode<T> {
  item: T;
  onDone: () => void;
  onStale: OnStale;
}

/** Conflicts of a plan change: someone else changed the plan (`version_conflict`) or the household agreed (`plan_frozen`). */
const STALE_CODES = new Set(['version_conflict', 'plan_frozen']);

/** Moves focus to the first field of a form that was just opened for editing. */
function useFocusFirstField(active: boolean) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (active) ref.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
  }, [active]);
  return ref;
}

interface Suggestions {
  services: Array<{ id: string; organisation: string; name: string; type: string; description: string | null }>;
}

/** Validates with a contract, then sends; field errors go to the form's summary. Returns true when saved. */
async function send<T>(
  errors: FormErrors,
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: readonly ValidationIssue[] } };
  },
  value: unknown,
  call: (data: T) => Promise<PlanPageView>,
  onSaved: OnSaved,
  notice: string,
  onStale?: OnStale,
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
    if (onStale && error instanceof ApiError && STALE_CODES.has(error.code)) {
      // Load the newest plan; the form stays open with what the user typed and says what happened.
      try {
        await onStale();
      } catch (reloadError) {
        errors.showError(reloadError);
        return false;
      }
      errors.showMessage(error.code === 'version_conflict' ? t('plan.editConflict') : errorText(error));
      return false;
    }
    errors.showError(error);
    return false;
  }
}

export function StartPlanForm({ caseId, onSaved }: { caseId: string; onSaved: OnSaved }) {
  const errors = useFormErrors('plan-start', ['startsOn']);
  const [startsOn, setStartsOn] = useState(municipalToday);
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    await send(
      errors,
      startPlanInput,
      { startsOn },
      (d) => api.post<PlanPageView>(`/api/cases/${caseId}/plan`, d),
      onSaved,
      t('plan.started'),
    );
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-start-heading" className="nabij-section">
      <Heading3 id="plan-start-heading">{t('plan.startHeading')}</Heading3>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextField
        id={errors.idFor('startsOn')}
        label={t('plan.startsOn')}
        type="date"
        value={startsOn}
        onValueChange={setStartsOn}
        error={errors.errorFor('startsOn')}
        className="nabij-field--short"
      />
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

/**
 * A goal per life domain: the problem in the household's own words, the goal, the intended result and solutions.
 * Adds a goal (optionally prefilled from the household's own plan), or with `editing` changes a saved one.
 */
export function GoalForm({
  caseId,
  current,
  onSaved,
  prefill,
  editing,
}: {
  caseId: string;
  current: PlanVersionView;
  onSaved: OnSaved;
  prefill: GoalDraft | undefined;
  editing?: EditMode<Goal> | undefined;
}) {
  const prefix = editing ? `plan-goal-edit-${editing.item.id}` : 'plan-goal';
  const errors = useFormErrors(prefix, GOAL_FIELDS);
  const [initial] = useState(() =>
    editing
      ? goalFormValues(editing.item)
      : {
          domain: prefill?.domain ?? '',
          problem: prefill?.problem ?? '',
          goal: prefill?.goal ?? '',
          intendedResult: '',
          solutions: '',
        },
  );
  const [domain, setDomain] = useState(initial.domain);
  const [problem, setProblem] = useState(initial.problem);
  const [goal, setGoal] = useState(initial.goal);
  const [intendedResult, setIntendedResult] = useState(initial.intendedResult);
  const [solutions, setSolutions] = useState(initial.solutions);
  const [busy, setBusy] = useState(false);
  const formRef = useFocusFirstField(editing !== undefined);
  // The plan text survives an expired session (ADR 0035): a draft per new goal of the case, or per goal being changed.
  const typed = useMemo(
    () => ({ domain, problem, goal, intendedResult, solutions }),
    [domain, problem, goal, intendedResult, solutions],
  );
  const draft = useDraft(`plan-goal:${caseId}:${editing ? editing.item.id : 'new'}`, typed, {
    isEmpty: (v) =>
      v.problem === initial.problem &&
      v.goal === initial.goal &&
      v.intendedResult === initial.intendedResult &&
      v.solutions === initial.solutions,
    onRestore: (v) => {
      setDomain(v.domain);
      setProblem(v.problem);
      setGoal(v.goal);
      setIntendedResult(v.intendedResult);
      setSolutions(v.solutions);
    },
  });
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const fromResidentPlan = editing ? editing.item.fromResidentPlan : (prefill?.fromResidentPlan ?? false);
    const ok = await send(
      errors,
      planGoalInput,
      { version: current.version, domain, problem, goal, intendedResult, solutions, fromResidentPlan },
      (d) =>
        editing
          ? api.put<PlanPageView>(`/api/cases/${caseId}/plan/goals/${editing.item.id}`, d)
          : api.post<PlanPageView>(`/api/cases/${caseId}/plan/goals`, d),
      onSaved,
      editing ? t('plan.goalChanged') : t('plan.goalAdded'),
      editing?.onStale,
    );
    setBusy(false);
    if (ok) draft.clear();
    if (ok && editing) {
      editing.onDone();
    } else if (ok) {
      setDomain('');
      setProblem('');
      setGoal('');
      setIntendedResult('');
      setSolutions('');
    }
  };
  const headingId = `${prefix}-heading`;
  return (
    <form
      ref={formRef}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={headingId}
      className={editing ? 'nabij-subform nabij-plan-edit' : 'nabij-subform'}
      id={`${prefix}-form`}
    >
      {editing ? (
        <Heading4 id={headingId}>{t('plan.editGoalHeading', { domain: domainLabel(editing.item.domain) })}</Heading4>
      ) : (
        <Heading3 id={headingId}>{t('plan.addGoalHeading')}</Heading3>
      )}
      <DraftRestoredNotice draft={draft} />
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
      <TextAreaField
        id={errors.idFor('problem')}
        label={t('plan.problem')}
        description={t('plan.problemDescription')}
        value={problem}
        onValueChange={setProblem}
        error={errors.errorFor('problem')}
        rows={3}
      />
      <TextAreaField
        id={errors.idFor('goal')}
        label={t('plan.goal')}
        description={t('plan.goalDescription')}
        value={goal}
        onValueChange={setGoal}
        error={errors.errorFor('goal')}
        rows={2}
      />
      <TextAreaField
        id={errors.idFor('intendedResult')}
        label={t('plan.intendedResult')}
        value={intendedResult}
        onValueChange={setIntendedResult}
        error={errors.errorFor('intendedResult')}
        rows={2}
        optional
      />
      <TextAreaField
        id={errors.idFor('solutions')}
        label={t('plan.solutions')}
        value={solutions}
        onValueChange={setSolutions}
        error={errors.errorFor('solutions')}
        rows={3}
        optional
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {editing ? t('plan.saveChanges') : t('plan.addGoal')}
        </Button>
        {editing ? (
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              draft.clear();
              editing.onDone();
            }}
          >
            {t('common.cancel')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}

const ACTION_FIELDS = ['description', 'performer', 'serviceId', 'performerName', 'dueOn'] as const;
const SUGGEST_FOR = new Set(['network_or_volunteers', 'other_organisation']);

/**
 * Adding an action, light before heavy: the performers in order of preference ("Wat kan iemand zelf?"), and for
 * network or organisations the catalogue's services of the goal's domain, general and collective ones first.
 * Description, performer, service, date, save: five interactions after opening. With `editing` it changes a
 * saved action of the goal; its status and progress note (kept by the progress form) are sent unchanged.
 */
export function ActionForm({
  caseId,
  current,
  goal,
  onSaved,
  editing,
}: {
  caseId: string;
  current: PlanVersionView;
  goal: Goal;
  onSaved: OnSaved;
  editing?: EditMode<Action> | undefined;
}) {
  const prefix = editing ? `plan-action-edit-${editing.item.id}` : `plan-action-${goal.id}`;
  const errors = useFormErrors(prefix, ACTION_FIELDS);
  const [initial] = useState(() =>
    editing
      ? actionFormValues(editing.item)
      : { description: '', performer: '', serviceId: '', performerName: '', dueOn: '' },
  );
  const [description, setDescription] = useState(initial.description);
  const [performer, setPerformer] = useState(initial.performer);
  const [serviceId, setServiceId] = useState(initial.serviceId);
  const [performerName, setPerformerName] = useState(initial.performerName);
  const [dueOn, setDueOn] = useState(initial.dueOn);
  const [busy, setBusy] = useState(false);
  const formRef = useFocusFirstField(editing !== undefined);
  const suggestions = useResource<Suggestions>(
    `/api/cases/${caseId}/plan/suggestions?domain=${encodeURIComponent(goal.domain)}`,
  );
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
        ...(editing ? { status: editing.item.status, progressNote: editing.item.progressNote ?? '' } : {}),
      },
      (d) =>
        editing
          ? api.put<PlanPageView>(`/api/cases/${caseId}/plan/actions/${editing.item.id}`, d)
          : api.post<PlanPageView>(`/api/cases/${caseId}/plan/goals/${goal.id}/actions`, d),
      onSaved,
      editing ? t('plan.actionChanged') : t('plan.actionAdded'),
      editing?.onStale,
    );
    setBusy(false);
    if (ok && editing) {
      editing.onDone();
    } else if (ok) {
      setDescription('');
      setPerformer('');
      setServiceId('');
      setPerformerName('');
      setDueOn('');
    }
  };

  const serviceChoices = [
    { value: '', label: t('plan.noService') },
    ...(suggestions.data?.services ?? []).map((s) => ({
      value: s.id,
      label: `${s.name} — ${s.organisation} (${t(`plan.serviceType.${s.type}`)})`,
    })),
  ];

  return (
    <form
      ref={formRef}
      onSubmit={(e) => void submit(e)}
      noValidate
      {...(editing
        ? { 'aria-labelledby': `${prefix}-heading`, className: 'nabij-subform nabij-plan-edit' }
        : { 'aria-label': t('plan.addActionHeading', { domain: domainLabel(goal.domain) }) })}
    >
      {editing ? (
        <Heading4 id={`${prefix}-heading`}>
          {t('plan.editActionHeading', { action: editing.item.description })}
        </Heading4>
      ) : null}
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextField
        id={errors.idFor('description')}
        label={t('plan.actionDescription')}
        value={description}
        onValueChange={setDescription}
        error={errors.errorFor('description')}
        autoComplete="off"
      />
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
        <TextField
          id={errors.idFor('performerName')}
          label={t('plan.performerName')}
          value={performerName}
          onValueChange={setPerformerName}
          error={errors.errorFor('performerName')}
          optional
          autoComplete="off"
        />
        <TextField
          id={errors.idFor('dueOn')}
          label={t('plan.dueOn')}
          type="date"
          value={dueOn}
          onValueChange={setDueOn}
          error={errors.errorFor('dueOn')}
          optional
          className="nabij-field--short"
        />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {editing ? t('plan.saveChanges') : t('plan.addAction')}
        </Button>
        {editing ? (
          <Button type="button" appearance="secondary-action-button" onClick={editing.onDone}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}

/** Status and progress note of one action; allowed on the agreed version too. */
export function ProgressForm({
  caseId,
  current,
  action,
  onSaved,
}: {
  caseId: string;
  current: PlanVersionView;
  action: Action;
  onSaved: OnSaved;
}) {
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
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('plan.progressFor', { action: action.description })}
    >
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <SelectField
        id={errors.idFor('status')}
        label={t('plan.status')}
        value={status}
        choices={labelledChoices(ACTION_STATUSES, 'plan.actionStatus')}
        onValueChange={setStatus}
        error={errors.errorFor('status')}
      />
      <TextAreaField
        id={errors.idFor('progressNote')}
        label={t('plan.progressNote')}
        value={progressNote}
        onValueChange={setProgressNote}
        error={errors.errorFor('progressNote')}
        rows={2}
        optional
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('plan.saveProgress')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** A change after agreement: a new draft version with the reason. */
export function ReviseForm({
  caseId,
  current,
  onSaved,
}: {
  caseId: string;
  current: PlanVersionView;
  onSaved: OnSaved;
}) {
  const errors = useFormErrors('plan-revise', ['reason']);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    await send(
      errors,
      revisePlanInput,
      { version: current.version, reason },
      (d) => api.post<PlanPageView>(`/api/cases/${caseId}/plan/revisions`, d),
      onSaved,
      t('plan.revised', { number: current.number + 1 }),
    );
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-revise-heading" className="nabij-subform">
      <Heading3 id="plan-revise-heading">{t('plan.reviseHeading')}</Heading3>
      <Paragraph>{t('plan.reviseIntro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextAreaField
        id={errors.idFor('reason')}
        label={t('plan.reviseReason')}
        value={reason}
        onValueChange={setReason}
        error={errors.errorFor('reason')}
        rows={2}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('plan.revise')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
