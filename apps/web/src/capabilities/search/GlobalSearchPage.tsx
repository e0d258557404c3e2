import { globalSearchRequest, type GlobalSearchCase, type GlobalSearchResponse } from '@nabij/contracts';
import {
  Alert,
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
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { PersonSummaryTable } from '../persons/PersonSummaryTable';

type State =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'failed'; message: string }
  | { status: 'done'; result: GlobalSearchResponse };

function caseLink(c: GlobalSearchCase): { to: string; label: string } {
  return c.caseId
    ? { to: `/dossiers/${encodeURIComponent(c.caseId)}`, label: t('globalSearch.caseFile', { reference: c.reference }) }
    : {
        to: `/aanmeldingen/${encodeURIComponent(c.referralId)}`,
        label: t('globalSearch.referral', { reference: c.reference }),
      };
}

function CasesTable({ cases }: { cases: readonly GlobalSearchCase[] }) {
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption className="nabij-visually-hidden">{t('globalSearch.casesHeading')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('globalSearch.reference')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('globalSearch.household')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('globalSearch.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('search.reasons')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {cases.map((c) => {
            const link = caseLink(c);
            return (
              <TableRow key={c.referralId}>
                <TableCell data-label={t('globalSearch.reference')}>
                  <AppLink to={link.to}>{link.label}</AppLink>
                </TableCell>
                <TableCell data-label={t('globalSearch.household')}>{c.householdName ?? t('common.unknown')}</TableCell>
                <TableCell data-label={t('globalSearch.status')}>
                  {c.phase ? t(`phase.${c.phase}`) : t(`referralStatus.${c.referralStatus}`)}
                </TableCell>
                <TableCell data-label={t('search.reasons')}>{t(`globalSearch.reason.${c.reason}`)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/** The results of the search box in the header (/zoeken?q=…): cases and referrals by reference, and persons, each with why. */
export function GlobalSearchPage() {
  usePageTitle(t('globalSearch.title'));
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const [state, setState] = useState<State>({ status: 'idle' });

  useEffect(() => {
    if (!q.trim()) {
      setState({ status: 'idle' });
      return;
    }
    const parsed = globalSearchRequest.safeParse({ q });
    if (!parsed.success) {
      setState({ status: 'failed', message: parsed.error.issues[0]?.message ?? t('error.internal') });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'searching' });
    api
      .get<GlobalSearchResponse>(`/api/search?q=${encodeURIComponent(parsed.data.q)}`, { signal: controller.signal })
      .then((result) => setState({ status: 'done', result }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', message: errorText(error) });
      });
    return () => controller.abort();
  }, [q]);

  const done = state.status === 'done' ? state.result : null;
  const nothing = done && done.cases.length === 0 && done.persons.length === 0;
  return (
    <>
      <PageHeading>{q.trim() ? t('globalSearch.resultsFor', { q: q.trim() }) : t('globalSearch.title')}</PageHeading>
      <Paragraph>{t('globalSearch.intro')}</Paragraph>
      <div role="status" aria-live="polite">
        {state.status === 'idle' ? <Paragraph>{t('globalSearch.idle')}</Paragraph> : null}
        {state.status === 'searching' ? <Loading label={t('search.searching')} /> : null}
        {nothing ? <Paragraph>{t('globalSearch.empty', { q: q.trim() })}</Paragraph> : null}
        {done && done.persons.length > 0 ? (
          <Paragraph>
            {t(done.persons.length === 1 ? 'search.countOne' : 'search.countMany', { count: done.persons.length })}
          </Paragraph>
        ) : null}
      </div>
      {state.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{state.message}</Paragraph>
        </Alert>
      ) : null}
      {done && done.cases.length > 0 ? (
        <section aria-labelledby="global-search-cases" className="nabij-section">
          <Heading2 id="global-search-cases">{t('globalSearch.casesHeading')}</Heading2>
          <CasesTable cases={done.cases} />
        </section>
      ) : null}
      {done && done.persons.length > 0 ? (
        <section aria-labelledby="global-search-persons" className="nabij-section">
          <Heading2 id="global-search-persons">{t('globalSearch.personsHeading')}</Heading2>
          {done.personsTruncated ? (
            <Alert type="info">
              <Paragraph>{t('globalSearch.personsTruncated')}</Paragraph>
            </Alert>
          ) : null}
          <PersonSummaryTable persons={done.persons} caption={t('globalSearch.personsHeading')} />
        </section>
      ) : null}
    </>
  );
}
