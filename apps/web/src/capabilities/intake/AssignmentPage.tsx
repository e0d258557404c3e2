import { assignReferralRequest, CASE_PHASES, CONSENT_KINDS } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router';
import { municipalToday } from '../../app/dates';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { joinList, t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { formatDate } from '../persons/person-format';
import {
  ASSIGNMENT_FIELDS,
  emptyAssignmentForm,
  toAssignReferralInput,
  type AssignmentFormValues,
} from './assignment-form';
import { formatDays, labelledChoices } from './intake-format';

interface WaitingAssignment {
  referralId: string;
  reference: string;
  version: number;
  residentNames: string[];
  lifeDomains: string[];
  decidedAt: string;
  waitingDays: number;
  breachesNorm: boolean;
  /** The household's open case (issue #17 item 7), and the reason the meeting gave for a parallel case. */
  openCase?: { caseId: string; reference: string | null; workerName: string; teamName: string } | null;
  parallelCaseReason?: string | null;
}

interface WorkerLoad {
  userId: string;
  name: string;
  openCases: number;
  byPhase: Record<string, number>;
  expertise: string[];
}

interface AssignmentOverview {
  waiting: WaitingAssignment[];
  workers: WorkerLoad[];
}

/** The marker for a referral that waits longer than the norm: words and an icon, not colour alone. */
function NormMarker({ breaches }: { breaches: boolean }) {
  return breaches ? (
    <StatusBadge status="danger" className="nabij-badge">
      <span aria-hidden="true">⚠ </span>
      {t('assign.breach')}
    </StatusBadge>
  ) : (
    <span>{t('assign.withinNorm')}</span>
  );
}

function AssignForm({
  item,
  workers,
  onAssigned,
}: {
  item: WaitingAssignment;
  workers: readonly WorkerLoad[];
  onAssigned: (reference: string) => void;
}) {
  const errors = useFormErrors(`assign-${item.referralId}`, ASSIGNMENT_FIELDS);
  const [values, setValues] = useState<AssignmentFormValues>(() => emptyAssignmentForm(municipalToday()));
  const [busy, setBusy] = useState(false);
  const headingId = `assign-${item.referralId}-heading`;
  const set = (field: keyof AssignmentFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const workerChoices = workers.map((w) => ({
    value: w.userId,
    label: `${w.name} (${t('assign.load', { count: w.openCases })})`,
  }));
  const [parallelReason, setParallelReason] = useState('');
  const open = item.openCase && !item.parallelCaseReason ? item.openCase : null;

  /** One household, one plan, one coordinator: the referral joins the open case as a new question. */
  const join = async () => {
    if (!open) return;
    setBusy(true);
    try {
      await api.post<{ caseId: string }>(`/api/referrals/${encodeURIComponent(item.referralId)}/join-case`, {
        version: item.version,
        caseId: open.caseId,
      });
      errors.clear();
      onAssigned(item.reference);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = assignReferralRequest.safeParse({
      ...toAssignReferralInput(item.version, values),
      ...(open && parallelReason.trim() ? { parallelCaseReason: parallelReason } : {}),
    });
    if (!parsed.success) {
      errors.showIssues(
        parsed.error.issues.map((i) =>
          i.path[0] === 'caseWorkerId' ? { ...i, message: t('assign.chooseWorkerRequired') } : i,
        ),
      );
      return;
    }
    setBusy(true);
    try {
      await api.post<{ caseId: string }>(
        `/api/referrals/${encodeURIComponent(item.referralId)}/assignment`,
        parsed.data,
      );
      errors.clear();
      onAssigned(item.reference);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="nabij-subform">
      <Heading3 id={headingId}>{t('assign.formHeading', { reference: item.reference })}</Heading3>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      {open ? (
        <Alert type="warning">
          <Paragraph>
            {t('assign.openCase', { reference: open.reference ?? '', worker: open.workerName, team: open.teamName })}
          </Paragraph>
          <ButtonGroup>
            <Button
              type="button"
              appearance="primary-action-button"
              busy={busy}
              disabled={busy}
              onClick={() => void join()}
            >
              {t('assign.joinCase', { reference: open.reference ?? '' })}
            </Button>
          </ButtonGroup>
        </Alert>
      ) : null}
      {item.openCase && item.parallelCaseReason ? (
        <Paragraph>
          {t('assign.parallelDecided', { reference: item.openCase.reference ?? '', reason: item.parallelCaseReason })}
        </Paragraph>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
        {open ? (
          <TextAreaField
            id={`assign-${item.referralId}-parallel`}
            label={t('assign.parallelReason')}
            description={t('assign.parallelReasonHelp')}
            value={parallelReason}
            onValueChange={setParallelReason}
            rows={2}
            optional
          />
        ) : null}
        <div className="nabij-form-row">
          <SelectField
            id={errors.idFor('caseWorkerId')}
            label={t('assign.caseWorker')}
            value={values.caseWorkerId}
            choices={workerChoices}
            onValueChange={set('caseWorkerId')}
            error={errors.errorFor('caseWorkerId')}
            emptyLabel={t('assign.chooseWorker')}
            required
          />
          <SelectField
            id={errors.idFor('tandemWorkerId')}
            label={t('assign.tandem')}
            value={values.tandemWorkerId}
            choices={workerChoices.filter((w) => w.value !== values.caseWorkerId)}
            onValueChange={set('tandemWorkerId')}
            error={errors.errorFor('tandemWorkerId')}
            emptyLabel={t('assign.noTandem')}
          />
        </div>
        <RadioGroupField
          id={errors.idFor('consent')}
          legend={t('assign.consent')}
          value={values.consent}
          choices={labelledChoices(CONSENT_KINDS, 'consent')}
          onValueChange={set('consent')}
          error={errors.errorFor('consent')}
          inline
        />
        {values.consent !== 'none' ? (
          <TextField
            id={errors.idFor('consentDate')}
            label={t('assign.consentDate')}
            type="date"
            value={values.consentDate}
            onValueChange={set('consentDate')}
            error={errors.errorFor('consentDate')}
            className="nabij-field--short"
          />
        ) : (
          <>
            <TextField
              id={errors.idFor('legalBasis')}
              label={t('assign.legalBasis')}
              description={t('assign.legalBasisDescription')}
              value={values.legalBasis}
              onValueChange={set('legalBasis')}
              error={errors.errorFor('legalBasis')}
              autoComplete="off"
              required
            />
            <TextAreaField
              id={errors.idFor('reasonWithoutConsent')}
              label={t('assign.reasonWithoutConsent')}
              value={values.reasonWithoutConsent}
              onValueChange={set('reasonWithoutConsent')}
              error={errors.errorFor('reasonWithoutConsent')}
              rows={3}
              required
            />
          </>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('assign.submit')}
            <span className="nabij-visually-hidden"> ({item.reference})</span>
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The assignment meeting (verdeeloverleg): referrals waiting for a worker, workers' caseloads, and assigning. */
export function AssignmentPage() {
  usePageTitle(t('assign.title'));
  const { user } = useSession();
  const teams = user?.teams ?? [];
  const [params, setParams] = useSearchParams();
  const teamId = params.get('team') ?? teams[0]?.id ?? '';
  const overview = useResource<AssignmentOverview>(`/api/assignments?teamId=${encodeURIComponent(teamId)}`);
  const [done, setDone] = useState<string | undefined>(undefined);
  const noticeRef = useRef<HTMLDivElement>(null);

  return (
    <>
      <PageHeading>{t('assign.title')}</PageHeading>
      <Paragraph>{t('assign.intro')}</Paragraph>
      <Paragraph>
        <AppLink to="/dossiers-overdragen">{t('staff.moveTitle')}</AppLink>: {t('assign.moveLink')}
      </Paragraph>
      {teams.length > 1 ? (
        <div className="nabij-filter">
          <SelectField
            id="assign-team"
            label={t('assign.team')}
            value={teamId}
            choices={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
            onValueChange={(value) => setParams(new URLSearchParams({ team: value }))}
          />
        </div>
      ) : null}
      {done ? (
        <div ref={noticeRef} tabIndex={-1} className="nabij-notice">
          <Alert type="ok">
            <Paragraph>{t('assign.done', { reference: done })}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {overview.status === 'loading' ? <Loading /> : null}
      {overview.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(overview.error)}</Paragraph>
        </Alert>
      ) : null}
      {overview.status === 'ready' ? (
        <>
          <section aria-labelledby="assign-waiting-heading" className="nabij-section">
            <Heading2 id="assign-waiting-heading">{t('assign.waitingHeading')}</Heading2>
            {overview.data.waiting.length === 0 ? <Paragraph>{t('assign.waitingNone')}</Paragraph> : null}
            {overview.data.waiting.length > 0 ? (
              <div className="nabij-table-scroll">
                <Table className="nabij-responsive-table">
                  <TableCaption className="nabij-visually-hidden">{t('assign.waitingHeading')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('assign.reference')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('assign.residents')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('assign.decidedAt')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('assign.waiting')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {overview.data.waiting.map((w) => (
                      <TableRow key={w.referralId}>
                        <TableCell data-label={t('assign.reference')}>
                          <AppLink to={`/aanmeldingen/${encodeURIComponent(w.referralId)}`}>{w.reference}</AppLink>
                        </TableCell>
                        <TableCell data-label={t('assign.residents')}>
                          {w.residentNames.length > 0 ? joinList(w.residentNames) : t('inbox.noName')}
                        </TableCell>
                        <TableCell data-label={t('assign.decidedAt')}>{formatDate(w.decidedAt)}</TableCell>
                        <TableCell data-label={t('assign.waiting')}>
                          {formatDays(w.waitingDays)} <NormMarker breaches={w.breachesNorm} />
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : null}
            {overview.data.waiting.map((w) => (
              <AssignForm
                key={w.referralId}
                item={w}
                workers={overview.data.workers}
                onAssigned={(reference) => {
                  setDone(reference);
                  overview.reload();
                  window.setTimeout(() => noticeRef.current?.focus(), 0);
                }}
              />
            ))}
          </section>
          <section aria-labelledby="assign-workers-heading" className="nabij-section">
            <Heading2 id="assign-workers-heading">{t('assign.workersHeading')}</Heading2>
            {overview.data.workers.length === 0 ? <Paragraph>{t('assign.workersNone')}</Paragraph> : null}
            {overview.data.workers.length > 0 ? (
              <div className="nabij-table-scroll">
                <Table className="nabij-responsive-table">
                  <TableCaption className="nabij-visually-hidden">{t('assign.workersHeading')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('assign.worker')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('assign.expertise')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('assign.openCases')}</TableHeaderCell>
                      {CASE_PHASES.filter((p) => p !== 'closed').map((phase) => (
                        <TableHeaderCell key={phase} scope="col">
                          {t(`phase.${phase}`)}
                        </TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {overview.data.workers.map((w) => (
                      <TableRow key={w.userId}>
                        <TableHeaderCell scope="row" data-label={t('assign.worker')}>
                          {w.name}
                        </TableHeaderCell>
                        <TableCell data-label={t('assign.expertise')}>
                          {w.expertise.length ? w.expertise.join(', ') : '—'}
                        </TableCell>
                        <TableCell data-label={t('assign.openCases')}>{w.openCases}</TableCell>
                        {CASE_PHASES.filter((p) => p !== 'closed').map((phase) => (
                          <TableCell key={phase} data-label={t(`phase.${phase}`)}>
                            {w.byPhase[phase] ?? 0}
                          </TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
