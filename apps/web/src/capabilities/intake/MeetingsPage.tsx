import { createMeetingRequest } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading2,
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
import { useNavigate } from 'react-router';
import { municipalToday } from '../../app/dates';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatDate } from '../persons/person-format';
import { meetingParticipants, type ExternalParticipant } from './meeting-form';

interface MeetingSummary {
  id: string;
  teamId: string;
  teamName: string;
  date: string;
  chairName: string;
  itemCount: number;
  decidedCount: number;
}

export interface StaffMember {
  id: string;
  name: string;
  roles: string[];
}

export interface MeetingCreatedState {
  meetingCreated: true;
}

function PlanMeetingForm({ staff }: { staff: readonly StaffMember[] }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const teams = user?.teams ?? [];
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [date, setDate] = useState(municipalToday());
  const [chairUserId, setChairUserId] = useState(staff.some((s) => s.id === user?.id) ? (user?.id ?? '') : '');
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [externals, setExternals] = useState<ExternalParticipant[]>([]);
  const [busy, setBusy] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const fieldOrder = useMemo(
    () => [
      'teamId',
      'date',
      'chairUserId',
      'participants',
      ...externals.flatMap((_, i) => [`externals.${i}.name`, `externals.${i}.role`]),
    ],
    [externals],
  );
  const errors = useFormErrors('meeting', fieldOrder, { nestedPaths: true });

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createMeetingRequest.safeParse({
      teamId,
      date,
      chairUserId,
      participants: meetingParticipants(participantIds, externals),
    });
    if (!parsed.success) {
      errors.showIssues(
        parsed.error.issues.map((i) =>
          i.path[0] === 'chairUserId' ? { ...i, message: t('meetings.chairRequired') } : i,
        ),
      );
      return;
    }
    setBusy(true);
    try {
      const meeting = await api.post<{ id: string }>('/api/meetings', parsed.data);
      const state: MeetingCreatedState = { meetingCreated: true };
      void navigate(`/overleg/${encodeURIComponent(meeting.id)}`, { state });
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const setExternal = (index: number, field: keyof ExternalParticipant, value: string) =>
    setExternals((list) => list.map((e, i) => (i === index ? { ...e, [field]: value } : e)));

  return (
    <section aria-labelledby="meetings-plan-heading" className="nabij-section">
      <Heading2 id="meetings-plan-heading">{t('meetings.plan')}</Heading2>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="meetings-plan-heading">
        <div className="nabij-form-row">
          {teams.length > 1 ? (
            <SelectField
              id={errors.idFor('teamId')}
              label={t('meetings.team')}
              value={teamId}
              choices={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
              onValueChange={setTeamId}
              error={errors.errorFor('teamId')}
            />
          ) : null}
          <TextField
            id={errors.idFor('date')}
            label={t('meetings.date')}
            type="date"
            value={date}
            onValueChange={setDate}
            error={errors.errorFor('date')}
            required
          />
          <SelectField
            id={errors.idFor('chairUserId')}
            label={t('meetings.chair')}
            value={chairUserId}
            choices={staff.map((s) => ({ value: s.id, label: s.name }))}
            onValueChange={setChairUserId}
            error={errors.errorFor('chairUserId')}
            emptyLabel={t('meetings.chooseChair')}
            required
          />
        </div>
        {staff.length === 0 ? <Paragraph>{t('meetings.noStaff')}</Paragraph> : null}
        {staff.length > 0 ? (
          <CheckboxGroupField
            id={errors.idFor('participants')}
            legend={t('meetings.participants')}
            values={participantIds}
            choices={staff.filter((s) => s.id !== chairUserId).map((s) => ({ value: s.id, label: s.name }))}
            onValuesChange={setParticipantIds}
            error={errors.errorFor('participants')}
            optional
          />
        ) : null}
        <Fieldset>
          <FieldsetLegend>
            {t('meetings.externals')} <span className="nabij-optional">{t('form.optional')}</span>
          </FieldsetLegend>
          <Paragraph>{t('meetings.externalsDescription')}</Paragraph>
          {externals.map((external, index) => (
            <div
              key={index}
              className="nabij-form-row nabij-form-row--end nabij-repeat"
              role="group"
              aria-label={t('meetings.externalLegend', { number: index + 1 })}
            >
              <TextField
                id={errors.idFor(`externals.${index}.name`)}
                label={t('meetings.externalName')}
                value={external.name}
                onValueChange={(v) => setExternal(index, 'name', v)}
                error={errors.errorFor(`externals.${index}.name`)}
                autoComplete="off"
              />
              <TextField
                id={errors.idFor(`externals.${index}.role`)}
                label={t('meetings.externalRole')}
                value={external.role}
                onValueChange={(v) => setExternal(index, 'role', v)}
                error={errors.errorFor(`externals.${index}.role`)}
                autoComplete="off"
              />
              <ButtonGroup>
                <Button
                  type="button"
                  appearance="subtle-button"
                  onClick={() => {
                    setExternals((list) => list.filter((_, i) => i !== index));
                    window.setTimeout(() => addButton.current?.focus(), 0);
                  }}
                >
                  {t('meetings.removeExternal', { number: index + 1 })}
                </Button>
              </ButtonGroup>
            </div>
          ))}
          <ButtonGroup>
            <Button
              ref={addButton}
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                const index = externals.length;
                setExternals((list) => [...list, { name: '', role: '' }]);
                window.setTimeout(() => document.getElementById(errors.idFor(`externals.${index}.name`))?.focus(), 0);
              }}
            >
              {t('meetings.addExternal')}
            </Button>
          </ButtonGroup>
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('meetings.plan')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function PlanMeeting() {
  const staff = useResource<{ users: StaffMember[] }>('/api/staff');
  if (staff.status === 'loading') return <Loading />;
  if (staff.status === 'failed')
    return (
      <Alert type="error">
        <Paragraph>{errorText(staff.error)}</Paragraph>
      </Alert>
    );
  return <PlanMeetingForm staff={staff.data.users} />;
}

/** The intake meetings (aanmeldoverleg): the list, and planning a new one. */
export function MeetingsPage() {
  usePageTitle(t('meetings.title'));
  const { can } = useSession();
  const meetings = useResource<{ meetings: MeetingSummary[] }>('/api/meetings');
  const canManage = can('meeting:manage');

  return (
    <>
      <PageHeading>{t('meetings.title')}</PageHeading>
      <Paragraph>{t('meetings.intro')}</Paragraph>
      <section aria-labelledby="meetings-list-heading" className="nabij-section">
        <Heading2 id="meetings-list-heading">{t('meetings.listHeading')}</Heading2>
        {meetings.status === 'loading' ? <Loading /> : null}
        {meetings.status === 'failed' ? (
          <Alert type="error">
            <Paragraph>{errorText(meetings.error)}</Paragraph>
          </Alert>
        ) : null}
        {meetings.status === 'ready' && meetings.data.meetings.length === 0 ? (
          <Paragraph>{t('meetings.none')}</Paragraph>
        ) : null}
        {meetings.status === 'ready' && meetings.data.meetings.length > 0 ? (
          <div className="nabij-table-scroll">
            <Table className="nabij-responsive-table">
              <TableCaption className="nabij-visually-hidden">{t('meetings.listHeading')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('meetings.date')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('meetings.team')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('meetings.chair')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('meetings.items')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('meetings.decided')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {meetings.data.meetings.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell data-label={t('meetings.date')}>
                      <AppLink to={`/overleg/${encodeURIComponent(m.id)}`}>{formatDate(m.date)}</AppLink>
                    </TableCell>
                    <TableCell data-label={t('meetings.team')}>{m.teamName}</TableCell>
                    <TableCell data-label={t('meetings.chair')}>{m.chairName}</TableCell>
                    <TableCell data-label={t('meetings.items')}>{m.itemCount}</TableCell>
                    <TableCell data-label={t('meetings.decided')}>{m.decidedCount}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </section>
      {canManage ? <PlanMeeting /> : null}
    </>
  );
}
