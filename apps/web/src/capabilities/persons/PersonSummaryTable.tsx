import type { PersonMatchReason, PersonSummary } from '@nabij/contracts';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { MinorBadge } from './MinorBadge';
import { formatAddress, formatDate } from './person-format';

/** "achternaam gelijk, geboortedatum dag en maand omgedraaid": why a person was found (ADR 0030). */
export function matchReasonsText(reasons: readonly PersonMatchReason[]): string {
  const text = reasons.map((r) => t(`matchReason.${r}`)).join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Persons as a table that becomes a list of cards on narrow screens; with the reasons they were found when given. */
export function PersonSummaryTable({ persons, caption }: { persons: ReadonlyArray<PersonSummary & { reasons?: PersonMatchReason[] }>; caption: string }) {
  const withReasons = persons.some((p) => p.reasons);
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption className="nabij-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('person.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('person.dateOfBirth')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('person.address')}</TableHeaderCell>
            {withReasons ? <TableHeaderCell scope="col">{t('search.reasons')}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {persons.map((person) => (
            <TableRow key={person.id}>
              <TableCell data-label={t('person.name')}>
                <AppLink to={`/personen/${encodeURIComponent(person.id)}`}>{person.fullName}</AppLink>
                {person.isMinor ? <MinorBadge /> : null}
              </TableCell>
              <TableCell data-label={t('person.dateOfBirth')}>{formatDate(person.dateOfBirth) || t('common.unknown')}</TableCell>
              <TableCell data-label={t('person.address')}>
                {formatAddress({ postcode: person.postcode, houseNumber: person.houseNumber }) || t('common.unknown')}
              </TableCell>
              {withReasons ? <TableCell data-label={t('search.reasons')}>{matchReasonsText(person.reasons ?? [])}</TableCell> : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
