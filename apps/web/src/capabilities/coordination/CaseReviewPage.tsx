import {
  planCaseReviewRequest,
  type CaseReviewMeetingList,
  type CaseReviewMeetingView,
  type MyConsultations,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
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
import { useState, type SyntheticEvent } from 'react';
import { useNavigate } from 'react-router';
import { municipalDay, municipalToday } from '../../app/dates';
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
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatDate } from '../persons/person-format';
import { useCoordinationForm } from './coordination-form';
import { referenceText } from './coordination-format';
import './coordination.css';

export interface MeetingPlannedState {
  meetingPlanned: true;
}

function PlanForm() {
  const { user } = useSession();
  const navigate = useNavigate();
  const teams = user?.teams ?? [];
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [date, setDate] = useState(municipalToday());
  const form = useCoordinationForm('case-review-plan', ['teamId', 'date']);
  const { errors } = form;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(
      planCaseReviewRequest,
      { teamId, date },
      (d) => api.post<CaseReviewMeetingView>('/api/case-reviews', d),
      (meeting) => {
        const state: MeetingPlannedState = { meetingPlanned: true };
        void navigate(`/casuistiekoverleg/${encodeURIComponent(meeting.id)}`, { state });
      },
      t('coordination.planned'),
    );
  };
  return (
    <section aria-labelledby="case-review-plan-heading" className="nabij-section">
      <Heading2 id="case-review-plan-heading">{t('coordination.planHeading')}</Heading2>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="case-review-plan-heading"
        className="nabij-form-row nabij-form-row--end"
      >
        {teams.length > 1 ? (
          <SelectField
            id={errors.idFor('teamId')}
            label={t('coordination.team')}
            value={teamId}
            choices={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
            onValueChange={setTeamId}
            error={errors.errorFor('teamId')}
          />
        ) : null}
        <TextField
          id={errors.idFor('date')}
          label={t('coordination.date')}
          type="date"
          value={date}
          onValueChange={setDate}
          error={errors.errorFor('date')}
          className="nabij-field--short"
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('coordination.plan')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The behavioural scientist's consultations: what is asked of them, on which cases. */
function MyConsultationsSection() {
  const mine = useResource<MyConsultations>('/api/consultations/mine');
  return (
    <section aria-labelledby="my-consultations-heading" className="nabij-section">
      <Heading2 id="my-consultations-heading">{t('coordination.myConsultations')}</Heading2>
      {mine.status === 'loading' ? <Loading /> : null}
      {mine.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(mine.error)}</Paragraph>
        </Alert>
      ) : null}
      {mine.status === 'ready' && mine.data.consultations.length === 0 ? (
        <Paragraph>{t('coordination.noMyConsultations')}</Paragraph>
      ) : null}
      {mine.status === 'ready' && mine.data.consultations.length > 0 ? (
        <ul className="nabij-coordination-list">
          {mine.data.consultations.map((c) => (
            <li key={c.id}>
              <Paragraph>
                <AppLink to={`/dossiers/${encodeURIComponent(c.caseId)}#overleg`}>
                  {c.householdName ?? referenceText(c.reference)} ({referenceText(c.reference)})
                </AppLink>{' '}
                · {c.teamName} ·{' '}
                {c.advisedOn
                  ? t('coordination.advisedOnText', { date: formatDate(c.advisedOn) })
                  : t('coordination.awaitingAdvice')}
              </Paragraph>
              <Paragraph className="nabij-plain-text">{c.question}</Paragraph>
              <Paragraph className="nabij-coordination-meta">
                {t('coordination.askedOn', { name: c.requestedByName, date: formatDate(municipalDay(c.requestedAt)) })}
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Casuïstiekoverleg: the team's fortnightly case review meetings, planning one, and (for the behavioural scientist) consultations. */
export function CaseReviewPage() {
  usePageTitle(t('coordination.title'));
  const { user } = useSession();
  const meetings = useResource<CaseReviewMeetingList>('/api/case-reviews');
  const today = municipalToday();
  return (
    <>
      <PageHeading>{t('coordination.title')}</PageHeading>
      <Paragraph>{t('coordination.intro')}</Paragraph>
      <section aria-labelledby="case-review-list-heading" className="nabij-section">
        <Heading2 id="case-review-list-heading">{t('coordination.listHeading')}</Heading2>
        {meetings.status === 'loading' ? <Loading /> : null}
        {meetings.status === 'failed' ? (
          <Alert type="error">
            <Paragraph>{errorText(meetings.error)}</Paragraph>
          </Alert>
        ) : null}
        {meetings.status === 'ready' && meetings.data.meetings.length === 0 ? (
          <Paragraph>{t('coordination.noMeetings')}</Paragraph>
        ) : null}
        {meetings.status === 'ready' && meetings.data.meetings.length > 0 ? (
          <div className="nabij-table-scroll">
            <Table className="nabij-responsive-table">
              <TableCaption className="nabij-visually-hidden">{t('coordination.listHeading')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('coordination.date')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('coordination.team')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('coordination.items')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('coordination.outcomes')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {meetings.data.meetings.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell data-label={t('coordination.date')}>
                      <AppLink to={`/casuistiekoverleg/${encodeURIComponent(m.id)}`}>
                        {t('coordination.openMeeting', { date: formatDate(m.date) })}
                      </AppLink>
                      {m.date === today ? ` (${t('coordination.today')})` : ''}
                    </TableCell>
                    <TableCell data-label={t('coordination.team')}>{m.teamName}</TableCell>
                    <TableCell data-label={t('coordination.items')}>{m.itemCount}</TableCell>
                    <TableCell data-label={t('coordination.outcomes')}>{m.outcomeCount}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </section>
      {(user?.teams.length ?? 0) > 0 ? <PlanForm /> : null}
      {user?.roles.includes('behavioural_scientist') ? <MyConsultationsSection /> : null}
    </>
  );
}
