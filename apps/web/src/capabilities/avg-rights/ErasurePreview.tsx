import type { ErasurePreview as Preview } from '@nabij/contracts';
import {
  Alert,
  Heading3,
  Heading4,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { errorText } from '../../app/errors';
import { hasMessage, t } from '../../app/i18n';
import { useResource } from '../../app/use-resource';
import { Loading } from '../../components/Loading';

/** A kind of record in plain Dutch ("ZRM-meting"); a table added later shows its own name until it gets a label. */
export const tableLabel = (table: string) =>
  hasMessage(`avg.table.${table}`) ? t(`avg.table.${table}`) : table.replace(/[._]/g, ' ');
const rowsText = (rows: Record<string, number>) =>
  Object.entries(rows)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, n]) => `${tableLabel(table)} (${n})`)
    .join(', ');
const ref = (reference: string | null) => reference ?? '—';

/**
 * What an erasure will do, listed before the privacy officer confirms it: loaded from the API, which rehearses the
 * erasure and rolls it back, so the list is exactly what the confirmation does (ADR 0028).
 */
export function ErasurePreview({ requestId }: { requestId: string }) {
  const preview = useResource<Preview>(`/api/avg/requests/${encodeURIComponent(requestId)}/erasure-preview`);
  if (preview.status === 'loading') return <Loading label={t('avg.erasure.preview.loading')} />;
  if (preview.status === 'failed')
    return (
      <Alert type="error">
        <Paragraph>{errorText(preview.error)}</Paragraph>
      </Alert>
    );
  const p = preview.data;
  const destroyedCases = p.cases.filter((c) => c.outcome === 'destroyed');
  const keptCases = p.cases.filter((c) => c.outcome === 'kept');
  const erased = [
    ...destroyedCases.map((c) =>
      t('avg.erasure.preview.caseDestroyed', { reference: ref(c.reference), team: c.teamName }),
    ),
    ...keptCases
      .filter((c) => Object.keys(c.subjectRows).length > 0)
      .map((c) =>
        t('avg.erasure.preview.caseRows', {
          reference: ref(c.reference),
          team: c.teamName,
          rows: rowsText(c.subjectRows),
        }),
      ),
    ...p.referrals.map((r) =>
      r.outcome === 'destroyed'
        ? t('avg.erasure.preview.referralDestroyed', { reference: r.reference })
        : t('avg.erasure.preview.referralRow', { reference: r.reference }),
    ),
    ...p.households.map((h) =>
      h.outcome === 'destroyed' ? t('avg.erasure.preview.householdDestroyed') : t('avg.erasure.preview.householdRow'),
    ),
    ...(p.person === 'deleted' ? [t('avg.erasure.preview.personDeleted')] : []),
  ];
  const pseudonymised = [
    ...(p.person === 'pseudonymised'
      ? [t('avg.erasure.preview.personPseudonymised', { references: p.personKeptFor.map(ref).join(', ') })]
      : []),
    ...Object.entries(p.pseudonymised)
      .filter(([key]) => key !== 'person')
      .map(([key, count]) =>
        key === 'plan_version.agreed_by_name'
          ? t('avg.erasure.preview.signatures', { count })
          : key === 'case_closure.outcome_snapshot'
            ? t('avg.erasure.preview.snapshots', { count })
            : t('avg.erasure.preview.cut', { what: tableLabel(key), count }),
      ),
  ];
  const kept = [
    ...keptCases.map((c) =>
      t('avg.erasure.preview.caseKept', { reference: ref(c.reference), team: c.teamName, others: c.others }),
    ),
    ...p.referrals
      .filter((r) => r.outcome === 'kept')
      .map((r) => t('avg.erasure.preview.referralKept', { reference: r.reference })),
    ...p.households
      .filter((h) => h.outcome === 'kept')
      .map((h) => t('avg.erasure.preview.householdKept', { others: h.others })),
    t('avg.erasure.preview.alwaysKept'),
    t('avg.erasure.preview.freeText'),
  ];
  const list = (items: string[]) => (
    <UnorderedList>
      {items.map((item, i) => (
        <UnorderedListItem key={i}>{item}</UnorderedListItem>
      ))}
    </UnorderedList>
  );
  return (
    <section aria-labelledby="avg-erasure-preview-heading" className="nabij-avg-preview">
      <Heading3 id="avg-erasure-preview-heading">{t('avg.erasure.preview.heading')}</Heading3>
      <Paragraph>{t('avg.erasure.preview.intro')}</Paragraph>
      {p.cases.length === 0 && p.referrals.length === 0 ? (
        <Paragraph>{t('avg.erasure.preview.nothing')}</Paragraph>
      ) : null}
      <Heading4>{t('avg.erasure.preview.erased')}</Heading4>
      {list(erased)}
      {pseudonymised.length > 0 ? (
        <>
          <Heading4>{t('avg.erasure.preview.pseudonymised')}</Heading4>
          {list(pseudonymised)}
        </>
      ) : null}
      <Heading4>{t('avg.erasure.preview.kept')}</Heading4>
      {list(kept)}
      <details className="nabij-avg-details">
        <summary>{t('avg.erasure.preview.totals')}</summary>
        {list(
          Object.entries(p.destroyed)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([table, n]) => `${tableLabel(table)}: ${n}`),
        )}
      </details>
    </section>
  );
}
