import { qualityAssessmentInput, type QualityAssessmentView, type QualityMirrorView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
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
import { ApiError, errorText } from '../../app/errors';
import { ForbiddenPage } from '../../app/guards';
import { t } from '../../app/i18n';
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
import { SavedNotice } from '../case-files/CaseParts';
import { formatDate } from '../persons/person-format';
import { checkFilters, filterQuery, filtersFrom } from './mi-format';
import { MiNav, quarterLabel, useCanSeeFigures } from './MiParts';
import { CellText } from './MiTableView';
import './management-information.css';

type Mirror = QualityMirrorView;
type Element = Mirror['elements'][number];

function MirrorFilters({
  mirror,
  initial,
  onApply,
}: {
  mirror: Mirror | undefined;
  initial: { from: string; to: string; teamId: string };
  onApply: (f: { from: string; to: string; teamId: string }) => void;
}) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (mirror)
      setValues((v) => ({
        from: v.from || mirror.filters.from,
        to: v.to || mirror.filters.to,
        teamId: v.teamId || mirror.filters.teamId,
      }));
  }, [mirror]);
  const set = (key: 'from' | 'to' | 'teamId') => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkFilters({ ...values, area: '' });
    setErrors(found);
    if (Object.keys(found).length === 0) onApply(values);
  };
  const teams = mirror?.teams ?? [];
  return (
    <section aria-labelledby="mirror-filters-heading" className="nabij-section">
      <Heading2 id="mirror-filters-heading">{t('mirror.filtersHeading')}</Heading2>
      <form onSubmit={submit} noValidate aria-labelledby="mirror-filters-heading">
        <div className="nabij-form-row">
          {teams.length > 1 ? (
            <SelectField
              id="mirror-filter-teamId"
              label={t('mirror.team')}
              value={values.teamId}
              choices={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
              onValueChange={set('teamId')}
            />
          ) : null}
          <TextField
            id="mirror-filter-from"
            label={t('mi.from')}
            type="date"
            value={values.from}
            onValueChange={set('from')}
            error={errors.from}
            className="nabij-field--short"
          />
          <TextField
            id="mirror-filter-to"
            label={t('mi.to')}
            type="date"
            value={values.to}
            onValueChange={set('to')}
            error={errors.to}
            className="nabij-field--short"
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('mirror.apply')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function ElementCard({ element, mirror }: { element: Element; mirror: Mirror }) {
  const headingId = `mirror-element-${element.code}`;
  const dashboard = `/sturingsinformatie?${filterQuery({ from: mirror.filters.from, to: mirror.filters.to, teamId: mirror.teams.length > 1 ? mirror.filters.teamId : null })}`;
  return (
    <li className="nabij-mirror-element">
      <section aria-labelledby={headingId}>
        <Heading3 id={headingId}>{element.name}</Heading3>
        <Paragraph>{element.description}</Paragraph>
        {element.indicators.length > 0 ? (
          <div className="nabij-table-scroll">
            <Table className="nabij-responsive-table">
              <TableCaption className="nabij-visually-hidden">{t('mirror.indicator')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('mirror.indicator')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="nabij-mi-number">
                    {t('mirror.value')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {element.indicators.map((ind) => (
                  <TableRow key={ind.label}>
                    <TableHeaderCell scope="row" data-label={t('mirror.indicator')}>
                      {ind.label}
                      {ind.tableKey ? (
                        <>
                          {' '}
                          <AppLink to={`${dashboard}#mi-${ind.tableKey}`} className="nabij-mirror-link">
                            {t('mirror.seeDashboard')}
                            <span className="nabij-visually-hidden">: {ind.label}</span>
                          </AppLink>
                        </>
                      ) : null}
                    </TableHeaderCell>
                    <TableCell data-label={t('mirror.value')} className="nabij-mi-number">
                      <CellText cell={ind.cell} unit={ind.unit} threshold={mirror.threshold} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : (
          <Paragraph>{t('mirror.noIndicators')}</Paragraph>
        )}
        {element.limitation ? <Paragraph className="nabij-mi-definition">{element.limitation}</Paragraph> : null}
      </section>
    </li>
  );
}

type Draft = Record<string, { score: string; notes: string }>;
const draftOf = (mirror: Mirror, quarter: string): Draft => {
  const saved = mirror.assessments.find((a) => a.period === quarter);
  return Object.fromEntries(
    mirror.elements.map((e) => {
      const s = saved?.elements.find((x) => x.element === e.code);
      return [e.code, { score: s?.score ? String(s.score) : '', notes: s?.notes ?? '' }];
    }),
  );
};

/** The self-assessment form: per element a score of 1–5 (or none) and notes, for one quarter; a stale version reloads. */
function AssessmentForm({ mirror, onSaved }: { mirror: Mirror; onSaved: () => void }) {
  const [quarter, setQuarter] = useState(mirror.currentQuarter);
  const [draft, setDraft] = useState<Draft>(() => draftOf(mirror, mirror.currentQuarter));
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fields = [
    'period',
    ...mirror.elements.flatMap((e) => [`elements.${e.code}.score`, `elements.${e.code}.notes`]),
  ];
  const errors = useFormErrors('mirror-assess', fields, { nestedPaths: true });
  const heading = useRef<HTMLHeadingElement>(null);
  // A newer mirror (after saving or a conflict) refreshes the form for the chosen quarter; not while typing.
  const [shownMirror, setShownMirror] = useState(mirror);
  if (shownMirror !== mirror) {
    setShownMirror(mirror);
    setDraft(draftOf(mirror, quarter));
  }
  const chooseQuarter = (q: string) => {
    setQuarter(q);
    setDraft(draftOf(mirror, q));
    setSaved(undefined);
  };
  const version = mirror.assessments.find((a) => a.period === quarter)?.version;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = {
      teamId: mirror.team.id,
      period: quarter,
      ...(version ? { version } : {}),
      elements: mirror.elements.map((e) => ({
        element: e.code,
        score: draft[e.code]?.score ? Number(draft[e.code]?.score) : null,
        notes: draft[e.code]?.notes ?? null,
      })),
    };
    const parsed = qualityAssessmentInput.safeParse(input);
    if (!parsed.success) {
      setSaved(undefined);
      // Name the element by its code, as the server does (elements.normalising.notes), so the summary links to the field.
      errors.showIssues(
        parsed.error.issues.map((i) =>
          i.path[0] === 'elements' && typeof i.path[1] === 'number'
            ? { ...i, path: ['elements', mirror.elements[i.path[1]]?.code ?? i.path[1], ...i.path.slice(2)] }
            : i,
        ),
      );
      return;
    }
    setBusy(true);
    try {
      await api.put<QualityAssessmentView>('/api/management-information/quality-mirror/assessment', parsed.data);
      errors.clear();
      setSaved(t('mirror.saved', { quarter: quarterLabel(quarter) }));
      onSaved();
      heading.current?.focus();
    } catch (error) {
      setSaved(undefined);
      if (error instanceof ApiError && error.code === 'version_conflict') {
        onSaved();
        errors.showMessage(t('mirror.conflict'));
      } else errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  // Field errors of the server name elements by code (elements.normalising.notes); the summary links to them.
  return (
    <section aria-labelledby="mirror-assess-heading" className="nabij-section">
      <Heading2 id="mirror-assess-heading" ref={heading} tabIndex={-1}>
        {t('mirror.assessHeading')}
      </Heading2>
      <Paragraph>{t('mirror.assessIntro')}</Paragraph>
      <Alert type="warning">
        <Paragraph>{t('mirror.assessPrivacy')}</Paragraph>
      </Alert>
      <SavedNotice text={saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="mirror-assess-heading">
        <SelectField
          id={errors.idFor('period')}
          label={t('mirror.quarter')}
          value={quarter}
          choices={mirror.quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
          onValueChange={chooseQuarter}
          error={errors.errorFor('period')}
        />
        {mirror.elements.map((e) => (
          <div key={e.code} className="nabij-mirror-assess">
            <RadioGroupField
              id={errors.idFor(`elements.${e.code}.score`)}
              legend={t('mirror.score', { element: e.name })}
              value={draft[e.code]?.score ?? ''}
              choices={[
                ...['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: s })),
                { value: '', label: t('mirror.scoreNone') },
              ]}
              onValueChange={(v) => setDraft((d) => ({ ...d, [e.code]: { score: v, notes: d[e.code]?.notes ?? '' } }))}
              error={errors.errorFor(`elements.${e.code}.score`)}
              inline
            />
            <TextAreaField
              id={errors.idFor(`elements.${e.code}.notes`)}
              label={t('mirror.notes', { element: e.name })}
              value={draft[e.code]?.notes ?? ''}
              onValueChange={(v) => setDraft((d) => ({ ...d, [e.code]: { score: d[e.code]?.score ?? '', notes: v } }))}
              error={errors.errorFor(`elements.${e.code}.notes`)}
              rows={2}
              optional
            />
          </div>
        ))}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('mirror.save')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The team's self-assessments side by side: elements down, quarters across; the notes per quarter below. */
function Comparison({ mirror }: { mirror: Mirror }) {
  const periods = mirror.assessments.slice(0, 8);
  return (
    <section aria-labelledby="mirror-compare-heading" className="nabij-section">
      <Heading2 id="mirror-compare-heading">{t('mirror.compareHeading')}</Heading2>
      {periods.length === 0 ? (
        <Paragraph>{t('mirror.noAssessments')}</Paragraph>
      ) : (
        <>
          <div className="nabij-table-scroll">
            <Table className="nabij-responsive-table" data-testid="mirror-comparison">
              <TableCaption>{t('mirror.compareCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('mirror.element')}</TableHeaderCell>
                  {periods.map((p) => (
                    <TableHeaderCell key={p.period} scope="col" className="nabij-mi-number">
                      {quarterLabel(p.period)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {mirror.elements.map((e) => (
                  <TableRow key={e.code}>
                    <TableHeaderCell scope="row" data-label={t('mirror.element')}>
                      {e.name}
                    </TableHeaderCell>
                    {periods.map((p) => {
                      const score = p.elements.find((x) => x.element === e.code)?.score;
                      return (
                        <TableCell key={p.period} data-label={quarterLabel(p.period)} className="nabij-mi-number">
                          {score ?? (
                            <>
                              <span aria-hidden="true">–</span>
                              <span className="nabij-visually-hidden">{t('mi.noData')}</span>
                            </>
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {periods.map((p) => {
            const notes = p.elements.filter((x) => x.notes);
            return (
              <details key={p.period} className="nabij-mirror-notes">
                <summary>{t('mirror.notesHeading', { quarter: quarterLabel(p.period) })}</summary>
                <Paragraph className="nabij-mi-definition">
                  {t('mirror.updatedBy', { date: formatDate(p.updatedOn), name: p.updatedByName })}
                </Paragraph>
                {notes.length ? (
                  <dl>
                    {notes.map((n) => (
                      <div key={n.element}>
                        <dt>{mirror.elements.find((e) => e.code === n.element)?.name ?? n.element}</dt>
                        <dd className="nabij-plain-text">{n.notes}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <Paragraph>{t('mirror.noNotes')}</Paragraph>
                )}
              </details>
            );
          })}
        </>
      )}
    </section>
  );
}

/** Kwaliteitsspiegel: the 15 effective elements with the team's figures and its self-assessment over time. */
export function QualityMirrorPage() {
  usePageTitle(t('mirror.title'));
  const allowed = useCanSeeFigures();
  const [params, setParams] = useSearchParams();
  const { from, to, teamId } = filtersFrom(params);
  const query = filterQuery({ from, to, teamId });
  const mirror = useResource<Mirror>(`/api/management-information/quality-mirror${query ? `?${query}` : ''}`);
  if (!allowed) return <ForbiddenPage />;
  const data = mirror.status === 'ready' ? mirror.data : undefined;
  return (
    <>
      <PageHeading>{t('mirror.title')}</PageHeading>
      <MiNav
        query={
          data
            ? filterQuery({
                from: data.filters.from,
                to: data.filters.to,
                teamId: data.teams.length > 1 ? data.filters.teamId : null,
              })
            : query
        }
      />
      <Paragraph>{t('mirror.intro')}</Paragraph>
      <MirrorFilters
        key={query}
        mirror={data}
        initial={{ from, to, teamId }}
        onApply={(f) => setParams(filterQuery(f))}
      />
      {mirror.status === 'loading' ? <Loading /> : null}
      {mirror.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(mirror.error)}</Paragraph>
        </Alert>
      ) : null}
      {data ? (
        <>
          <Paragraph role="status" className="nabij-mi-about">
            {t('mirror.teamOf', {
              team: data.team.name,
              from: formatDate(data.filters.from),
              to: formatDate(data.filters.to),
            })}
          </Paragraph>
          <Alert type="info">
            <Paragraph>
              <strong>{t('mi.privacyTitle')}</strong> {t('mi.privacyText', { threshold: data.threshold })}
            </Paragraph>
          </Alert>
          <section aria-labelledby="mirror-elements-heading" className="nabij-section">
            <Heading2 id="mirror-elements-heading">{t('mirror.elementsHeading')}</Heading2>
            <ol className="nabij-mirror-elements">
              {data.elements.map((e) => (
                <ElementCard key={e.code} element={e} mirror={data} />
              ))}
            </ol>
          </section>
          {data.canAssess ? (
            <AssessmentForm mirror={data} onSaved={mirror.reload} />
          ) : (
            <Paragraph>{t('mirror.readOnly')}</Paragraph>
          )}
          <Comparison mirror={data} />
        </>
      ) : null}
    </>
  );
}
