import type { PersonSummary } from '@nabij/contracts';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { MinorBadge } from './MinorBadge';
import { formatAddress, formatDate } from './person-format';

/** Persons as a table that becomes a list of cards on narrow screens. */
export function PersonSummaryTable({ persons, caption }: { persons: readonly PersonSummary[]; caption: string }) {
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption className="nabij-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('person.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('person.dateOfBirth')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('person.address')}</TableHeaderCell>
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
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
