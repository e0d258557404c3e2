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
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
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

/**
 * The BSN as the API sends it: masked, "•••••2345" (ADR 0051). "Toon BSN" — only for the roles that may see the full
 * number — fetches it from `GET /api/persons/:id/bsn`, which writes its own access-log row; "Verberg BSN" forgets it.
 */
function Bsn({ personId, masked, canReveal }: { personId: string; masked: string; canReveal: boolean }) {
  const [full, setFull] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const toggle = async () => {
    if (full !== null) {
      setFull(null);
      return;
    }
    setBusy(true);
    try {
      const revealed = await api.get<{ bsn: string | null }>(`/api/persons/${encodeURIComponent(personId)}/bsn`);
      setFull(revealed.bsn);
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="nabij-bsn">
      <span data-testid="person-bsn" className="nabij-bsn__value" aria-live="polite">
        {full !== null ? (
          full
        ) : (
          <>
            <span aria-hidden="true">{maskBsn(masked)}</span>
            <span className="nabij-visually-hidden">{t('person.bsnMasked', { last: masked.slice(-4) })}</span>
          </>
        )}
      </span>
      {canReveal ? (
        <>
          {' '}
          <LinkButton inline disabled={busy} onClick={() => void toggle()}>
            {full !== null ? t('person.hideBsn') : t('person.showBsn')}
          </LinkButton>
        </>
      ) : null}
      {error ? <span role="alert"> {error}</span> : null}
    </span>
  );
}

/** The read-only view of a person: identity, address, contact and language. */
export function PersonDetails({ person, canRevealBsn = false }: { person: PersonView; canRevealBsn?: boolean }) {
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
          <Item label={t('person.bsn')}>
            {person.bsn ? <Bsn personId={person.id} masked={person.bsn} canReveal={canRevealBsn} /> : unknown}
          </Item>
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
