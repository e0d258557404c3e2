import {
  ASSESSMENT_KINDS,
  recordZrmRequest,
  ZRM_LEVELS,
  zrmInstrument,
  type CaseOverview,
  type ZrmInstrument,
} from '@nabij/contracts';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
  RadioButton,
  StatusBadge,
} from '@utrecht/component-library-react';
import { useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate, useParams } from 'react-router';
import { municipalToday } from '../../app/dates';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors, type FormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { labelledChoices } from '../intake/intake-format';
import { zrmDomainLabel, zrmLevelLabel } from './case-format';
import { CaseLoadError, failedTitle } from './CaseParts';
import {
  defaultKind,
  emptyRows,
  emptyZrmForm,
  orderedDomains,
  outOfScopeScored,
  scoredDomains,
  scoreIndex,
  toRecordZrmInput,
  zrmFieldOrder,
  zrmFormIssues,
  zrmKeyAction,
  type OrderedDomain,
  type ZrmFormValues,
  type ZrmLevel,
  type ZrmRowValues,
} from './zrm-form';

interface ZrmCriteria {
  instrument: ZrmInstrument;
  domains: string[];
  criteria: { domain: string; level: number; text: string }[];
}

const FIELD_ORDER = zrmFieldOrder(13);
const INSTRUMENTS = zrmInstrument.options;
const SUBMIT_ID = 'zrm-submit';

function radioId(prefix: string, domain: string, level: ZrmLevel): string {
  return `${prefix}-${domain}-${level || 'none'}`;
}

interface RowProps {
  d: OrderedDomain;
  row: ZrmRowValues;
  index: number;
  errors: FormErrors;
  criteria: ZrmCriteria['criteria'];
  onChange: (row: ZrmRowValues) => void;
  /** A key press in the row's radio group (the digits 1–5 and 0 choose a level and move on). */
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/**
 * One domain: a native radio group (arrow keys move within the row, Tab goes to the next row); the digits 1–5
 * choose a level at once and 0 clears it, and then focus moves to the next domain (`zrmKeyAction`). Outside the
 * help question a score needs a reason.
 */
function DomainRow({ d, row, index, errors, criteria, onChange, onKeyDown }: RowProps) {
  const prefix = 'zrm-score';
  const rowError =
    index >= 0 ? (errors.errorFor(`scores.${index}.score`) ?? errors.errorFor(`scores.${index}.domain`)) : undefined;
  const legendId = `${prefix}-${d.domain}-legend`;
  const errorId = rowError ? `${prefix}-${d.domain}-error` : undefined;
  const choose = (score: ZrmLevel) => onChange({ ...row, score });
  const levels: { value: ZrmLevel; label: string; criterion?: string }[] = [
    ...ZRM_LEVELS.map((level) => ({
      value: String(level) as ZrmLevel,
      label: zrmLevelLabel(level),
      criterion: criteria.find((c) => c.domain === d.domain && c.level === level)?.text,
    })),
    { value: '', label: t('zrmForm.notDiscussed') },
  ];
  return (
    <div className={d.inQuestion ? 'nabij-zrm-row nabij-zrm-row--question' : 'nabij-zrm-row'}>
      <Fieldset invalid={Boolean(rowError)} aria-describedby={errorId} className="nabij-zrm-row__fieldset">
        <FieldsetLegend id={legendId} className="nabij-zrm-row__legend">
          {zrmDomainLabel(d.domain)}
          {d.inQuestion ? (
            <>
              {' '}
              <StatusBadge status="safe" className="nabij-badge">
                {t('zrmForm.inQuestion')}
              </StatusBadge>
            </>
          ) : null}
        </FieldsetLegend>
        {rowError ? <FormFieldErrorMessage id={errorId}>{rowError}</FormFieldErrorMessage> : null}
        <div
          className={
            levels.some((l) => l.criterion) ? 'nabij-zrm-levels nabij-zrm-levels--criteria' : 'nabij-zrm-levels'
          }
        >
          {levels.map((level) => {
            const id = radioId(prefix, d.domain, level.value);
            return (
              <div key={level.value || 'none'} className="nabij-zrm-level">
                <RadioButton
                  id={id}
                  name={`${prefix}-${d.domain}`}
                  value={level.value || 'none'}
                  checked={row.score === level.value}
                  onChange={() => choose(level.value)}
                  onKeyDown={onKeyDown}
                />
                <label htmlFor={id} className="utrecht-form-label utrecht-form-label--radio nabij-zrm-level__label">
                  {level.label}
                  {level.criterion ? <span className="nabij-zrm-level__criterion">{level.criterion}</span> : null}
                </label>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}

function ScoringForm({ overview }: { overview: CaseOverview }) {
  const navigate = useNavigate();
  const persons = overview.household?.members ?? [];
  const firstPerson = persons[0]?.id ?? '';
  const [values, setValues] = useState<ZrmFormValues>(() =>
    emptyZrmForm(firstPerson, defaultKind(overview.zrm, firstPerson), municipalToday()),
  );
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('zrm', FIELD_ORDER, { nestedPaths: true });
  const criteria = useResource<ZrmCriteria>(`/api/zrm/${values.instrument}`).data;
  const order = orderedDomains(values.instrument, overview.questionDomains);
  const scored = scoredDomains(values, order);
  const outside = outOfScopeScored(values, order);
  const shownCriteria = criteria && criteria.instrument === values.instrument ? criteria.criteria : [];

  const setRow = (domain: string, row: ZrmRowValues) =>
    setValues((v) => ({ ...v, rows: { ...v.rows, [domain]: row } }));

  /** A digit in a domain's radio group: choose that level, then focus the next domain (or what follows the last). */
  const onDomainKey = (domain: string, event: KeyboardEvent<HTMLInputElement>) => {
    const action = zrmKeyAction(event, domain, values, order);
    if (!action) return;
    event.preventDefault();
    const row = values.rows[domain] ?? { score: '', note: '', outOfScopeReason: '' };
    // Rendered at once, so that the reason field exists when focus moves to it.
    flushSync(() => setRow(domain, { ...row, score: action.score }));
    const { focus } = action;
    const target =
      typeof focus === 'object'
        ? radioId('zrm-score', focus.domain, focus.score)
        : focus === 'reason'
          ? errors.idFor('outOfScopeReason')
          : SUBMIT_ID;
    document.getElementById(target)?.focus();
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const issues = zrmFormIssues(values, order);
    const parsed = recordZrmRequest.safeParse(toRecordZrmInput(values, order));
    if (!parsed.success || issues.length > 0) {
      errors.showIssues([...(parsed.success ? [] : parsed.error.issues), ...issues]);
      return;
    }
    setBusy(true);
    try {
      await api.post<CaseOverview>(`/api/cases/${encodeURIComponent(overview.id)}/zrm`, parsed.data);
      void navigate(`/dossiers/${encodeURIComponent(overview.id)}#zrm`, { state: { zrmSaved: true } });
    } catch (error) {
      errors.showError(error);
      setBusy(false);
    }
  };

  if (persons.length === 0) return <Paragraph>{t('zrmForm.noPersons')}</Paragraph>;

  return (
    <div className="nabij-with-aside nabij-zrm-layout">
      <Levels withCriteria={shownCriteria.length > 0} />
      <div className="nabij-zrm-layout__main">
        <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-heading" className="nabij-zrm-form">
          <div className="nabij-form-row">
            <SelectField
              id={errors.idFor('personId')}
              label={t('zrmForm.person')}
              value={values.personId}
              choices={persons.map((p) => ({ value: p.id, label: p.fullName }))}
              onValueChange={(personId) =>
                setValues((v) => ({ ...v, personId, kind: defaultKind(overview.zrm, personId) }))
              }
              error={errors.errorFor('personId')}
            />
            <TextField
              id={errors.idFor('assessedOn')}
              label={t('zrmForm.date')}
              type="date"
              value={values.assessedOn}
              onValueChange={(assessedOn) => setValues((v) => ({ ...v, assessedOn }))}
              error={errors.errorFor('assessedOn')}
              className="nabij-field--short"
              required
            />
            <SelectField
              id={errors.idFor('instrument')}
              label={t('zrmForm.instrument')}
              value={values.instrument}
              choices={labelledChoices(INSTRUMENTS, 'zrmInstrument')}
              onValueChange={(value) => {
                const parsed = zrmInstrument.safeParse(value);
                if (parsed.success) setValues((v) => ({ ...v, instrument: parsed.data, rows: emptyRows(parsed.data) }));
              }}
              error={errors.errorFor('instrument')}
            />
          </div>
          <RadioGroupField
            id={errors.idFor('kind')}
            legend={t('zrmForm.kind')}
            value={values.kind}
            choices={labelledChoices(ASSESSMENT_KINDS, 'assessmentKind')}
            onValueChange={(kind) => {
              const next = ASSESSMENT_KINDS.find((k) => k === kind);
              if (next) setValues((v) => ({ ...v, kind: next }));
            }}
            error={errors.errorFor('kind')}
            inline
          />
          <Heading2 id="zrm-domains-heading">{t('zrmForm.domainsHeading')}</Heading2>
          {errors.errorFor('scores') ? (
            <Paragraph className="nabij-inline-error" id={errors.idFor('scores')}>
              {errors.errorFor('scores')}
            </Paragraph>
          ) : null}
          <div role="group" aria-labelledby="zrm-domains-heading">
            {order.map((d) => (
              <DomainRow
                key={`${values.instrument}-${d.domain}`}
                d={d}
                row={values.rows[d.domain] ?? { score: '', note: '', outOfScopeReason: '' }}
                index={scoreIndex(values, order, d.domain)}
                errors={errors}
                criteria={shownCriteria}
                onChange={(row) => setRow(d.domain, row)}
                onKeyDown={(event) => onDomainKey(d.domain, event)}
              />
            ))}
          </div>
          {outside.length > 0 ? (
            <TextField
              id={errors.idFor('outOfScopeReason')}
              label={t('zrmForm.reason')}
              description={t('zrmForm.reasonHint', {
                domains: outside.map((d) => zrmDomainLabel(d.domain)).join(', '),
              })}
              value={values.outOfScopeReason}
              onValueChange={(outOfScopeReason) => setValues((v) => ({ ...v, outOfScopeReason }))}
              error={errors.errorFor('outOfScopeReason')}
              autoComplete="off"
              required
            />
          ) : null}
          <details className="nabij-disclosure">
            <summary className="nabij-disclosure__summary">{t('zrmForm.notesSummary')}</summary>
            <div className="nabij-disclosure__content">
              <Paragraph>{t('zrmForm.notesIntro')}</Paragraph>
              {scored.length === 0 ? <Paragraph>{t('zrmForm.notesNone')}</Paragraph> : null}
              {scored.map((d, i) => (
                <TextAreaField
                  key={d.domain}
                  id={errors.idFor(`scores.${i}.note`)}
                  label={t('zrmForm.note', { domain: zrmDomainLabel(d.domain) })}
                  value={values.rows[d.domain]?.note ?? ''}
                  onValueChange={(note) => {
                    const row = values.rows[d.domain];
                    if (row) setRow(d.domain, { ...row, note });
                  }}
                  error={errors.errorFor(`scores.${i}.note`)}
                  rows={2}
                  optional
                />
              ))}
            </div>
          </details>
          <ButtonGroup>
            <Button id={SUBMIT_ID} type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
              {t('zrmForm.submit')}
            </Button>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}

/**
 * The five levels. Beside the form on wide screens (its own grid column, sticky there) and above it on narrow ones
 * (not sticky), so it never covers a radio button or the focus (WCAG 2.4.11).
 */
export function Levels({ withCriteria }: { withCriteria: boolean }) {
  return (
    <section aria-labelledby="zrm-levels-heading" className="nabij-aside">
      <Heading2 id="zrm-levels-heading">{t('zrmForm.levelsHeading')}</Heading2>
      <OrderedList>
        {ZRM_LEVELS.map((level) => (
          <OrderedListItem key={level} value={level}>
            {t(`zrmLevel.${level}`)}
          </OrderedListItem>
        ))}
      </OrderedList>
      <Paragraph>{withCriteria ? t('zrmForm.criteriaShown') : t('zrmForm.criteriaNone')}</Paragraph>
    </section>
  );
}

/** Fast keyboard scoring of a ZRM measurement for one person of the household. */
export function ZrmScoringPage() {
  const { id = '' } = useParams();
  const overview = useResource<CaseOverview>(`/api/cases/${encodeURIComponent(id)}`);
  const title = overview.status === 'failed' ? failedTitle(overview.error, t('zrmForm.title')) : t('zrmForm.title');
  usePageTitle(
    overview.status === 'ready' && overview.data.household
      ? `${t('zrmForm.title')} — ${overview.data.household.name}`
      : title,
  );

  return (
    <>
      <Paragraph>
        <AppLink to={`/dossiers/${encodeURIComponent(id)}#zrm`}>{t('case.back')}</AppLink>
      </Paragraph>
      <PageHeading>{title}</PageHeading>
      {overview.status === 'loading' ? <Loading /> : null}
      {overview.status === 'failed' ? <CaseLoadError error={overview.error} /> : null}
      {overview.status === 'ready' ? (
        <>
          <Paragraph appearance="lead">{overview.data.household?.name ?? ''}</Paragraph>
          <Paragraph>{t('zrmForm.intro')}</Paragraph>
          <Paragraph>{t('zrmForm.keyboard')}</Paragraph>
          <ScoringForm overview={overview.data} />
        </>
      ) : null}
    </>
  );
}
