import { ZRM_INSTRUMENTS, type CaseOverview } from '@nabij/contracts';
import {
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
import { t } from '../../app/i18n';
import { AppButtonLink } from '../../components/AppLink';
import { assessmentTitle, lastTwo, zrmDomainLabel, zrmHistories, zrmLevelLabel, type ZrmHistory } from './case-format';
import { RadarChart } from './RadarChart';

const DOMAIN_ORDER: readonly string[] = [...new Set<string>([...ZRM_INSTRUMENTS.zrm2017, ...ZRM_INSTRUMENTS.zrm2013])];

/** One person's ZRM history; the scroll box is focusable (axe scrollable-region-focusable), so a table wider than a phone scrolls by keyboard too. */
export function HistoryTable({ history }: { history: ZrmHistory }) {
  const caption = t('case.zrmHistory', { name: history.personName });
  return (
    <div className="nabij-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table className="nabij-zrm-table">
        <TableCaption className="nabij-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('case.zrmDomain')}</TableHeaderCell>
            {history.columns.map((c) => (
              <TableHeaderCell key={c.id} scope="col">
                {assessmentTitle(c)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {history.rows.map((row) => (
            <TableRow key={row.domain}>
              <TableHeaderCell scope="row">{zrmDomainLabel(row.domain)}</TableHeaderCell>
              {row.scores.map((score, i) => {
                const column = history.columns[i];
                const detail = column?.scores.find((s) => s.domain === row.domain);
                return (
                  <TableCell key={column?.id ?? i}>
                    {score === null ? (
                      <span className="nabij-muted">{t('case.zrmNotScored')}</span>
                    ) : (
                      zrmLevelLabel(score)
                    )}
                    {detail?.note ? <span className="nabij-cell-note nabij-plain-text">{detail.note}</span> : null}
                    {detail?.outOfScopeReason ? (
                      <span className="nabij-cell-note nabij-plain-text">
                        {t('case.zrmReason', { reason: detail.outOfScopeReason })}
                      </span>
                    ) : null}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The ZRM history per person (table) and a radar chart of the last two measurements. */
export function ZrmSection({ overview }: { overview: CaseOverview }) {
  const histories = zrmHistories(overview.zrm, DOMAIN_ORDER);
  return (
    <section id="zrm" aria-labelledby="zrm-heading" className="nabij-section">
      <Heading2 id="zrm-heading">{t('case.zrm')}</Heading2>
      <Paragraph>{t('case.zrmIntro')}</Paragraph>
      <AppButtonLink to={`/dossiers/${encodeURIComponent(overview.id)}/zrm/nieuw`} appearance="primary-action-button">
        {t('case.zrmNew')}
      </AppButtonLink>
      {histories.length === 0 ? <Paragraph>{t('case.zrmNone')}</Paragraph> : null}
      {histories.map((history) => {
        const compared = lastTwo(history);
        const domains = history.rows
          .filter((r) => compared.some((m) => m.scores.some((s) => s.domain === r.domain)))
          .map((r) => r.domain);
        const headingId = `zrm-${history.personId}-heading`;
        return (
          <section key={history.personId} aria-labelledby={headingId}>
            <Heading3 id={headingId}>{t('case.zrmHistory', { name: history.personName })}</Heading3>
            <HistoryTable history={history} />
            {domains.length >= 3 ? (
              <RadarChart personName={history.personName} measurements={compared} domains={domains} />
            ) : (
              <Paragraph>{t('case.radarTooFew')}</Paragraph>
            )}
          </section>
        );
      })}
    </section>
  );
}
