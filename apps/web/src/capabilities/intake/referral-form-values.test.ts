import { publicReferralRequest, registerReferralRequest } from '@nabij/contracts';
import { describe, expect, it } from 'vitest';
import {
  emptyReferralForm,
  parseAge,
  referralFieldOrder,
  selfReferralIssues,
  toPublicReferralInput,
  toRegisterReferralInput,
  type ReferralFormValues,
} from './referral-form-values';

const TEAM = '7f0b6f5e-3c1a-4c57-9d8e-2a1b3c4d5e6f';
const KEY = '0d6a2f1e-8b7c-4d3e-9f10-112233445566';

function filled(): ReferralFormValues {
  const v = emptyReferralForm(TEAM);
  return {
    ...v,
    referrer: {
      name: 'Dr. A. Jansen',
      organisation: 'Huisartsenpraktijk De Linde',
      role: 'huisarts',
      phone: '030 123 4567',
      email: '',
    },
    residents: [{ ...v.residents[0]!, firstName: 'Karin', lastName: 'Visser', dateOfBirth: '1985-04-12' }],
    children: [{ firstName: '', age: '7' }],
    lifeDomains: ['finances', 'housing'],
    question: 'Huurachterstand en zorgen over de kinderen.',
    childrenAtRisk: 'unknown',
    residentAwareness: 'agrees',
  };
}

describe('parseAge', () => {
  it('reads whole numbers and leaves anything else undefined for the contract to report', () => {
    expect(parseAge(' 7 ')).toBe(7);
    expect(parseAge('')).toBeUndefined();
    expect(parseAge('zeven')).toBeUndefined();
    expect(parseAge('7.5')).toBeUndefined();
  });
});

describe('toPublicReferralInput', () => {
  it('produces a request the public contract accepts, with the honeypot empty', () => {
    const parsed = publicReferralRequest.safeParse(
      toPublicReferralInput(filled(), { idempotencyKey: KEY, website: '', attachments: [] }),
    );
    expect(parsed.success).toBe(true);
    if (parsed.success) {
      expect(parsed.data.children).toEqual([{ firstName: undefined, age: 7 }]);
      expect(parsed.data.residents[0]?.dateOfBirth).toBe('1985-04-12');
      expect(parsed.data.urgency).toBe('normal');
    }
  });

  it('reports a missing age under the API’s dotted path', () => {
    const values = { ...filled(), children: [{ firstName: 'Sem', age: '' }] };
    const parsed = publicReferralRequest.safeParse(
      toPublicReferralInput(values, { idempotencyKey: KEY, website: '', attachments: [] }),
    );
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['children.0.age']);
  });

  it('asks for a phone number or e-mail address of the referrer', () => {
    const values = filled();
    values.referrer = { ...values.referrer, phone: '' };
    const parsed = publicReferralRequest.safeParse(
      toPublicReferralInput(values, { idempotencyKey: KEY, website: '', attachments: [] }),
    );
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['referrer.phone']);
  });

  it('leaves out an unanswered children-at-risk choice so the contract default applies', () => {
    const values = { ...filled(), childrenAtRisk: '' };
    const input = toPublicReferralInput(values, { idempotencyKey: KEY, website: '', attachments: [] });
    expect('childrenAtRisk' in input).toBe(false);
  });
});

describe('toRegisterReferralInput', () => {
  it('accepts a phone referral by a resident without a referrer name', () => {
    const values = {
      ...filled(),
      referrerKind: 'self',
      referrer: { name: '', organisation: '', role: '', phone: '06 12345678', email: '' },
    };
    const parsed = registerReferralRequest.safeParse(
      toRegisterReferralInput(values, { channel: 'phone', idempotencyKey: KEY }),
    );
    expect(parsed.success).toBe(true);
  });
});

describe('referralFieldOrder', () => {
  it('lists the fields of every resident and child in display order', () => {
    const order = referralFieldOrder(2, 1, { before: ['channel'], after: ['attachments'] });
    expect(order[0]).toBe('channel');
    expect(order.indexOf('residents.1.firstName')).toBeGreaterThan(order.indexOf('residents.0.phone'));
    expect(order.indexOf('children.0.age')).toBeLessThan(order.indexOf('lifeDomains'));
    expect(order[order.length - 1]).toBe('attachments');
  });
});

describe('the household on the form (ADR 0029)', () => {
  it('asks the address once: a second resident at the same address gets the first resident’s, with the relation given', () => {
    const values = filled();
    values.residents = [
      { ...values.residents[0]!, street: 'Lindelaan', houseNumber: '12', postcode: '3511 AB', city: 'Voorbeeld' },
      {
        ...emptyReferralForm(TEAM).residents[0]!,
        firstName: 'Sander',
        lastName: 'Visser',
        relation: 'partner',
        street: 'getypt',
        houseNumber: '9',
      },
    ];
    const parsed = publicReferralRequest.safeParse(
      toPublicReferralInput(values, { idempotencyKey: KEY, website: '', attachments: [] }),
    );
    expect(parsed.success).toBe(true);
    if (parsed.success) {
      expect(parsed.data.residents[1]).toMatchObject({
        street: 'Lindelaan',
        houseNumber: '12',
        postcode: '3511AB',
        city: 'Voorbeeld',
        relation: 'partner',
      });
      expect(parsed.data.residents[0]?.relation).toBeUndefined();
    }
  });

  it('sends no fixed address with its kind instead of an address, and keeps an own address when not the same', () => {
    const values = filled();
    values.residents = [
      { ...values.residents[0]!, noFixedAddress: 'homeless' },
      {
        ...emptyReferralForm(TEAM).residents[0]!,
        firstName: 'Piet',
        lastName: 'Visser',
        sameAddress: false,
        postcode: '3512 CD',
        houseNumber: '4',
      },
    ];
    const parsed = registerReferralRequest.safeParse(
      toRegisterReferralInput(values, { channel: 'phone', idempotencyKey: KEY }),
    );
    expect(parsed.success).toBe(true);
    if (parsed.success) {
      expect(parsed.data.residents[0]).toMatchObject({ noFixedAddress: 'homeless' });
      expect(parsed.data.residents[1]).toMatchObject({ postcode: '3512CD', houseNumber: '4' });
      expect(parsed.data.residents[1]?.noFixedAddress).toBeUndefined();
    }
  });
});

describe('a resident who refers themselves (issue #19 item 5)', () => {
  const self = (): ReferralFormValues => {
    const v = emptyReferralForm(TEAM, 'self');
    return {
      ...v,
      // Only the e-mail address is asked in the referrer's place; name and phone are the first resident's.
      referrer: { ...v.referrer, email: 'mira@voorbeeld.example' },
      residents: [
        {
          ...v.residents[0]!,
          firstName: 'Mira',
          infix: 'van',
          lastName: 'Dijk',
          phone: '(030) 123 45 67',
          houseNumber: '12-2',
          postcode: '3511 AB',
        },
      ],
      lifeDomains: ['finances'],
      question: 'Ik kom er met mijn post niet meer uit.',
    };
  };

  it('gives name and phone once: the referrer is the first resident, and "12-2" is number and addition', () => {
    const parsed = publicReferralRequest.safeParse(
      toPublicReferralInput(self(), { idempotencyKey: KEY, website: '', attachments: [] }),
    );
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.referrer).toMatchObject({
      name: 'Mira van Dijk',
      phone: '0301234567',
      email: 'mira@voorbeeld.example',
    });
    expect(parsed.data.residents[0]).toMatchObject({
      phone: '0301234567',
      houseNumber: '12',
      houseNumberAddition: '2',
    });
  });

  it('shows "a phone number or e-mail" at the resident\'s phone, once', () => {
    const v = self();
    const noContact: ReferralFormValues = {
      ...v,
      referrer: { ...v.referrer, email: '' },
      residents: [{ ...v.residents[0]!, phone: '' }],
    };
    const parsed = publicReferralRequest.safeParse(
      toPublicReferralInput(noContact, { idempotencyKey: KEY, website: '', attachments: [] }),
    );
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const issues = selfReferralIssues(parsed.error.issues, 'self');
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['residents.0.phone', 'Vul een telefoonnummer of e-mailadres in, zodat wij u kunnen bereiken.'],
    ]);
    // A wrong number is reported at the resident's phone only, not a second time for the referrer.
    const wrong: ReferralFormValues = { ...v, residents: [{ ...v.residents[0]!, phone: 'bel mij' }] };
    const again = publicReferralRequest.safeParse(
      toPublicReferralInput(wrong, { idempotencyKey: KEY, website: '', attachments: [] }),
    );
    expect(again.success ? [] : selfReferralIssues(again.error.issues, 'self').map((i) => i.path.join('.'))).toEqual([
      'residents.0.phone',
    ]);
  });

  it("leaves a professional's own details as typed", () => {
    const v = filled();
    expect(toPublicReferralInput(v, { idempotencyKey: KEY, website: '', attachments: [] }).referrer).toEqual(
      v.referrer,
    );
  });
});
