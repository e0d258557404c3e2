import {
  AGREED_ACTION_STATUSES,
  agreedActionInput,
  agreedActionUpdateInput,
  CARE_TRANSFER_KINDS,
  careTransferInput,
  endCareTransferInput,
  PROTECTION_FRAMEWORKS,
  SCALING_DIRECTIONS,
  scalingDecisionInput,
  tandemWorkerInput,
  type CaseCoordinationView,
} from '@nabij/contracts';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { municipalToday } from '../../app/dates';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { SavedNotice } from '../case-files/CaseParts';
import type { FormProps } from './CaseReviewForms';
import { useCoordinationForm } from './coordination-form';

type View = CaseCoordinationView;
const casePath = (view: View, tail: string) => `/api/cases/${encodeURIComponent(view.caseId)}/${tail}`;
const choices = (codes: readonly string[], prefix: string) =>
  codes.map((c) => ({ value: c, label: t(`coordination.${prefix}.${c}`) }));

// ---------- agreed actions ----------
const ACTION_FIELDS = ['party', 'action', 'dueOn', 'status', 'lastCheckedOn', 'note'] as const;

/** A new agreement with an involved party: who, what, by when. */
export function AgreedActionForm({ view, onSaved, onStale }: FormProps) {
  const form = useCoordinationForm('agreed-action', ACTION_FIELDS, { onStale });
  const empty = { party: '', action: '', dueOn: '', note: '' };
  const [values, setValues] = useState(empty);
  const { errors } = form;
  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (
      await form.submit(
        agreedActionInput,
        { ...values, status: 'open' },
        (d) => api.post<View>(casePath(view, 'agreed-actions'), d),
        onSaved,
        t('coordination.actionSaved'),
      )
    )
      setValues(empty);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('coordination.addAction')}>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <div className="nabij-form-row">
        <TextField
          id={errors.idFor('party')}
          label={t('coordination.party')}
          description={t('coordination.partyHint')}
          value={values.party}
          onValueChange={set('party')}
          error={errors.errorFor('party')}
          required
        />
        <TextField
          id={errors.idFor('dueOn')}
          label={t('coordination.dueOn')}
          type="date"
          value={values.dueOn}
          onValueChange={set('dueOn')}
          error={errors.errorFor('dueOn')}
          className="nabij-field--short"
          optional
        />
      </div>
      <TextAreaField
        id={errors.idFor('action')}
        label={t('coordination.action')}
        value={values.action}
        onValueChange={set('action')}
        error={errors.errorFor('action')}
        rows={2}
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
          {t('coordination.addAction')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The coordinator checks how an agreed action stands: status, when last checked, due date and a note. */
export function AgreedActionUpdateForm({
  view,
  action,
  onSaved,
  onStale,
}: FormProps & { action: View['agreedActions'][number] }) {
  const form = useCoordinationForm(`agreed-action-${action.id}`, ACTION_FIELDS, { onStale });
  const [status, setStatus] = useState<string>(action.status);
  const [lastCheckedOn, setLastCheckedOn] = useState(municipalToday());
  const [dueOn, setDueOn] = useState(action.dueOn ?? '');
  const [note, setNote] = useState(action.note ?? '');
  const { errors } = form;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(
      agreedActionUpdateInput,
      { version: action.version, party: action.party, action: action.action, status, lastCheckedOn, dueOn, note },
      (d) => api.put<View>(casePath(view, `agreed-actions/${encodeURIComponent(action.id)}`), d),
      onSaved,
      t('coordination.actionUpdated'),
    );
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('coordination.updateActionFor', { party: action.party })}
    >
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <div className="nabij-form-row">
        <SelectField
          id={errors.idFor('status')}
          label={t('coordination.status')}
          value={status}
          choices={choices(AGREED_ACTION_STATUSES, 'actionStatus')}
          onValueChange={setStatus}
          error={errors.errorFor('status')}
        />
        <TextField
          id={errors.idFor('lastCheckedOn')}
          label={t('coordination.lastCheckedOn')}
          type="date"
          value={lastCheckedOn}
          onValueChange={setLastCheckedOn}
          error={errors.errorFor('lastCheckedOn')}
          className="nabij-field--short"
        />
        <TextField
          id={errors.idFor('dueOn')}
          label={t('coordination.dueOn')}
          type="date"
          value={dueOn}
          onValueChange={setDueOn}
          error={errors.errorFor('dueOn')}
          className="nabij-field--short"
          optional
        />
      </div>
      <TextAreaField
        id={errors.idFor('note')}
        label={t('coordination.note')}
        value={note}
        onValueChange={setNote}
        error={errors.errorFor('note')}
        rows={2}
        optional
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
          {t('coordination.saveAction')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

// ---------- warm handover and tandem construction ----------
const TRANSFER_FIELDS = ['kind', 'organisation', 'what', 'onDate', 'warmMeetingHeld', 'contact'] as const;

export function CareTransferForm({ view, onSaved, onStale }: FormProps) {
  const form = useCoordinationForm('transfer', TRANSFER_FIELDS, { onStale });
  const empty = { kind: '', organisation: '', what: '', onDate: municipalToday(), held: '', contact: '' };
  const [values, setValues] = useState(empty);
  const { errors } = form;
  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const handover = values.kind === 'warm_handover';
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = {
      kind: values.kind || undefined,
      organisation: values.organisation,
      what: values.what,
      onDate: values.onDate,
      warmMeetingHeld: handover && values.held ? values.held === 'yes' : undefined,
      contact: values.contact,
    };
    if (
      await form.submit(
        careTransferInput,
        input,
        (d) => api.post<View>(casePath(view, 'care-transfers'), d),
        onSaved,
        t('coordination.transferSaved'),
      )
    )
      setValues(empty);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('coordination.addTransfer')}>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <RadioGroupField
        id={errors.idFor('kind')}
        legend={t('coordination.transferKind')}
        value={values.kind}
        choices={choices(CARE_TRANSFER_KINDS, 'transferKind')}
        onValueChange={set('kind')}
        error={errors.errorFor('kind')}
      />
      <div className="nabij-form-row">
        <TextField
          id={errors.idFor('organisation')}
          label={t('coordination.organisation')}
          value={values.organisation}
          onValueChange={set('organisation')}
          error={errors.errorFor('organisation')}
          required
        />
        <TextField
          id={errors.idFor('onDate')}
          label={t('coordination.onDate')}
          type="date"
          value={values.onDate}
          onValueChange={set('onDate')}
          error={errors.errorFor('onDate')}
          className="nabij-field--short"
          required
        />
      </div>
      <TextAreaField
        id={errors.idFor('what')}
        label={t(handover ? 'coordination.whatHandover' : 'coordination.whatTandem')}
        value={values.what}
        onValueChange={set('what')}
        error={errors.errorFor('what')}
        rows={2}
        required
      />
      {handover ? (
        <RadioGroupField
          id={errors.idFor('warmMeetingHeld')}
          legend={t('coordination.warmMeetingHeld')}
          value={values.held}
          choices={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
          onValueChange={set('held')}
          error={errors.errorFor('warmMeetingHeld')}
          inline
        />
      ) : null}
      <TextField
        id={errors.idFor('contact')}
        label={t('coordination.contact')}
        value={values.contact}
        onValueChange={set('contact')}
        error={errors.errorFor('contact')}
        optional
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
          {t('coordination.addTransfer')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

export function EndTandemForm({
  view,
  transfer,
  onSaved,
  onStale,
}: FormProps & { transfer: View['transfers'][number] }) {
  const form = useCoordinationForm(`end-transfer-${transfer.id}`, ['endedOn'], { onStale });
  const [endedOn, setEndedOn] = useState(municipalToday());
  const { errors } = form;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(
      endCareTransferInput,
      { version: transfer.version, endedOn },
      (d) => api.post<View>(casePath(view, `care-transfers/${encodeURIComponent(transfer.id)}/end`), d),
      onSaved,
      t('coordination.tandemEnded'),
    );
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('coordination.endTandemFor', { organisation: transfer.organisation })}
      className="nabij-form-row nabij-form-row--end"
    >
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextField
        id={errors.idFor('endedOn')}
        label={t('coordination.endedOn')}
        type="date"
        value={endedOn}
        onValueChange={setEndedOn}
        error={errors.errorFor('endedOn')}
        className="nabij-field--short"
      />
      <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
        {t('coordination.endTandem')}
      </Button>
    </form>
  );
}

// ---------- tandem worker ----------
export function TandemWorkerForm({ view, onSaved, onStale }: FormProps) {
  const form = useCoordinationForm('tandem', ['tandemWorkerId'], { onStale });
  const [tandemWorkerId, setTandemWorkerId] = useState(view.tandem?.id ?? '');
  const { errors } = form;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(
      tandemWorkerInput,
      { version: view.caseVersion, tandemWorkerId: tandemWorkerId || null },
      (d) => api.put<View>(casePath(view, 'tandem-worker'), d),
      onSaved,
      t('coordination.tandemSaved'),
    );
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('coordination.tandemHeading')}
      className="nabij-form-row nabij-form-row--end"
    >
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <SavedNotice text={form.saved} />
      <SelectField
        id={errors.idFor('tandemWorkerId')}
        label={t('coordination.tandemWorker')}
        value={tandemWorkerId}
        choices={view.teamWorkers.map((w) => ({ value: w.id, label: w.name }))}
        onValueChange={setTandemWorkerId}
        error={errors.errorFor('tandemWorkerId')}
        emptyLabel={t('coordination.noTandem')}
      />
      <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
        {t('coordination.saveTandem')}
      </Button>
    </form>
  );
}

// ---------- scaling up or down ----------
const SCALING_FIELDS = [
  'direction',
  'reason',
  'toOrganisation',
  'decidedOn',
  'schakeloverleg',
  'framework',
  'schakeloverlegOn',
  'participants',
] as const;

export function ScalingForm({ view, onSaved, onStale }: FormProps) {
  const form = useCoordinationForm('scaling', SCALING_FIELDS, { onStale });
  const empty = {
    direction: '',
    reason: '',
    toOrganisation: '',
    decidedOn: municipalToday(),
    framework: '',
    schakeloverlegOn: '',
    participants: '',
  };
  const [values, setValues] = useState(empty);
  const [schakeloverleg, setSchakeloverleg] = useState(false);
  const { errors } = form;
  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = {
      ...values,
      direction: values.direction || undefined,
      schakeloverleg,
      framework: schakeloverleg ? values.framework || undefined : undefined,
      schakeloverlegOn: schakeloverleg ? values.schakeloverlegOn : undefined,
      participants: schakeloverleg ? values.participants : undefined,
    };
    if (
      await form.submit(
        scalingDecisionInput,
        input,
        (d) => api.post<View>(casePath(view, 'scaling-decisions'), d),
        onSaved,
        t('coordination.scalingSaved'),
      )
    ) {
      setValues(empty);
      setSchakeloverleg(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('coordination.addScaling')}>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <RadioGroupField
        id={errors.idFor('direction')}
        legend={t('coordination.direction')}
        value={values.direction}
        choices={choices(SCALING_DIRECTIONS, 'direction')}
        onValueChange={set('direction')}
        error={errors.errorFor('direction')}
        inline
      />
      <TextAreaField
        id={errors.idFor('reason')}
        label={t('coordination.reason')}
        value={values.reason}
        onValueChange={set('reason')}
        error={errors.errorFor('reason')}
        rows={2}
        required
      />
      <div className="nabij-form-row">
        <TextField
          id={errors.idFor('toOrganisation')}
          label={t('coordination.toOrganisation')}
          value={values.toOrganisation}
          onValueChange={set('toOrganisation')}
          error={errors.errorFor('toOrganisation')}
          required
        />
        <TextField
          id={errors.idFor('decidedOn')}
          label={t('coordination.decidedOn')}
          type="date"
          value={values.decidedOn}
          onValueChange={set('decidedOn')}
          error={errors.errorFor('decidedOn')}
          className="nabij-field--short"
          required
        />
      </div>
      <CheckboxField
        id={errors.idFor('schakeloverleg')}
        label={t('coordination.schakeloverleg')}
        description={t('coordination.schakeloverlegHint')}
        checked={schakeloverleg}
        onCheckedChange={setSchakeloverleg}
        error={errors.errorFor('schakeloverleg')}
      />
      {schakeloverleg ? (
        <>
          <RadioGroupField
            id={errors.idFor('framework')}
            legend={t('coordination.framework')}
            value={values.framework}
            choices={choices(PROTECTION_FRAMEWORKS, 'framework')}
            onValueChange={set('framework')}
            error={errors.errorFor('framework')}
          />
          <div className="nabij-form-row">
            <TextField
              id={errors.idFor('schakeloverlegOn')}
              label={t('coordination.schakeloverlegOn')}
              type="date"
              value={values.schakeloverlegOn}
              onValueChange={set('schakeloverlegOn')}
              error={errors.errorFor('schakeloverlegOn')}
              className="nabij-field--short"
              required
            />
            <TextField
              id={errors.idFor('participants')}
              label={t('coordination.participants')}
              value={values.participants}
              onValueChange={set('participants')}
              error={errors.errorFor('participants')}
              optional
            />
          </div>
        </>
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
          {t('coordination.addScaling')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
