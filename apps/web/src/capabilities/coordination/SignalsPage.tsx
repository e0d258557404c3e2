import {
  forwardSignalInput,
  LIFE_DOMAINS,
  POLICY_SIGNAL_KINDS,
  policySignalInput,
  type PolicySignalList,
  type PolicySignalView,
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
import { useLocation } from 'react-router';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { ForbiddenPage } from '../../app/guards';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { SavedNotice } from '../case-files/CaseParts';
import { formatDate } from '../persons/person-format';
import { useCoordinationForm } from './coordination-form';
import { domainLabel, referenceText, signalKindLabel } from './coordination-format';
import './coordination.css';

const SIGNAL_FIELDS = ['teamId', 'kind', 'lifeDomain', 'description', 'caseId'] as const;

/** A worker records a gap in services or law, or stagnating cooperation, for the municipality — without personal data. */
interface OwnCase {
  id: string;
  reference: string;
  householdName: string;
}

function SignalForm({
  onSaved,
  ownCases,
}: {
  onSaved: (list: PolicySignalList) => void;
  ownCases: readonly OwnCase[];
}) {
  const { user } = useSession();
  const location = useLocation();
  const fromCase = new URLSearchParams(location.search).get('dossier') ?? '';
  const teams = user?.teams ?? [];
  const form = useCoordinationForm('signal', SIGNAL_FIELDS);
  const empty = { teamId: teams[0]?.id ?? '', kind: '', lifeDomain: '', description: '', caseId: fromCase };
  const [values, setValues] = useState(empty);
  const { errors } = form;
  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const caseChoices = [
    ...ownCases.map((c) => ({ value: c.id, label: `${c.householdName} (${c.reference})` })),
    ...(fromCase && !ownCases.some((c) => c.id === fromCase)
      ? [{ value: fromCase, label: t('coordination.signalFromCase') }]
      : []),
  ];
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { ...values, kind: values.kind || undefined, lifeDomain: values.lifeDomain || undefined };
    if (
      await form.submit(
        policySignalInput,
        input,
        (d) => api.post<PolicySignalList>('/api/policy-signals', d),
        onSaved,
        t('coordination.signalSaved'),
      )
    )
      setValues({ ...empty, caseId: '' });
  };
  return (
    <section aria-labelledby="signal-form-heading" className="nabij-section">
      <Heading2 id="signal-form-heading">{t('coordination.signalFormHeading')}</Heading2>
      <Alert type="warning">
        <Paragraph>
          <strong>{t('coordination.signalWarningTitle')}</strong> {t('coordination.signalWarning')}
        </Paragraph>
      </Alert>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="signal-form-heading">
        {teams.length > 1 ? (
          <SelectField
            id={errors.idFor('teamId')}
            label={t('coordination.team')}
            value={values.teamId}
            choices={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
            onValueChange={set('teamId')}
            error={errors.errorFor('teamId')}
          />
        ) : null}
        <RadioGroupField
          id={errors.idFor('kind')}
          legend={t('coordination.signalKind')}
          value={values.kind}
          choices={POLICY_SIGNAL_KINDS.map((k) => ({ value: k, label: signalKindLabel(k) }))}
          onValueChange={set('kind')}
          error={errors.errorFor('kind')}
        />
        <SelectField
          id={errors.idFor('lifeDomain')}
          label={t('coordination.lifeDomain')}
          value={values.lifeDomain}
          choices={LIFE_DOMAINS.map((d) => ({ value: d, label: domainLabel(d) }))}
          onValueChange={set('lifeDomain')}
          error={errors.errorFor('lifeDomain')}
          emptyLabel={t('coordination.chooseDomain')}
          required
        />
        <TextAreaField
          id={errors.idFor('description')}
          label={t('coordination.signalDescription')}
          description={t('coordination.signalDescriptionHint')}
          value={values.description}
          onValueChange={set('description')}
          error={errors.errorFor('description')}
          rows={4}
          required
        />
        {caseChoices.length > 0 ? (
          <SelectField
            id={errors.idFor('caseId')}
            label={t('coordination.signalCase')}
            description={t('coordination.signalCaseHint')}
            value={values.caseId}
            choices={caseChoices}
            onValueChange={set('caseId')}
            error={errors.errorFor('caseId')}
            emptyLabel={t('coordination.signalNoCase')}
          />
        ) : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={form.busy} disabled={form.busy}>
            {t('coordination.recordSignal')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function ForwardButton({
  signal,
  onSaved,
  onStale,
}: {
  signal: PolicySignalView;
  onSaved: (list: PolicySignalList) => void;
  onStale: () => void;
}) {
  const form = useCoordinationForm(`forward-${signal.id}`, [], { onStale });
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(
      forwardSignalInput,
      { version: signal.version },
      (d) => api.post<PolicySignalList>(`/api/policy-signals/${encodeURIComponent(signal.id)}/forward`, d),
      onSaved,
      t('coordination.forwarded'),
    );
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {form.errors.message ? <Paragraph className="nabij-inline-error">{form.errors.message}</Paragraph> : null}
      <Button
        type="submit"
        appearance="secondary-action-button"
        busy={form.busy}
        disabled={form.busy}
        aria-label={t('coordination.forwardLabel', { date: formatDate(signal.recordedOn) })}
      >
        {t('coordination.forward')}
      </Button>
    </form>
  );
}

function SignalTable({
  list,
  caption,
  onSaved,
  onStale,
}: {
  list: PolicySignalList;
  caption: string;
  onSaved?: (l: PolicySignalList) => void;
  onStale?: () => void;
}) {
  if (list.signals.length === 0) return <Paragraph>{t('coordination.noSignals')}</Paragraph>;
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption className="nabij-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('coordination.date')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('coordination.team')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('coordination.signalKind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('coordination.lifeDomain')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('coordination.signalDescription')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('coordination.signalStatus')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.signals.map((s) => (
            <TableRow key={s.id}>
              <TableCell data-label={t('coordination.date')}>{formatDate(s.recordedOn)}</TableCell>
              <TableCell data-label={t('coordination.team')}>{s.teamName}</TableCell>
              <TableCell data-label={t('coordination.signalKind')}>{signalKindLabel(s.kind)}</TableCell>
              <TableCell data-label={t('coordination.lifeDomain')}>{domainLabel(s.lifeDomain)}</TableCell>
              <TableCell data-label={t('coordination.signalDescription')} className="nabij-plain-text">
                {s.description}
                {s.case ? (
                  <>
                    {' '}
                    <AppLink to={`/dossiers/${encodeURIComponent(s.case.id)}`}>
                      {t('coordination.fromCase', { reference: referenceText(s.case.reference) })}
                    </AppLink>
                  </>
                ) : null}
              </TableCell>
              <TableCell data-label={t('coordination.signalStatus')}>
                {s.forwardedOn
                  ? t('coordination.forwardedOn', { date: formatDate(s.forwardedOn) })
                  : t('coordination.notForwarded')}
                {s.canForward && onSaved && onStale ? (
                  <ForwardButton signal={s} onSaved={onSaved} onStale={onStale} />
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** For the coordinator and the municipal consultant: how often which gap was signalled, and the signals themselves. */
function TeamSignals() {
  const list = useResource<PolicySignalList>('/api/policy-signals');
  return (
    <section aria-labelledby="signals-team-heading" className="nabij-section">
      <Heading2 id="signals-team-heading">{t('coordination.teamSignals')}</Heading2>
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(list.error)}</Paragraph>
        </Alert>
      ) : null}
      {list.status === 'ready' ? (
        <>
          {list.data.summary.length > 0 ? (
            <div className="nabij-table-scroll">
              <Table className="nabij-responsive-table">
                <TableCaption>{t('coordination.summaryCaption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('coordination.signalKind')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('coordination.lifeDomain')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('coordination.count')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.data.summary.map((s) => (
                    <TableRow key={`${s.kind}-${s.lifeDomain}`}>
                      <TableCell data-label={t('coordination.signalKind')}>{signalKindLabel(s.kind)}</TableCell>
                      <TableCell data-label={t('coordination.lifeDomain')}>{domainLabel(s.lifeDomain)}</TableCell>
                      <TableCell data-label={t('coordination.count')}>{s.count}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
          <SignalTable
            list={list.data}
            caption={t('coordination.teamSignals')}
            onSaved={list.setData}
            onStale={list.reload}
          />
        </>
      ) : null}
    </section>
  );
}

function MySignals({ list }: { list: ReturnType<typeof useResource<PolicySignalList>> }) {
  return (
    <section aria-labelledby="signals-mine-heading" className="nabij-section">
      <Heading2 id="signals-mine-heading">{t('coordination.mySignals')}</Heading2>
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(list.error)}</Paragraph>
        </Alert>
      ) : null}
      {list.status === 'ready' ? <SignalTable list={list.data} caption={t('coordination.mySignals')} /> : null}
    </section>
  );
}

/** The signal form with the worker's own cases to link (workers with "Mijn dossiers"). */
function SignalFormWithOwnCases({ onSaved }: { onSaved: (list: PolicySignalList) => void }) {
  const mine = useResource<{ cases: OwnCase[] }>('/api/cases/mine');
  if (mine.status === 'loading') return <Loading />;
  return <SignalForm onSaved={onSaved} ownCases={mine.status === 'ready' ? mine.data.cases : []} />;
}

function WriterPart() {
  const { can } = useSession();
  const mine = useResource<PolicySignalList>('/api/policy-signals/mine');
  return (
    <>
      {can('case:read_own') ? (
        <SignalFormWithOwnCases onSaved={mine.setData} />
      ) : (
        <SignalForm onSaved={mine.setData} ownCases={[]} />
      )}
      <MySignals list={mine} />
    </>
  );
}

/** Signalen naar beleid: gaps in services or law found in casework, recorded at team level for the municipality. */
export function SignalsPage() {
  usePageTitle(t('coordination.signalsTitle'));
  const { can } = useSession();
  const canWrite = can('policy_signal:write');
  const canRead = can('policy_signal:read');
  if (!canWrite && !canRead) return <ForbiddenPage />;
  return (
    <>
      <PageHeading>{t('coordination.signalsTitle')}</PageHeading>
      <Paragraph>{t('coordination.signalsIntro')}</Paragraph>
      {canWrite ? <WriterPart /> : null}
      {canRead ? <TeamSignals /> : null}
    </>
  );
}
