import type { DashboardView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, errorText, firstMessages } from '../../app/errors';
import { ForbiddenPage } from '../../app/guards';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldId, summaryItems } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatDate } from '../persons/person-format';
import { checkFilters, filterQuery, filtersFrom, type Filters } from './mi-format';
import { MiNav, useCanSeeFigures } from './MiParts';
import { MiTableView } from './MiTableView';
import './management-information.css';

const FIELDS = ['from', 'to', 'teamId', 'area'] as const;

/**
 * The filter form (a form, so it works with the keyboard and without JavaScript tricks): period, and for whoever may
 * see more than one team, the team and the area. The filters live in the page address, so a view can be shared.
 */
function FilterForm({
  view,
  initial,
  apiError,
  onApply,
}: {
  view: DashboardView | undefined;
  initial: Filters;
  apiError: unknown;
  onApply: (f: Filters) => void;
}) {
  const [values, setValues] = useState<Filters>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [focusKey, setFocusKey] = useState(0);
  // The server fills in the default period; show it in the form.
  useEffect(() => {
    if (view) setValues((v) => ({ ...v, from: v.from || view.filters.from, to: v.to || view.filters.to }));
  }, [view]);
  const serverErrors = apiError instanceof ApiError ? firstMessages(apiError.fieldErrors) : {};
  const errors = { ...serverErrors, ...clientErrors };
  const idFor = (f: string) => fieldId('mi-filter', f);
  const items = summaryItems(errors, FIELDS, idFor);
  const set = (key: keyof Filters) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkFilters(values);
    setClientErrors(found);
    setFocusKey((k) => k + 1);
    if (Object.keys(found).length === 0) onApply(values);
  };
  const teams = view?.scope.teams ?? [];
  const areas = view?.scope.areas ?? [];
  return (
    <section aria-labelledby="mi-filters-heading" className="nabij-section">
      <Heading2 id="mi-filters-heading">{t('mi.filtersHeading')}</Heading2>
      <ErrorSummary
        message={apiError && Object.keys(clientErrors).length === 0 ? errorText(apiError) : undefined}
        items={items}
        focusKey={focusKey}
      />
      <form onSubmit={submit} noValidate aria-labelledby="mi-filters-heading">
        <div className="nabij-form-row">
          <TextField
            id={idFor('from')}
            label={t('mi.from')}
            type="date"
            value={values.from}
            onValueChange={set('from')}
            error={errors.from}
            className="nabij-field--short"
          />
          <TextField
            id={idFor('to')}
            label={t('mi.to')}
            type="date"
            value={values.to}
            onValueChange={set('to')}
            error={errors.to}
            className="nabij-field--short"
          />
          {teams.length > 1 ? (
            <SelectField
              id={idFor('teamId')}
              label={t('mi.team')}
              value={values.teamId}
              choices={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
              emptyLabel={t('mi.allTeams')}
              onValueChange={set('teamId')}
              error={errors.teamId}
            />
          ) : null}
          {areas.length > 1 ? (
            <SelectField
              id={idFor('area')}
              label={t('mi.area')}
              value={values.area}
              choices={areas.map((a) => ({ value: a, label: a }))}
              emptyLabel={t('mi.allAreas')}
              onValueChange={set('area')}
              error={errors.area}
            />
          ) : null}
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('mi.apply')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function Downloads({ query }: { query: string }) {
  const suffix = query ? `?${query}` : '';
  return (
    <section aria-labelledby="mi-downloads-heading" className="nabij-section">
      <Heading2 id="mi-downloads-heading">{t('mi.downloadsHeading')}</Heading2>
      <Paragraph>{t('mi.downloadsNote')}</Paragraph>
      <UnorderedList className="nabij-mi-downloads">
        <UnorderedListItem>
          <Link href={`/api/management-information/dashboard/export.csv${suffix}`} download>
            {t('mi.downloadCsv')}
          </Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href={`/api/management-information/dashboard/export.xlsx${suffix}`} download>
            {t('mi.downloadXlsx')}
          </Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href={`/api/management-information/dashboard/report.pdf${suffix}`}>{t('mi.downloadPdf')}</Link>
        </UnorderedListItem>
      </UnorderedList>
    </section>
  );
}

function Report({ view }: { view: DashboardView }) {
  return (
    <>
      <nav aria-labelledby="mi-contents-heading" className="nabij-section">
        <Heading2 id="mi-contents-heading">{t('mi.contents')}</Heading2>
        <UnorderedList>
          {view.sections.map((s) => (
            <UnorderedListItem key={s.key}>
              <Link href={`#mi-section-${s.key}`}>{s.title}</Link>
            </UnorderedListItem>
          ))}
          <UnorderedListItem>
            <Link href="#mi-not-measured">{t('mi.notMeasuredHeading')}</Link>
          </UnorderedListItem>
        </UnorderedList>
      </nav>
      {view.sections.map((s) => (
        <section key={s.key} aria-labelledby={`mi-section-${s.key}`} className="nabij-section">
          <Heading2 id={`mi-section-${s.key}`} tabIndex={-1}>
            {s.title}
          </Heading2>
          {s.tables.map((table) => (
            <MiTableView key={table.key} table={table} threshold={view.threshold} />
          ))}
        </section>
      ))}
      <section aria-labelledby="mi-not-measured" className="nabij-section">
        <Heading2 id="mi-not-measured" tabIndex={-1}>
          {t('mi.notMeasuredHeading')}
        </Heading2>
        <Paragraph>{t('mi.notMeasuredIntro')}</Paragraph>
        <UnorderedList>
          {view.notMeasured.map((n) => (
            <UnorderedListItem key={n.key}>
              <strong>{n.title}.</strong> {n.reason}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
    </>
  );
}

/** Sturingsinformatie: the dashboard of the coordinator (own teams) or the policy advisor (every team, totals only). */
export function DashboardPage() {
  usePageTitle(t('mi.title'));
  const allowed = useCanSeeFigures();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const query = filterQuery(filters);
  const resource = useResource<DashboardView>(`/api/management-information/dashboard${query ? `?${query}` : ''}`);
  // The last view that loaded, so the filter form keeps its team and area choices after a refused filter.
  const last = useRef<DashboardView | undefined>(undefined);
  if (resource.status === 'ready') last.current = resource.data;
  const view = resource.status === 'ready' ? resource.data : undefined;
  if (!allowed) return <ForbiddenPage />;
  const shownQuery = view ? filterQuery(view.filters) : query;
  return (
    <>
      <PageHeading>{t('mi.title')}</PageHeading>
      <MiNav query={shownQuery} />
      <Paragraph>
        {last.current?.scope.kind === 'municipality' ? t('mi.introMunicipality') : t('mi.introTeam')}
      </Paragraph>
      <FilterForm
        key={query}
        view={last.current}
        initial={filters}
        apiError={resource.status === 'failed' ? resource.error : undefined}
        onApply={(f) => setParams(filterQuery(f))}
      />
      <Paragraph role="status" aria-live="polite" className="nabij-mi-about">
        {view
          ? t('mi.about', {
              teams: view.teamNames.join(', '),
              from: formatDate(view.filters.from),
              to: formatDate(view.filters.to),
            })
          : ''}
      </Paragraph>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'failed' &&
      !(resource.error instanceof ApiError && resource.error.status < 500 && resource.error.status !== 401) ? (
        <Alert type="error">
          <Paragraph>{t('mi.loadFailed')}</Paragraph>
        </Alert>
      ) : null}
      {view ? (
        <>
          <Alert type="info">
            <Paragraph>
              <strong>{t('mi.privacyTitle')}</strong> {t('mi.privacyText', { threshold: view.threshold })}
            </Paragraph>
            <Paragraph>{t('mi.smallNumbersText')}</Paragraph>
          </Alert>
          <Downloads query={shownQuery} />
          <Report view={view} />
        </>
      ) : null}
    </>
  );
}
