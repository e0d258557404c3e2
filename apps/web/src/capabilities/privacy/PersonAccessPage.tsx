import type { PersonAccessOverview } from '@nabij/contracts';
import {
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
import { useEffect, useState, type SyntheticEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { formatDateTime } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import { EMPTY_FILTER, filterToParams, formatDay } from './privacy-format';
import { DeniedBadge, EmergencyBadge, PrivacyLoadError, PrivacyNav } from './PrivacyParts';
import './privacy.css';

const PERIOD_FIELDS = ['from', 'to'] as const;

function PeriodForm({ from, to, onApply }: { from: string; to: string; onApply: (from: string, to: string) => void }) {
  const [values, setValues] = useState({ from, to });
  const errors = useFormErrors('period', PERIOD_FIELDS);
  useEffect(() => setValues({ from, to }), [from, to]);
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (values.from && values.to && values.from > values.to) {
      errors.showIssues([{ path: ['to'], message: 'De einddatum ligt vóór de begindatum.' }]);
      return;
    }
    errors.clear();
    onApply(values.from, values.to);
  };
  return (
    <section aria-labelledby="period-heading" className="nabij-section">
      <Heading2 id="period-heading">{t('privacy.person.periodHeading')}</Heading2>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form aria-labelledby="period-heading" onSubmit={submit} noValidate>
        <div className="nabij-form-row">
          <TextField
            id={errors.idFor('from')}
            label={t('privacy.filter.from')}
            type="date"
            value={values.from}
            onValueChange={(v) => setValues((s) => ({ ...s, from: v }))}
            error={errors.errorFor('from')}
          />
          <TextField
            id={errors.idFor('to')}
            label={t('privacy.filter.to')}
            type="date"
            value={values.to}
            onValueChange={(v) => setValues((s) => ({ ...s, to: v }))}
            error={errors.errorFor('to')}
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('privacy.person.show')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function Entries({ overview }: { overview: PersonAccessOverview }) {
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption className="nabij-visually-hidden">{t('privacy.person.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('privacy.col.at')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('privacy.col.who')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('privacy.col.what')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('privacy.col.basis')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {overview.entries.map((e, index) => (
            <TableRow key={`${e.at}-${index}`}>
              <TableCell data-label={t('privacy.col.at')}>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </TableCell>
              <TableCell data-label={t('privacy.col.who')}>
                {t('privacy.person.who', { who: e.who, role: e.role, organisation: e.organisation })}
              </TableCell>
              <TableCell data-label={t('privacy.col.what')}>
                {e.description}
                {e.emergency ? <EmergencyBadge /> : null}
                {e.denied ? (
                  <>
                    <DeniedBadge />
                    <span className="nabij-cell-note">{t('privacy.person.denied')}</span>
                  </>
                ) : null}
              </TableCell>
              <TableCell data-label={t('privacy.col.basis')}>{e.basis}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * "Wie heeft wat bekeken of gewijzigd": one person's accesses in plain Dutch, this month unless another
 * period is chosen. The same overview the resident portal will show.
 */
export function PersonAccessPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const from = params.get('van') ?? '';
  const to = params.get('tot') ?? '';
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
  const overview = useResource<PersonAccessOverview>(
    `/api/privacy/clients/${encodeURIComponent(id)}/overview${query ? `?${query}` : ''}`,
  );
  const title =
    overview.status === 'ready'
      ? t('privacy.person.title', { name: overview.data.person.fullName })
      : t('privacy.person.titleFallback');
  usePageTitle(title);
  const count = overview.data?.entries.length ?? 0;

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <PrivacyNav />
      {overview.status === 'loading' ? <Loading /> : null}
      {overview.status === 'failed' ? <PrivacyLoadError error={overview.error} /> : null}
      {overview.status === 'ready' ? (
        <>
          <Paragraph>{t('privacy.person.intro')}</Paragraph>
          {overview.data.person.dateOfBirth ? (
            <Paragraph>{t('privacy.person.born', { date: formatDate(overview.data.person.dateOfBirth) })}</Paragraph>
          ) : null}
          <section aria-labelledby="entries-heading" className="nabij-section">
            <Heading2 id="entries-heading">
              {t('privacy.person.period', { from: formatDay(overview.data.from), to: formatDay(overview.data.to) })}
            </Heading2>
            <Paragraph role="status">
              {count === 0
                ? t('privacy.person.none')
                : count === 1
                  ? t('privacy.person.countOne')
                  : t('privacy.person.count', { count })}
            </Paragraph>
            {overview.data.truncated ? <Paragraph>{t('privacy.person.truncated')}</Paragraph> : null}
            {count > 0 ? <Entries overview={overview.data} /> : null}
          </section>
          <PeriodForm
            from={overview.data.from}
            to={overview.data.to}
            onApply={(f, tt) =>
              setParams(new URLSearchParams({ ...(f ? { van: f } : {}), ...(tt ? { tot: tt } : {}) }))
            }
          />
          <Paragraph>
            <AppLink
              to={`/privacy/logboek?${filterToParams({ ...EMPTY_FILTER, personId: overview.data.person.id }).toString()}`}
            >
              {t('privacy.person.toLog')}
            </AppLink>
          </Paragraph>
        </>
      ) : null}
      <Paragraph>
        <AppLink to="/privacy/logboek">{t('privacy.person.backToLog')}</AppLink>
      </Paragraph>
    </>
  );
}
