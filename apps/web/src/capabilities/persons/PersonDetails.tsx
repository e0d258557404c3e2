import { formatPhoneNumber, type PersonView } from '@nabij/contracts';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  LinkButton,
} from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { t } from '../../app/i18n';
import { MinorBadge } from './MinorBadge';
import { formatAddress, formatDate, maskBsn } from './person-format';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

function Bsn({ bsn }: { bsn: string }) {
  const [shown, setShown] = useState(false);
  return (
    <span className="nabij-bsn">
      <span data-testid="person-bsn" className="nabij-bsn__value">
        {shown ? (
          bsn
        ) : (
          <>
            <span aria-hidden="true">{maskBsn(bsn)}</span>
            <span className="nabij-visually-hidden">{t('person.bsnMasked', { last: bsn.slice(-4) })}</span>
          </>
        )}
      </span>{' '}
      <LinkButton inline onClick={() => setShown((s) => !s)}>
        {shown ? t('person.hideBsn') : t('person.showBsn')}
      </LinkButton>
    </span>
  );
}

/** The read-only view of a person: identity, address, contact and language. */
export function PersonDetails({ person }: { person: PersonView }) {
  const unknown = t('common.unknown');
  const address = formatAddress(person);
  return (
    <div className="nabij-details">
      <section aria-labelledby="person-identity-heading" className="nabij-section">
        <Heading2 id="person-identity-heading">{t('personPage.identityHeading')}</Heading2>
        <DataList>
          <Item label={t('person.name')}>{person.fullName}</Item>
          <Item label={t('person.dateOfBirth')}>
            {person.dateOfBirth ? formatDate(person.dateOfBirth) : unknown}
            {person.age !== null
              ? ` (${t(person.ageEstimated ? 'person.ageEstimated' : 'person.ageYears', { age: person.age })})`
              : null}
            {person.isMinor ? <MinorBadge /> : null}
          </Item>
          <Item label={t('person.bsn')}>{person.bsn ? <Bsn bsn={person.bsn} /> : unknown}</Item>
        </DataList>
      </section>
      <section aria-labelledby="person-address-heading" className="nabij-section">
        <Heading2 id="person-address-heading">{t('personPage.addressHeading')}</Heading2>
        <DataList>
          <Item label={t('person.address')}>
            {person.noFixedAddress
              ? `${t('person.noFixedAddress')}: ${t(`noFixedAddress.${person.noFixedAddress}`)}${address ? ` (${address})` : ''}`
              : address || unknown}
          </Item>
        </DataList>
      </section>
      <section aria-labelledby="person-contact-heading" className="nabij-section">
        <Heading2 id="person-contact-heading">{t('personPage.contactHeading')}</Heading2>
        <DataList>
          <Item label={t('person.phone')}>
            {person.phone ? (
              <a className="utrecht-link utrecht-link--html-a" href={`tel:${person.phone.replace(/[\s-]/g, '')}`}>
                {formatPhoneNumber(person.phone)}
              </a>
            ) : (
              unknown
            )}
          </Item>
          <Item label={t('person.email')}>
            {person.email ? (
              <a className="utrecht-link utrecht-link--html-a" href={`mailto:${person.email}`}>
                {person.email}
              </a>
            ) : (
              unknown
            )}
          </Item>
          <Item label={t('person.preferredLanguage')}>{person.preferredLanguage ?? unknown}</Item>
          <Item label={t('person.interpreterNeededShort')}>
            {person.interpreterNeeded ? t('common.yes') : t('common.no')}
          </Item>
        </DataList>
      </section>
    </div>
  );
}
