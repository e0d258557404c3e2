import {
  ACCESS_ACTION_TEXT,
  ACCESS_ACTIONS,
  clientSearchQuery,
  type AccessLogFilterOptions,
  type AccessLogPage as AccessLogPageView,
  type AccessLogRow,
  type ChainVerification,
  type PersonSummary,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatDateTime } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import {
  filterFromParams,
  filterToApiQuery,
  filterToParams,
  groupHash,
  pageCount,
  type LogFilterValues,
} from './privacy-format';
import { DeniedBadge, EmergencyBadge, needsSecondFactor, PrivacyLoadError, PrivacyNav } from './PrivacyParts';
import './privacy.css';

const CLIENT_FIELDS = ['name', 'bsn', 'dateOfBirth'] as const;

/** Find a client by name, BSN or date of birth; open their overview or filter the log on them. */
function ClientSearch({ onFilter }: { onFilter: (person: PersonSummary) => void }) {
  const [values, setValues] = useState({ name: '', bsn: '', dateOfBirth: '' });
  const [result, setResult] = useState<{ results: PersonSummary[]; truncated: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('client', CLIENT_FIELDS);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  useEffect(() => {
    if (result) resultsHeading.current?.focus();
  }, [result]);

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = clientSearchQuery.safeParse(values);
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v.trim() !== '')).toString();
    setBusy(true);
    api
      .get<{ results: PersonSummary[]; truncated: boolean }>(`/api/privacy/clients?${query}`)
      .then((r) => {
        errors.clear();
        setResult(r);
      })
      .catch((error: unknown) => errors.showError(error))
      .finally(() => setBusy(false));
  };

  return (
    <section aria-labelledby="client-heading" className="nabij-section">
      <Heading2 id="client-heading">{t('privacy.client.heading')}</Heading2>
      <Paragraph>{t('privacy.client.intro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form role="search" aria-labelledby="client-heading" onSubmit={submit} noValidate>
        <div className="nabij-form-grid">
          <TextField
            id={errors.idFor('name')}
            label={t('privacy.client.name')}
            description={t('privacy.client.nameDescription')}
            value={values.name}
            onValueChange={set('name')}
            error={errors.errorFor('name')}
            autoComplete="off"
          />
          <TextField
            id={errors.idFor('bsn')}
            label={t('privacy.client.bsn')}
            value={values.bsn}
            onValueChange={set('bsn')}
            error={errors.errorFor('bsn')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            id={errors.idFor('dateOfBirth')}
            label={t('privacy.client.dateOfBirth')}
            type="date"
            value={values.dateOfBirth}
            onValueChange={set('dateOfBirth')}
            error={errors.errorFor('dateOfBirth')}
            autoComplete="off"
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('privacy.client.search')}
          </Button>
        </ButtonGroup>
      </form>
      {result ? (
        <>
          <Heading2 id="client-results-heading" ref={resultsHeading} tabIndex={-1} className="nabij-visually-hidden">
            {t('privacy.client.resultsHeading')}
          </Heading2>
          <Paragraph role="status">
            {result.results.length === 0
              ? t('privacy.client.none')
              : result.results.length === 1
                ? t('privacy.client.resultsOne')
                : t('privacy.client.results', { count: result.results.length })}
          </Paragraph>
          {result.truncated ? <Paragraph>{t('privacy.client.truncated')}</Paragraph> : null}
          {result.results.length > 0 ? (
            <ul className="nabij-plain-list">
              {result.results.map((p) => (
                <li key={p.id} className="nabij-privacy-client">
                  <AppLink to={`/privacy/clienten/${encodeURIComponent(p.id)}`}>
                    {t('privacy.client.overviewLink', { name: p.fullName })}
                  </AppLink>
                  {p.dateOfBirth ? ` (${formatDate(p.dateOfBirth)})` : ''}{' '}
                  <Button appearance="subtle-button" onClick={() => onFilter(p)}>
                    {t('privacy.client.filterButton', { name: p.fullName })}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

const FILTER_FIELDS = ['userId', 'from', 'to', 'action'] as const;

function FilterForm({
  shown,
  clientName,
  onApply,
}: {
  shown: LogFilterValues;
  clientName: string | undefined;
  onApply: (f: LogFilterValues) => void;
}) {
  const options = useResource<AccessLogFilterOptions>('/api/privacy/access-log/filters').data;
  const [values, setValues] = useState(shown);
  const errors = useFormErrors('filter', FILTER_FIELDS);
  useEffect(() => setValues(shown), [shown]);

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (values.from && values.to && values.from > values.to) {
      errors.showIssues([{ path: ['to'], message: 'De einddatum ligt vóór de begindatum.' }]);
      return;
    }
    errors.clear();
    onApply({ ...values, page: 1 });
  };

  const users = (options?.users ?? []).map((u) => ({
    value: u.id,
    label: `${u.active ? u.name : t('privacy.filter.inactive', { name: u.name })} (${u.roleLabels.join(', ')})`,
  }));
  return (
    <section aria-labelledby="filter-heading" className="nabij-section">
      <Heading2 id="filter-heading">{t('privacy.filter.heading')}</Heading2>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form aria-labelledby="filter-heading" onSubmit={submit} noValidate>
        {values.personId ? (
          <Paragraph>
            {t('privacy.filter.client', { name: clientName ?? '…' })}{' '}
            <Button appearance="subtle-button" onClick={() => onApply({ ...values, personId: '', page: 1 })}>
              {t('privacy.filter.clearClient')}
            </Button>
          </Paragraph>
        ) : null}
        <div className="nabij-form-grid">
          <SelectField
            id={errors.idFor('userId')}
            label={t('privacy.filter.user')}
            value={values.userId}
            choices={users}
            emptyLabel={t('privacy.filter.anyUser')}
            onValueChange={(userId) => setValues((v) => ({ ...v, userId }))}
          />
          <SelectField
            id={errors.idFor('action')}
            label={t('privacy.filter.action')}
            value={values.action}
            choices={ACCESS_ACTIONS.map((a) => ({ value: a, label: ACCESS_ACTION_TEXT[a] ?? a }))}
            emptyLabel={t('privacy.filter.anyAction')}
            onValueChange={(action) => setValues((v) => ({ ...v, action }))}
          />
          <TextField
            id={errors.idFor('from')}
            label={t('privacy.filter.from')}
            type="date"
            value={values.from}
            onValueChange={(from) => setValues((v) => ({ ...v, from }))}
            error={errors.errorFor('from')}
          />
          <TextField
            id={errors.idFor('to')}
            label={t('privacy.filter.to')}
            type="date"
            value={values.to}
            onValueChange={(to) => setValues((v) => ({ ...v, to }))}
            error={errors.errorFor('to')}
          />
        </div>
        <Fieldset>
          <FieldsetLegend>{t('privacy.filter.only')}</FieldsetLegend>
          <CheckboxField
            id="filter-emergency"
            label={t('privacy.filter.emergency')}
            checked={values.emergency}
            onCheckedChange={(emergency) => setValues((v) => ({ ...v, emergency }))}
          />
          <CheckboxField
            id="filter-denied"
            label={t('privacy.filter.denied')}
            checked={values.denied}
            onCheckedChange={(denied) => setValues((v) => ({ ...v, denied }))}
          />
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('privacy.filter.submit')}
          </Button>
          <Button
            appearance="secondary-action-button"
            onClick={() =>
              onApply({
                userId: '',
                personId: '',
                from: '',
                to: '',
                action: '',
                emergency: false,
                denied: false,
                page: 1,
              })
            }
          >
            {t('privacy.filter.reset')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function Who({ row }: { row: AccessLogRow }) {
  return (
    <>
      {row.userName ?? t('privacy.log.noUser')}
      {row.roleLabel ? <span className="nabij-muted">{` · ${row.roleLabel}`}</span> : null}
      {row.teamName ? <span className="nabij-muted">{` · ${row.teamName}`}</span> : null}
    </>
  );
}

function LogTable({ rows }: { rows: AccessLogRow[] }) {
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption className="nabij-visually-hidden">{t('privacy.log.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('privacy.col.at')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('privacy.col.who')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('privacy.col.what')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('privacy.col.client')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('privacy.col.case')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('privacy.col.basis')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell data-label={t('privacy.col.at')}>
                <time dateTime={r.at}>{formatDateTime(r.at)}</time>
              </TableCell>
              <TableCell data-label={t('privacy.col.who')}>
                <Who row={r} />
              </TableCell>
              <TableCell data-label={t('privacy.col.what')}>
                {r.description}
                {r.emergency ? <EmergencyBadge /> : null}
                {r.outcome === 'denied' ? <DeniedBadge /> : null}
              </TableCell>
              <TableCell data-label={t('privacy.col.client')}>
                {r.personId && r.personName ? (
                  <AppLink to={`/privacy/clienten/${encodeURIComponent(r.personId)}`}>{r.personName}</AppLink>
                ) : (
                  '–'
                )}
              </TableCell>
              <TableCell data-label={t('privacy.col.case')}>
                {r.caseReference ?? (r.caseId ? t('privacy.emergency.noReference') : '–')}
              </TableCell>
              <TableCell data-label={t('privacy.col.basis')}>{r.basis}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** "Controleer integriteit": recomputes the hash chain on the server and shows the outcome. */
function IntegrityCheck() {
  const [state, setState] = useState<{ busy: boolean; result?: ChainVerification; error?: unknown }>({ busy: false });
  const check = () => {
    setState({ busy: true });
    api
      .post<ChainVerification>('/api/privacy/access-log/verify')
      .then((result) => setState({ busy: false, result }))
      .catch((error: unknown) => setState({ busy: false, error }));
  };
  return (
    <section aria-labelledby="integrity-heading" className="nabij-section">
      <Heading2 id="integrity-heading">{t('privacy.integrity.heading')}</Heading2>
      <Paragraph>{t('privacy.integrity.intro')}</Paragraph>
      <ButtonGroup>
        <Button appearance="secondary-action-button" busy={state.busy} disabled={state.busy} onClick={check}>
          {t('privacy.integrity.button')}
        </Button>
      </ButtonGroup>
      <div role="status">
        {state.result ? (
          <Alert type={state.result.intact ? 'ok' : 'error'}>
            <Paragraph>
              {state.result.intact
                ? t('privacy.integrity.ok', { checked: state.result.checked })
                : t('privacy.integrity.broken', { message: state.result.problem?.message ?? '' })}
            </Paragraph>
            {state.result.unsealed > 0 ? (
              <Paragraph>{t('privacy.integrity.unsealed', { count: state.result.unsealed })}</Paragraph>
            ) : null}
            {state.result.intact ? (
              <>
                <Paragraph>{t('privacy.integrity.hash', { seq: state.result.headSeq })}</Paragraph>
                <Paragraph>
                  <code className="nabij-hash">{groupHash(state.result.headHash)}</code>
                </Paragraph>
              </>
            ) : null}
          </Alert>
        ) : null}
        {state.error !== undefined ? (
          <Alert type="error">
            <Paragraph>{errorText(state.error)}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}

/** The privacy officer's access-log viewer: find a client, filter, page, export, check integrity. */
export function AccessLogPage() {
  usePageTitle(t('privacy.log.title'));
  const [params, setParams] = useSearchParams();
  const shown = filterFromParams(params);
  const apiQuery = filterToApiQuery(shown);
  const log = useResource<AccessLogPageView>(`/api/privacy/access-log${apiQuery ? `?${apiQuery}` : ''}`);
  const [clientName, setClientName] = useState<string | undefined>(undefined);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  const personName = log.data?.person?.fullName ?? clientName;

  useEffect(() => {
    if (log.status === 'ready' && focusResults.current) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [log.status, log.data]);

  const apply = (f: LogFilterValues) => {
    focusResults.current = true;
    setParams(filterToParams(f));
  };
  const exportHref = `/api/privacy/access-log/export.csv${filterToApiQuery(shown, false) ? `?${filterToApiQuery(shown, false)}` : ''}`;
  const refused = log.status === 'failed' && needsSecondFactor(log.error);
  // The forms appear once the server has answered: without two-factor the page shows only the refusal.
  const [answered, setAnswered] = useState(false);
  useEffect(() => {
    if (log.status !== 'loading') setAnswered(true);
  }, [log.status]);

  return (
    <>
      <PageHeading>{t('privacy.log.title')}</PageHeading>
      <PrivacyNav />
      <Paragraph>{t('privacy.log.intro')}</Paragraph>
      {refused ? <PrivacyLoadError error={log.error} /> : null}
      {!answered ? <Loading /> : null}
      {answered && !refused ? (
        <>
          <ClientSearch
            onFilter={(p) => {
              setClientName(p.fullName);
              apply({ ...shown, personId: p.id, page: 1 });
            }}
          />
          <FilterForm shown={shown} clientName={personName} onApply={apply} />
          <section aria-labelledby="log-results-heading" className="nabij-section">
            <Heading2 id="log-results-heading" ref={resultsHeading} tabIndex={-1}>
              {t('privacy.log.resultsHeading')}
            </Heading2>
            {log.status === 'loading' ? <Loading /> : null}
            {log.status === 'failed' ? <PrivacyLoadError error={log.error} /> : null}
            {log.status === 'ready' ? (
              <>
                {log.data.sealing.stale > 0 ? (
                  <Alert type="warning">
                    <Paragraph>
                      {t('privacy.sealing.stale', {
                        count: log.data.sealing.stale,
                        since: log.data.sealing.oldestAt ? formatDateTime(log.data.sealing.oldestAt) : '',
                      })}
                    </Paragraph>
                  </Alert>
                ) : null}
                <Paragraph role="status">
                  {log.data.total === 0
                    ? t('privacy.log.none')
                    : t('privacy.log.results', {
                        total: log.data.total,
                        page: log.data.page,
                        pages: pageCount(log.data.total, log.data.pageSize),
                      })}
                </Paragraph>
                {log.data.rows.length > 0 ? <LogTable rows={log.data.rows} /> : null}
                {log.data.total > log.data.pageSize ? (
                  <nav aria-label={t('privacy.log.pagination')}>
                    <ButtonGroup>
                      {log.data.page > 1 ? (
                        <Button
                          appearance="secondary-action-button"
                          onClick={() => apply({ ...shown, page: log.data.page - 1 })}
                        >
                          {t('privacy.log.previous')}
                        </Button>
                      ) : null}
                      {log.data.page < pageCount(log.data.total, log.data.pageSize) ? (
                        <Button
                          appearance="secondary-action-button"
                          onClick={() => apply({ ...shown, page: log.data.page + 1 })}
                        >
                          {t('privacy.log.next')}
                        </Button>
                      ) : null}
                    </ButtonGroup>
                  </nav>
                ) : null}
                <Paragraph>
                  <Link href={exportHref} download>
                    {t('privacy.log.export')}
                  </Link>
                </Paragraph>
                {shown.personId ? (
                  <Paragraph>
                    <AppLink to={`/privacy/clienten/${encodeURIComponent(shown.personId)}`}>
                      {t('privacy.client.overviewLink', { name: personName ?? '' })}
                    </AppLink>
                  </Paragraph>
                ) : null}
              </>
            ) : null}
          </section>
          <IntegrityCheck />
        </>
      ) : null}
    </>
  );
}
