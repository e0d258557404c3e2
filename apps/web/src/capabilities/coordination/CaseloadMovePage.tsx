import { caseloadMoveInput, type CaseloadView } from '@nabij/contracts';
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
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useCoordinationForm } from './coordination-form';
import { reasonChoices } from './StaffForms';

type Row = CaseloadView['cases'][number];

/** The table and the form: checkboxes (with "select all"), a new worker per case, the reason, one submit. */
function MoveForm({
  view,
  onMoved,
}: {
  view: CaseloadView & { worker: NonNullable<CaseloadView['worker']> };
  onMoved: (result: { moved: number; view: CaseloadView }) => void;
}) {
  const form = useCoordinationForm('move', ['moves', 'reason', 'reasonNote', 'handoverNote']);
  const { errors } = form;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [allTo, setAllTo] = useState('');
  const [values, setValues] = useState({ reason: '', reasonNote: '', handoverNote: '' });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const candidatesFor = (row: Row) =>
    (view.candidates.find((c) => c.teamId === row.teamId)?.workers ?? []).filter(
      (w) => row.role !== 'tandem' || w.id !== row.otherWorker?.id,
    );
  const reference = (row: Row) => row.reference ?? row.caseId.slice(0, 8);
  const allChosen = view.cases.length > 0 && view.cases.every((c) => chosen.has(c.caseId));
  const toggle = (id: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const applyAll = () => {
    if (!allTo) return;
    setTargets((old) => {
      const next = { ...old };
      for (const row of view.cases)
        if (chosen.has(row.caseId) && candidatesFor(row).some((w) => w.id === allTo)) next[row.caseId] = allTo;
      return next;
    });
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const rows = view.cases.filter((c) => chosen.has(c.caseId));
    if (rows.length === 0) {
      errors.showMessage(t('staff.moveNothingChosen'));
      return;
    }
    const missing = rows.find((r) => r.role === 'case_worker' && !targets[r.caseId]);
    if (missing) {
      errors.showMessage(t('staff.moveChooseWorker', { reference: reference(missing) }));
      return;
    }
    const input = {
      fromWorkerId: view.worker.id,
      reason: values.reason || undefined,
      reasonNote: values.reasonNote,
      handoverNote: values.handoverNote,
      moves: rows.map((r) => ({ caseId: r.caseId, version: r.version, newWorkerId: targets[r.caseId] || null })),
    };
    if (
      await form.submit(
        caseloadMoveInput,
        input,
        (d) => api.post<{ moved: number; view: CaseloadView }>('/api/caseload-moves', d),
        onMoved,
        t('staff.moveDone', { count: rows.length }),
      )
    ) {
      setChosen(new Set());
      setTargets({});
    }
  };

  const teamWorkers = [...new Map(view.candidates.flatMap((c) => c.workers).map((w) => [w.id, w])).values()];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="move-cases-heading">
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <Heading2 id="move-cases-heading">{t('staff.moveCasesCaption', { name: view.worker.name })}</Heading2>
      <CheckboxField
        id="move-select-all"
        label={t('staff.moveSelectAll')}
        checked={allChosen}
        onCheckedChange={(on) => setChosen(on ? new Set(view.cases.map((c) => c.caseId)) : new Set())}
      />
      <div className="nabij-table-scroll">
        <Table className="nabij-responsive-table">
          <TableCaption className="nabij-visually-hidden">
            {t('staff.moveCasesCaption', { name: view.worker.name })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('staff.moveSelect')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('staff.moveReference')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('staff.moveHousehold')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('staff.movePhase')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('staff.moveRole')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('staff.moveNewWorker')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.cases.map((row) => (
              <TableRow key={row.caseId}>
                <TableCell data-label={t('staff.moveSelect')}>
                  <CheckboxField
                    id={`move-case-${row.caseId}`}
                    label={
                      <span className="nabij-visually-hidden">
                        {t('staff.moveSelectCase', { reference: reference(row) })}
                      </span>
                    }
                    checked={chosen.has(row.caseId)}
                    onCheckedChange={(on) => toggle(row.caseId, on)}
                  />
                </TableCell>
                <TableCell data-label={t('staff.moveReference')}>
                  <AppLink to={`/dossiers/${encodeURIComponent(row.caseId)}`}>{reference(row)}</AppLink>
                </TableCell>
                <TableCell data-label={t('staff.moveHousehold')}>{row.householdName ?? '—'}</TableCell>
                <TableCell data-label={t('staff.movePhase')}>{t(`phase.${row.phase}`)}</TableCell>
                <TableCell data-label={t('staff.moveRole')}>{t(`staff.moveRole.${row.role}`)}</TableCell>
                <TableCell data-label={t('staff.moveNewWorker')}>
                  <SelectField
                    id={`move-target-${row.caseId}`}
                    label={t('staff.moveNewWorkerFor', { reference: reference(row) })}
                    value={targets[row.caseId] ?? ''}
                    choices={candidatesFor(row).map((w) => ({ value: w.id, label: w.name }))}
                    onValueChange={(v) => setTargets((old) => ({ ...old, [row.caseId]: v }))}
                    emptyLabel={row.role === 'tandem' ? t('staff.moveNoTandem') : t('staff.choose')}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className="nabij-form-row nabij-form-row--end">
        <SelectField
          id="move-all-to"
          label={t('staff.moveAllTo')}
          value={allTo}
          choices={teamWorkers.map((w) => ({ value: w.id, label: w.name }))}
          onValueChange={setAllTo}
          emptyLabel={t('staff.choose')}
        />
        <Button type="button" appearance="secondary-action-button" onClick={applyAll}>
          {t('staff.moveAllApply')}
        </Button>
      </div>
      <SelectField
        id={errors.idFor('reason')}
        label={t('staff.reason')}
        value={values.reason}
        choices={reasonChoices()}
        onValueChange={set('reason')}
        error={errors.errorFor('reason')}
        emptyLabel={t('staff.choose')}
      />
      {values.reason === 'other' ? (
        <TextField
          id={errors.idFor('reasonNote')}
          label={t('staff.reasonNote')}
          value={values.reasonNote}
          onValueChange={set('reasonNote')}
          error={errors.errorFor('reasonNote')}
        />
      ) : null}
      <TextAreaField
        id={errors.idFor('handoverNote')}
        label={t('staff.moveHandoverNote')}
        value={values.handoverNote}
        onValueChange={set('handoverNote')}
        error={errors.errorFor('handoverNote')}
        rows={3}
        optional
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={form.busy} disabled={form.busy}>
          {t('staff.moveSubmit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** "Dossiers overdragen": the team coordinator moves a worker's open cases to other workers in one screen (issue #17 item 6). */
export function CaseloadMovePage() {
  usePageTitle(t('staff.moveTitle'));
  const [params, setParams] = useSearchParams();
  const workerId = params.get('werker') ?? '';
  const resource = useResource<CaseloadView>(
    `/api/caseload${workerId ? `?workerId=${encodeURIComponent(workerId)}` : ''}`,
  );
  const [done, setDone] = useState<string | undefined>(undefined);
  return (
    <>
      <PageHeading>{t('staff.moveTitle')}</PageHeading>
      <Paragraph>{t('staff.moveIntro')}</Paragraph>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(resource.error)}</Paragraph>
        </Alert>
      ) : null}
      {resource.status === 'ready' ? (
        <>
          <SelectField
            id="move-worker"
            label={t('staff.moveWorker')}
            value={workerId}
            choices={resource.data.workers.map((w) => ({
              value: w.id,
              label: t(w.active ? 'staff.moveWorkerOption' : 'staff.moveWorkerInactive', {
                name: w.name,
                count: w.openCases,
              }),
            }))}
            onValueChange={(v) => {
              setDone(undefined);
              setParams(v ? { werker: v } : {});
            }}
            emptyLabel={t('staff.choose')}
          />
          {done ? (
            <Alert type="ok" role="status">
              <Paragraph>{done}</Paragraph>
            </Alert>
          ) : null}
          {resource.data.worker && resource.data.cases.length === 0 ? (
            <Paragraph>{t('staff.moveNoCases', { name: resource.data.worker.name })}</Paragraph>
          ) : null}
          {resource.data.worker && resource.data.cases.length > 0 ? (
            <MoveForm
              key={resource.data.worker.id}
              view={{ ...resource.data, worker: resource.data.worker }}
              onMoved={(result) => {
                setDone(t('staff.moveDone', { count: result.moved }));
                resource.setData(result.view);
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
