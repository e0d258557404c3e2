/** The analysis' conclusion and the network meeting / Eigen Kracht-conferentie on the case file (issue #22 items 6, 7). */
import {
  analysisConclusionInput,
  networkMeetingChange,
  networkMeetingInput,
  NETWORK_MEETING_KINDS,
  NETWORK_MEETING_STATUSES,
  type AnalysisConclusionView,
  type CaseOverview,
  type NetworkMeetingView,
} from '@nabij/contracts';
import {
  Button,
  ButtonGroup,
  DataList,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError } from '../../app/errors';
import { t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormDisclosure } from '../../components/FormDisclosure';
import { useFormErrors } from '../../components/form-state';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { labelledChoices } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import { Item, Plain, SavedNotice } from './CaseParts';

interface SectionProps {
  overview: CaseOverview;
  onChanged: (overview: CaseOverview) => void;
}

const casePath = (overview: CaseOverview, tail: string) => `/api/cases/${encodeURIComponent(overview.id)}/${tail}`;

/** After a 409 the newest overview is loaded: the form keeps what was typed, and saving again is on purpose. */
async function reloadAfterConflict(error: unknown, overview: CaseOverview, onChanged: SectionProps['onChanged']) {
  if (error instanceof ApiError && error.status === 409)
    onChanged(await api.get<CaseOverview>(`/api/cases/${encodeURIComponent(overview.id)}`));
}

const formatDateTime = (iso: string) => formatDate(iso.slice(0, 10));

// ---------- the analysis' conclusion ----------
const CONCLUSION_FIELDS = ['questionBehind', 'workingHypothesis', 'sustainingFactors'] as const;

/** The three texts of the conclusion, read-only: on the case file and above the plan. */
export function AnalysisConclusionSummary({ conclusion }: { conclusion: AnalysisConclusionView }) {
  return (
    <DataList>
      <Item label={t('conclusion.questionBehind')}>
        <Plain text={conclusion.questionBehind} />
      </Item>
      <Item label={t('conclusion.workingHypothesis')}>
        <Plain text={conclusion.workingHypothesis} />
      </Item>
      <Item label={t('conclusion.sustainingFactors')}>
        <Plain text={conclusion.sustainingFactors} />
      </Item>
    </DataList>
  );
}

function ConclusionForm({ overview, onChanged }: SectionProps) {
  const current = overview.analysisConclusion ?? null;
  const errors = useFormErrors('conclusion', CONCLUSION_FIELDS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [questionBehind, setQuestionBehind] = useState(current?.questionBehind ?? '');
  const [workingHypothesis, setWorkingHypothesis] = useState(current?.workingHypothesis ?? '');
  const [sustainingFactors, setSustainingFactors] = useState(current?.sustainingFactors ?? '');

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = analysisConclusionInput.safeParse({
      version: current?.version ?? 0,
      questionBehind,
      workingHypothesis,
      sustainingFactors,
    });
    setSaved(undefined);
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      onChanged(await api.put<CaseOverview>(casePath(overview, 'analysis-conclusion'), parsed.data));
      errors.clear();
      setSaved(t('conclusion.saved'));
    } catch (error) {
      errors.showError(error);
      await reloadAfterConflict(error, overview, onChanged);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nabij-subform">
      <Heading3 id="conclusion-form-heading">{t('conclusion.edit')}</Heading3>
      <SavedNotice text={saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="conclusion-form-heading">
        <TextAreaField
          id={errors.idFor('questionBehind')}
          label={t('conclusion.questionBehind')}
          description={t('conclusion.questionBehindHelp')}
          value={questionBehind}
          onValueChange={setQuestionBehind}
          error={errors.errorFor('questionBehind')}
          rows={3}
          maxLength={1000}
          optional
        />
        <TextAreaField
          id={errors.idFor('workingHypothesis')}
          label={t('conclusion.workingHypothesis')}
          description={t('conclusion.workingHypothesisHelp')}
          value={workingHypothesis}
          onValueChange={setWorkingHypothesis}
          error={errors.errorFor('workingHypothesis')}
          rows={3}
          maxLength={2000}
          optional
        />
        <TextAreaField
          id={errors.idFor('sustainingFactors')}
          label={t('conclusion.sustainingFactors')}
          description={t('conclusion.sustainingFactorsHelp')}
          value={sustainingFactors}
          onValueChange={setSustainingFactors}
          error={errors.errorFor('sustainingFactors')}
          rows={3}
          maxLength={2000}
          optional
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('conclusion.save')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

export function AnalysisConclusionSection({ overview, onChanged }: SectionProps) {
  const current = overview.analysisConclusion ?? null;
  return (
    <section id="conclusie" aria-labelledby="conclusie-heading" className="nabij-section">
      <Heading2 id="conclusie-heading">{t('conclusion.title')}</Heading2>
      <Paragraph>{t('conclusion.intro')}</Paragraph>
      {current ? (
        <>
          <AnalysisConclusionSummary conclusion={current} />
          <Paragraph>
            {t('conclusion.recordedBy', { name: current.recordedByName, date: formatDateTime(current.recordedAt) })}
          </Paragraph>
          {current.history.length > 0 ? (
            <details>
              <summary>{t('conclusion.history', { count: String(current.history.length) })}</summary>
              <UnorderedList>
                {current.history.map((h) => (
                  <UnorderedListItem key={h.version}>
                    {t('conclusion.recordedBy', { name: h.recordedByName, date: formatDateTime(h.recordedAt) })}
                    <AnalysisConclusionSummary conclusion={{ ...h, history: [] }} />
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </details>
          ) : null}
        </>
      ) : (
        <Paragraph>{t('conclusion.none')}</Paragraph>
      )}
      <FormDisclosure label={current ? t('conclusion.edit') : t('conclusion.add')}>
        <ConclusionForm overview={overview} onChanged={onChanged} />
      </FormDisclosure>
    </section>
  );
}

// ---------- network meeting / Eigen Kracht-conferentie ----------
const MEETING_FIELDS = [
  'kind',
  'status',
  'plannedOn',
  'heldOn',
  'planReceivedOn',
  'cancelReason',
  'invitedNetworkPersonIds',
  'invitedProfessionalIds',
  'note',
  'changeReason',
] as const;

function MeetingForm({
  overview,
  onChanged,
  meeting,
  onDone,
}: SectionProps & { meeting?: NetworkMeetingView; onDone?: () => void }) {
  const prefix = meeting ? `meeting-${meeting.id.slice(0, 8)}` : 'meeting-new';
  const errors = useFormErrors(prefix, MEETING_FIELDS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState<string>(meeting?.kind ?? 'network_meeting');
  const [status, setStatus] = useState<string>(meeting?.status ?? 'proposed');
  const [plannedOn, setPlannedOn] = useState(meeting?.plannedOn ?? '');
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? '');
  const [planReceivedOn, setPlanReceivedOn] = useState(meeting?.planReceivedOn ?? '');
  const [cancelReason, setCancelReason] = useState(meeting?.cancelReason ?? '');
  const [note, setNote] = useState(meeting?.note ?? '');
  const [changeReason, setChangeReason] = useState('');
  const [people, setPeople] = useState<string[]>(meeting?.invitedNetworkPersonIds ?? []);
  const [pros, setPros] = useState<string[]>(meeting?.invitedProfessionalIds ?? []);
  const showPlanned = status !== 'proposed';
  const showHeld = status === 'held' || status === 'plan_received';

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = {
      kind,
      status,
      plannedOn: plannedOn || undefined,
      heldOn: showHeld ? heldOn || undefined : undefined,
      planReceivedOn: status === 'plan_received' ? planReceivedOn || undefined : undefined,
      cancelReason: status === 'cancelled' ? cancelReason : undefined,
      note,
      invitedNetworkPersonIds: people,
      invitedProfessionalIds: pros,
    };
    const parsed = meeting
      ? networkMeetingChange.safeParse({ ...input, version: meeting.version, changeReason })
      : networkMeetingInput.safeParse(input);
    setSaved(undefined);
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const next = meeting
        ? await api.put<CaseOverview>(casePath(overview, `network-meetings/${meeting.id}`), parsed.data)
        : await api.post<CaseOverview>(casePath(overview, 'network-meetings'), parsed.data);
      errors.clear();
      setSaved(t('meeting.saved'));
      onChanged(next);
      onDone?.();
    } catch (error) {
      errors.showError(error);
      await reloadAfterConflict(error, overview, onChanged);
    } finally {
      setBusy(false);
    }
  };

  const headingId = `${prefix}-heading`;
  return (
    <div className="nabij-subform">
      <Heading3 id={headingId}>{meeting ? t('meeting.change') : t('meeting.add')}</Heading3>
      <SavedNotice text={saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
        <div className="nabij-form-row">
          <SelectField
            id={errors.idFor('kind')}
            label={t('meeting.kind')}
            value={kind}
            choices={labelledChoices(NETWORK_MEETING_KINDS, 'meetingKind')}
            onValueChange={setKind}
            error={errors.errorFor('kind')}
            required
          />
          <SelectField
            id={errors.idFor('status')}
            label={t('meeting.status')}
            value={status}
            choices={labelledChoices(NETWORK_MEETING_STATUSES, 'meetingStatus')}
            onValueChange={setStatus}
            error={errors.errorFor('status')}
            required
          />
        </div>
        <div className="nabij-form-row">
          {showPlanned ? (
            <TextField
              id={errors.idFor('plannedOn')}
              label={t('meeting.plannedOn')}
              type="date"
              value={plannedOn}
              onValueChange={setPlannedOn}
              error={errors.errorFor('plannedOn')}
              className="nabij-field--short"
            />
          ) : null}
          {showHeld ? (
            <TextField
              id={errors.idFor('heldOn')}
              label={t('meeting.heldOn')}
              type="date"
              value={heldOn}
              onValueChange={setHeldOn}
              error={errors.errorFor('heldOn')}
              className="nabij-field--short"
              required
            />
          ) : null}
          {status === 'plan_received' ? (
            <TextField
              id={errors.idFor('planReceivedOn')}
              label={t('meeting.planReceivedOn')}
              type="date"
              value={planReceivedOn}
              onValueChange={setPlanReceivedOn}
              error={errors.errorFor('planReceivedOn')}
              className="nabij-field--short"
              required
            />
          ) : null}
        </div>
        {status === 'cancelled' ? (
          <TextAreaField
            id={errors.idFor('cancelReason')}
            label={t('meeting.cancelReason')}
            value={cancelReason}
            onValueChange={setCancelReason}
            error={errors.errorFor('cancelReason')}
            rows={2}
            required
          />
        ) : null}
        {overview.network.length > 0 ? (
          <CheckboxGroupField
            id={errors.idFor('invitedNetworkPersonIds')}
            legend={t('meeting.invitedNetwork')}
            values={people}
            choices={overview.network.map((n) => ({ value: n.id, label: n.name }))}
            onValuesChange={setPeople}
            error={errors.errorFor('invitedNetworkPersonIds')}
            optional
          />
        ) : null}
        {overview.professionals.length > 0 ? (
          <CheckboxGroupField
            id={errors.idFor('invitedProfessionalIds')}
            legend={t('meeting.invitedProfessionals')}
            values={pros}
            choices={overview.professionals.map((p) => ({
              value: p.id,
              label: p.name ? `${p.name} (${p.organisation})` : p.organisation,
            }))}
            onValuesChange={setPros}
            error={errors.errorFor('invitedProfessionalIds')}
            optional
          />
        ) : null}
        {overview.network.length === 0 && overview.professionals.length === 0 ? (
          <Paragraph>{t('meeting.nobodyToInvite')}</Paragraph>
        ) : null}
        <TextAreaField
          id={errors.idFor('note')}
          label={t('meeting.note')}
          value={note}
          onValueChange={setNote}
          error={errors.errorFor('note')}
          rows={2}
          optional
        />
        {meeting ? (
          <TextAreaField
            id={errors.idFor('changeReason')}
            label={t('meeting.changeReason')}
            value={changeReason}
            onValueChange={setChangeReason}
            error={errors.errorFor('changeReason')}
            rows={2}
            optional
          />
        ) : null}
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
            {meeting ? t('meeting.saveChange') : t('meeting.add')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function MeetingItem({ overview, onChanged, meeting }: SectionProps & { meeting: NetworkMeetingView }) {
  const [open, setOpen] = useState(false);
  const headingId = `meeting-${meeting.id}-heading`;
  return (
    <article aria-labelledby={headingId}>
      <Heading3 id={headingId}>
        {t(`meetingKind.${meeting.kind}`)}: {t(`meetingStatus.${meeting.status}`)}
      </Heading3>
      <DataList>
        {meeting.plannedOn ? <Item label={t('meeting.plannedOn')}>{formatDate(meeting.plannedOn)}</Item> : null}
        {meeting.heldOn ? <Item label={t('meeting.heldOn')}>{formatDate(meeting.heldOn)}</Item> : null}
        {meeting.planReceivedOn ? (
          <Item label={t('meeting.planReceivedOn')}>{formatDate(meeting.planReceivedOn)}</Item>
        ) : null}
        {meeting.cancelReason ? (
          <Item label={t('meeting.cancelReason')}>
            <Plain text={meeting.cancelReason} />
          </Item>
        ) : null}
        <Item label={t('meeting.invited')}>
          {meeting.invitedNames.length ? meeting.invitedNames.join(', ') : t('meeting.invitedNone')}
        </Item>
        {meeting.note ? (
          <Item label={t('meeting.note')}>
            <Plain text={meeting.note} />
          </Item>
        ) : null}
        <Item label={t('meeting.updated')}>
          {t('conclusion.recordedBy', { name: meeting.updatedByName, date: formatDateTime(meeting.updatedAt) })}
        </Item>
      </DataList>
      {meeting.status === 'plan_received' ? (
        <Paragraph>
          <AppLink to={`/dossiers/${encodeURIComponent(overview.id)}/plan`}>{t('meeting.toPlan')}</AppLink>
        </Paragraph>
      ) : null}
      {open ? (
        <MeetingForm overview={overview} onChanged={onChanged} meeting={meeting} onDone={() => setOpen(false)} />
      ) : (
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(true)}>
            {t('meeting.changeButton')}
          </Button>
        </ButtonGroup>
      )}
    </article>
  );
}

export function NetworkMeetingsSection({ overview, onChanged }: SectionProps) {
  const meetings = overview.networkMeetings ?? [];
  return (
    <section id="netwerkberaad" aria-labelledby="netwerkberaad-heading" className="nabij-section">
      <Heading2 id="netwerkberaad-heading">{t('meeting.title')}</Heading2>
      <Paragraph>{t('meeting.intro')}</Paragraph>
      {meetings.length === 0 ? <Paragraph>{t('meeting.none')}</Paragraph> : null}
      {meetings.map((m) => (
        <MeetingItem key={`${m.id}-${m.version}`} overview={overview} onChanged={onChanged} meeting={m} />
      ))}
      <FormDisclosure label={t('meeting.add')}>
        <MeetingForm overview={overview} onChanged={onChanged} />
      </FormDisclosure>
    </section>
  );
}
