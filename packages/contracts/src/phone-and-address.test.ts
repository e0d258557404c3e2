/** The shared normalisers for phone numbers and house-number additions (issue #19 item 5). */
import { describe, expect, it } from 'vitest';
import { publicReferralRequest } from './intake';
import { personInput } from './schemas';
import {
  formatHouseNumber,
  formatPhoneNumber,
  normaliseHouseNumberAddition,
  normalisePhoneNumber,
  splitHouseNumber,
} from './validators';

describe('normalisePhoneNumber', () => {
  it('accepts what people type and stores one compact form', () => {
    expect(normalisePhoneNumber('(030) 123 45 67')).toBe('0301234567');
    expect(normalisePhoneNumber('030-123 45 67')).toBe('0301234567');
    expect(normalisePhoneNumber('030.1234567')).toBe('0301234567');
    expect(normalisePhoneNumber('06 12 34 56 78')).toBe('0612345678');
    expect(normalisePhoneNumber('06-12345678')).toBe('0612345678');
    expect(normalisePhoneNumber('+31 6 1234 5678')).toBe('0612345678');
    expect(normalisePhoneNumber('+31 (0)30 123 45 67')).toBe('0301234567');
    expect(normalisePhoneNumber('0031 30 1234567')).toBe('0301234567');
    expect(normalisePhoneNumber('0111 123456')).toBe('0111123456');
    expect(normalisePhoneNumber('0800-1234')).toBe('08001234');
    expect(normalisePhoneNumber('0900 123 4567')).toBe('09001234567');
    expect(normalisePhoneNumber('14 030')).toBe('14030');
    expect(normalisePhoneNumber('+32 2 123 45 67')).toBe('+3221234567');
  });

  it('refuses what is not a phone number', () => {
    for (const bad of [
      '',
      'bel mij',
      '12345',
      '030-123456',
      '06-1234567890',
      '0012',
      '(030) 123 45 6x',
      '+31',
      '0031 0',
    ]) {
      expect([bad, normalisePhoneNumber(bad)]).toEqual([bad, undefined]);
    }
  });

  it('writes a stored number as people read it', () => {
    expect(formatPhoneNumber('0301234567')).toBe('030-1234567');
    expect(formatPhoneNumber('0111123456')).toBe('0111-123456');
    expect(formatPhoneNumber('0612345678')).toBe('06-12345678');
    expect(formatPhoneNumber('08001234')).toBe('0800-1234');
    expect(formatPhoneNumber('+3221234567')).toBe('+3221234567');
    expect(formatPhoneNumber('onbekend')).toBe('onbekend');
    expect(formatPhoneNumber(null)).toBe('');
  });

  it('is the one rule of the contracts: the person form and the public form store "(030) 123 45 67" alike', () => {
    expect(personInput.parse({ firstName: 'Mira', lastName: 'Jacobs', phone: '(030) 123 45 67' }).phone).toBe(
      '0301234567',
    );
    const referral = publicReferralRequest.parse({
      teamId: '00000000-0000-4000-8000-000000000001',
      referrerKind: 'self',
      referrer: { name: 'Mira Jacobs', phone: '(030) 123 45 67' },
      residents: [
        {
          firstName: 'Mira',
          lastName: 'Jacobs',
          phone: '+31 30 123 45 67',
          houseNumber: '12',
          houseNumberAddition: '-2',
        },
      ],
      lifeDomains: ['finances'],
      question: 'Ik heb hulp nodig met mijn post.',
      idempotencyKey: '00000000-0000-4000-8000-000000000002',
    });
    expect(referral.referrer.phone).toBe('0301234567');
    expect(referral.residents[0]).toMatchObject({ phone: '0301234567', houseNumber: '12', houseNumberAddition: '2' });
    const bad = personInput.safeParse({ firstName: 'Mira', lastName: 'Jacobs', phone: 'bel mij' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual([
      'Vul een geldig telefoonnummer in, bijvoorbeeld 06-12345678 of (030) 123 45 67.',
    ]);
  });
});

describe('house number and addition', () => {
  it('splits what is typed in the house-number field', () => {
    expect(splitHouseNumber('12')).toEqual({ houseNumber: '12', houseNumberAddition: '' });
    expect(splitHouseNumber('12A')).toEqual({ houseNumber: '12', houseNumberAddition: 'A' });
    expect(splitHouseNumber('12 a')).toEqual({ houseNumber: '12', houseNumberAddition: 'A' });
    expect(splitHouseNumber('12-2')).toEqual({ houseNumber: '12', houseNumberAddition: '2' });
    expect(splitHouseNumber(' 12 - 2 ')).toEqual({ houseNumber: '12', houseNumberAddition: '2' });
    expect(splitHouseNumber('12 bis')).toEqual({ houseNumber: '12', houseNumberAddition: 'bis' });
    expect(splitHouseNumber('12', '-2')).toEqual({ houseNumber: '12', houseNumberAddition: '2' });
    expect(splitHouseNumber('12-2', '2')).toEqual({ houseNumber: '12', houseNumberAddition: '2' });
    // Not a house number: left as typed, so the contract says what is wrong.
    expect(splitHouseNumber('123456')).toEqual({ houseNumber: '123456', houseNumberAddition: '' });
    expect(splitHouseNumber('twaalf')).toEqual({ houseNumber: 'twaalf', houseNumberAddition: '' });
  });

  it('writes an addition in one form and an address the Dutch way', () => {
    expect(normaliseHouseNumberAddition(' -2 ')).toBe('2');
    expect(normaliseHouseNumberAddition('a')).toBe('A');
    expect(normaliseHouseNumberAddition('1 - hoog')).toBe('1-hoog');
    expect(formatHouseNumber('12', 'A')).toBe('12A');
    expect(formatHouseNumber('12', '2')).toBe('12-2');
    expect(formatHouseNumber('12', null)).toBe('12');
  });

  it('the contracts accept an addition and refuse a number with one typed in it, with a Dutch message', () => {
    expect(
      personInput.parse({ firstName: 'A', lastName: 'B', houseNumber: '12', houseNumberAddition: 'a' })
        .houseNumberAddition,
    ).toBe('A');
    const bad = personInput.safeParse({
      firstName: 'A',
      lastName: 'B',
      houseNumber: '12-2',
      houseNumberAddition: '!?',
    });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual([
      'Vul bij huisnummer alleen het nummer in, bijvoorbeeld 12. Een toevoeging zoals A of 2 hoort bij Toevoeging.',
      'Vul bij toevoeging letters of cijfers in, bijvoorbeeld A of 2.',
    ]);
  });
});
