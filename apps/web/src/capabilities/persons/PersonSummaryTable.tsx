import type { PersonMatchReason, PersonSearchResult, PersonSummary } from '@nabij/contracts';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { MinorBadge } from './MinorBadge';
import { formatAddress, formatDate } from './person-format';

/** "achternaam gelijk, geboortedatum dag en maand omgedraaid": why a person was found (ADR 0030). */
export function matchReasonsText(reasons: readonly PersonMatchReason[]): string {
  const text = reasons.map((r) => t(`matchReason.${r}`)).join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What search results add to a person: why found, street and town, and the open case the user may see (issue #19 item 10). */
type Found = PersonSummary &
  Partial<Pick<PersonSearchResult, 'reasons' | 'street' | 'houseNumberAddition' | 'city' | 'openCase'>>;

/** The open case's link of a search result; a dash when none may be shown (which never says whether one exists). */
function OpenCaseCell({ openCase }: { openCase: PersonSearchResult['openCase'] | undefined }) {
  if (!openCase) return <>{t('search.noOpenCase')}</>;
  const label = openCase.reference
    ? t('search.openCaseLink', { reference: openCase.reference })
    : t('search.openCaseLinkNoReference');
  return (
    <>
      <AppLink to={`/dossiers/${encodeURIComponent(openCase.id)}`}>{label}</AppLink> ({t(`phase.${openCase.phase}`)})
    </>
  );
}

/** Persons as a table that becomes a list of cards on narrow screens; with the reasons they were found and their open case when given. */
export function PersonSummaryTable({ persons, caption }: { persons: ReadonlyArray<Found>; caption: string }) {
  const withReasons = persons.some((p) => p.reasons);
  const withCases = persons.some((p) => p.openCase !== undefined);
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption className="nabij-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('person.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('person.dateOfBirth')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('person.address')}</TableHeaderCell>
            {withCases ? <TableHeaderCell scope="col">{t('search.openCase')}</TableHeaderCell> : null}
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
              <TableCell data-label={t('person.dateOfBirth')}>
                {formatDate(person.dateOfBirth) || t('common.unknown')}
              </TableCell>
              <TableCell data-label={t('person.address')}>
                {formatAddress({
                  street: person.street,
                  houseNumber: person.houseNumber,
                  houseNumberAddition: person.houseNumberAddition,
                  postcode: person.postcode,
                  city: person.city,
                }) || t('common.unknown')}
              </TableCell>
              {withCases ? (
                <TableCell data-label={t('search.openCase')}>
                  <OpenCaseCell openCase={person.openCase} />
                </TableCell>
              ) : null}
              {withReasons ? (
                <TableCell data-label={t('search.reasons')}>{matchReasonsText(person.reasons ?? [])}</TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
