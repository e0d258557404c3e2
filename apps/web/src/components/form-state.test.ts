import { describe, expect, it } from 'vitest';
import { fieldId, summaryItems } from './form-state';

describe('summaryItems', () => {
  it('lists field errors in form order with links, then unknown fields without a link', () => {
    const items = summaryItems(
      { lastName: 'Vul de achternaam in.', firstName: 'Vul de voornaam in.', 'address.line': 'Onbekend veld' },
      ['firstName', 'lastName'],
      (field) => fieldId('person', field),
    );
    expect(items).toEqual([
      { fieldId: 'person-firstName', message: 'Vul de voornaam in.' },
      { fieldId: 'person-lastName', message: 'Vul de achternaam in.' },
      { message: 'Onbekend veld' },
    ]);
  });
});
