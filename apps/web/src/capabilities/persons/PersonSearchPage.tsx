import { personSearchRequest, type PersonSearchResult } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { PersonSummaryTable } from './PersonSummaryTable';
import { hasAnyCriterion, SEARCH_FIELDS, searchFromParams, searchToParams, type SearchValues } from './search-query';

type SearchState =
  { status: 'idle' } | { status: 'searching' } | { status: 'done'; results: PersonSearchResult[]; truncated: boolean };

/** Person search by name (as Dutch names are written), date of birth, BSN or postcode with house number; ranked, with reasons. */
export function PersonSearchPage() {
  usePageTitle(t('search.title'));
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [values, setValues] = useState<SearchValues>(() => searchFromParams(params));
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [runId, setRunId] = useState(0);
  const errors = useFormErrors('search', SEARCH_FIELDS);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  const { showIssues, showError, clear } = errors;
  const query = params.toString();

  // The address bar is the source of truth for the search that is shown.
  useEffect(() => {
    const criteria = searchFromParams(new URLSearchParams(query));
    setValues(criteria);
    if (!hasAnyCriterion(criteria)) {
      setState({ status: 'idle' });
      return;
    }
    const parsed = personSearchRequest.safeParse(criteria);
    if (!parsed.success) {
      showIssues(parsed.error.issues);
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'searching' });
    api
      .post<{ results: PersonSearchResult[]; truncated: boolean }>('/api/persons/search', parsed.data, {
        signal: controller.signal,
      })
      .then((response) => {
        clear();
        setState({ status: 'done', results: response.results, truncated: response.truncated });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'idle' });
        showError(error);
      });
    return () => controller.abort();
  }, [query, runId, showIssues, showError, clear]);

  useEffect(() => {
    if (state.status === 'done' && focusResults.current) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [state]);

  const set = (field: keyof SearchValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = personSearchRequest.safeParse(values);
    if (!parsed.success) {
      showIssues(parsed.error.issues);
      return;
    }
    focusResults.current = true;
    const next = searchToParams(values);
    // The same search again runs again (new data may have arrived).
    if (next.toString() === query) setRunId((n) => n + 1);
    else setParams(next);
  };

  const reset = () => {
    setValues(searchFromParams(new URLSearchParams()));
    clear();
    setParams(new URLSearchParams());
  };

  return (
    <>
      <PageHeading>{t('search.title')}</PageHeading>
      <Paragraph>{t('search.intro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form role="search" aria-labelledby="page-heading" onSubmit={submit} noValidate className="nabij-search-form">
        <div className="nabij-form-grid">
          <TextField
            id={errors.idFor('name')}
            label={t('search.name')}
            description={t('search.nameDescription')}
            value={values.name}
            onValueChange={set('name')}
            error={errors.errorFor('name')}
            autoComplete="off"
          />
          <TextField
            id={errors.idFor('dateOfBirth')}
            label={t('person.dateOfBirth')}
            type="date"
            value={values.dateOfBirth}
            onValueChange={set('dateOfBirth')}
            error={errors.errorFor('dateOfBirth')}
            autoComplete="off"
          />
          <TextField
            id={errors.idFor('bsn')}
            label={t('person.bsn')}
            description={t('search.bsnDescription')}
            value={values.bsn}
            onValueChange={set('bsn')}
            error={errors.errorFor('bsn')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <Fieldset>
          <FieldsetLegend>{t('search.addressLegend')}</FieldsetLegend>
          <div className="nabij-form-row">
            <TextField
              id={errors.idFor('postcode')}
              label={t('person.postcode')}
              value={values.postcode}
              onValueChange={set('postcode')}
              error={errors.errorFor('postcode')}
              autoComplete="off"
              className="nabij-field--short"
            />
            <TextField
              id={errors.idFor('houseNumber')}
              label={t('person.houseNumber')}
              value={values.houseNumber}
              onValueChange={set('houseNumber')}
              error={errors.errorFor('houseNumber')}
              inputMode="numeric"
              autoComplete="off"
              className="nabij-field--short"
            />
          </div>
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={state.status === 'searching'}>
            {t('search.submit')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={reset}>
            {t('search.reset')}
          </Button>
        </ButtonGroup>
      </form>

      <section aria-labelledby="search-results-heading" className="nabij-section">
        <Heading2 id="search-results-heading" ref={resultsHeading} tabIndex={-1}>
          {t('search.resultsHeading')}
        </Heading2>
        <div role="status" aria-live="polite">
          {state.status === 'searching' ? <Loading label={t('search.searching')} /> : null}
          {state.status === 'idle' ? <Paragraph>{t('search.idle')}</Paragraph> : null}
          {state.status === 'done' ? (
            <Paragraph>
              {state.results.length === 0
                ? t('search.empty')
                : t(state.results.length === 1 ? 'search.countOne' : 'search.countMany', {
                    count: state.results.length,
                  })}
            </Paragraph>
          ) : null}
        </div>
        {state.status === 'done' && state.truncated ? (
          <Alert type="info">
            <Paragraph>{t('search.truncated', { count: state.results.length })}</Paragraph>
          </Alert>
        ) : null}
        {state.status === 'done' && state.results.length > 0 ? (
          <PersonSummaryTable persons={state.results} caption={t('search.resultsHeading')} />
        ) : null}
        {state.status === 'done' && state.results.length === 0 && can('person:write') ? (
          <Paragraph>
            {t('search.emptyRegister')} <AppLink to="/personen/nieuw">{t('home.actionRegister')}</AppLink>
          </Paragraph>
        ) : null}
      </section>
      {can('person:write') ? (
        <ButtonGroup>
          <AppButtonLink to="/personen/nieuw">{t('home.actionRegister')}</AppButtonLink>
        </ButtonGroup>
      ) : null}
    </>
  );
}
