import { CORE_DECISIONS, decideReferralRequest, LIFE_DOMAINS, TRIAGE_URGENCY } from '@nabij/contracts';
import { Button, ButtonGroup, Heading4 } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError } from '../../app/errors';
import { t } from '../../app/i18n';
import { CheckboxField } from '../../components/CheckboxField';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import {
  DECISION_FIELDS,
  emptyDecisionForm,
  toDecideReferralInput,
  withDecisionMessages,
  type DecisionFormValues,
} from './decision-form';
import { labelledChoices } from './intake-format';
import type { MeetingView } from './MeetingPage';

type TextKey =
  | 'situation'
  | 'knownToOthers'
  | 'safety'
  | 'expertiseNeeded'
  | 'interventions'
  | 'goal'
  | 'intendedResult'
  | 'carriedOutBy'
  | 'reasoning';

interface DecisionFormProps {
  meetingId: string;
  referralId: string;
  reference: string;
  version: number;
  lifeDomains: readonly string[];
  /** The household has an open case: taking up adds the referral to it, unless a reason for a parallel case is given. */
  hasOpenCase?: boolean;
  onDecided: (meeting: MeetingView) => void;
  onStale: () => void;
}

/** The triage and core decision (kernbesluit) for one agenda item. */
export function DecisionForm({
  meetingId,
  referralId,
  reference,
  version,
  lifeDomains,
  hasOpenCase = false,
  onDecided,
  onStale,
}: DecisionFormProps) {
  const [parallelReason, setParallelReason] = useState('');
  const errors = useFormErrors(`decide-${referralId}`, DECISION_FIELDS, { nestedPaths: true });
  const [values, setValues] = useState<DecisionFormValues>(() => emptyDecisionForm(lifeDomains));
  const [busy, setBusy] = useState(false);

  const path = (key: TextKey) =>
    ['situation', 'knownToOthers', 'safety', 'expertiseNeeded'].includes(key) ? `triage.${key}` : `decision.${key}`;
  const label = (key: TextKey) => (path(key).startsWith('triage') ? t(`triage.${key}`) : t(`core.${key}`));
  const text = (key: TextKey, optional: boolean) => ({
    id: errors.idFor(path(key)),
    label: label(key),
    value: values[key],
    onValueChange: (value: string) => setValues((v) => ({ ...v, [key]: value })),
    error: errors.errorFor(path(key)),
    optional,
  });
  const takeUp = values.outcome === 'take_up';

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = toDecideReferralInput(version, values);
    const withParallel =
      hasOpenCase && takeUp && parallelReason.trim()
        ? { ...input, decision: { ...input.decision, parallelCaseReason: parallelReason } }
        : input;
    const parsed = decideReferralRequest.safeParse(withParallel);
    if (!parsed.success) {
      errors.showIssues(withDecisionMessages(parsed.error.issues));
      return;
    }
    setBusy(true);
    try {
      const meeting = await api.post<MeetingView>(
        `/api/meetings/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(referralId)}/decision`,
        parsed.data,
      );
      errors.clear();
      onDecided(meeting);
    } catch (error) {
      errors.showError(error);
      if (error instanceof ApiError && (error.code === 'already_decided' || error.code === 'version_conflict'))
        onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nabij-subform">
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('core.formLabel', { reference })}>
        <Heading4>{t('triage.heading')}</Heading4>
        <TextAreaField {...text('situation', false)} required />
        <CheckboxGroupField
          id={errors.idFor('triage.lifeDomains')}
          legend={t('triage.lifeDomains')}
          values={values.lifeDomains}
          choices={labelledChoices(LIFE_DOMAINS, 'domain')}
          onValuesChange={(list) => setValues((v) => ({ ...v, lifeDomains: list }))}
          error={errors.errorFor('triage.lifeDomains')}
        />
        <RadioGroupField
          id={errors.idFor('triage.multipleProblems')}
          legend={t('triage.multipleProblems')}
          value={values.multipleProblems}
          choices={[
            { value: 'single', label: t('triage.single') },
            { value: 'multiple', label: t('triage.multiple') },
          ]}
          onValueChange={(value) =>
            setValues((v) => ({ ...v, multipleProblems: value === 'single' || value === 'multiple' ? value : '' }))
          }
          error={errors.errorFor('triage.multipleProblems')}
        />
        <TextAreaField {...text('knownToOthers', true)} rows={2} />
        <RadioGroupField
          id={errors.idFor('triage.urgency')}
          legend={t('triage.urgency')}
          value={values.urgency}
          choices={labelledChoices(TRIAGE_URGENCY, 'triageUrgency')}
          onValueChange={(urgency) => setValues((v) => ({ ...v, urgency }))}
          error={errors.errorFor('triage.urgency')}
          inline
        />
        <TextAreaField {...text('safety', false)} rows={3} required />
        <TextField {...text('expertiseNeeded', true)} autoComplete="off" />

        <Heading4>{t('core.heading')}</Heading4>
        <RadioGroupField
          id={errors.idFor('decision.outcome')}
          legend={t('core.outcome')}
          value={values.outcome}
          choices={labelledChoices(CORE_DECISIONS, 'coreDecision')}
          onValueChange={(outcome) => setValues((v) => ({ ...v, outcome }))}
          error={errors.errorFor('decision.outcome')}
        />
        {hasOpenCase && takeUp ? (
          <TextAreaField
            id={`decide-${referralId}-parallel`}
            label={t('core.parallelCaseReason')}
            description={t('core.parallelCaseReasonHelp')}
            value={parallelReason}
            onValueChange={setParallelReason}
            rows={2}
            optional
          />
        ) : null}
        <TextAreaField
          {...text('interventions', !takeUp)}
          description={takeUp ? t('core.takeUpHint') : undefined}
          rows={2}
        />
        <TextAreaField {...text('goal', !takeUp)} description={takeUp ? t('core.takeUpHint') : undefined} rows={2} />
        <TextAreaField
          {...text('intendedResult', !takeUp)}
          description={takeUp ? t('core.takeUpHint') : undefined}
          rows={2}
        />
        <TextField {...text('carriedOutBy', true)} autoComplete="off" />
        <TextAreaField {...text('reasoning', false)} description={t('core.reasoningDescription')} rows={4} required />
        <CheckboxField
          id={errors.idFor('decision.discussedWithResident')}
          label={t('core.discussedWithResident')}
          checked={values.discussedWithResident}
          onCheckedChange={(on) => setValues((v) => ({ ...v, discussedWithResident: on }))}
          error={errors.errorFor('decision.discussedWithResident')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('core.save')}
            <span className="nabij-visually-hidden"> {t('core.saveFor', { reference })}</span>
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
