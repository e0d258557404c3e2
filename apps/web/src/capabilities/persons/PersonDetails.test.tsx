/**
 * Issue #21 item 11 (ADR 0051): the API sends the BSN masked; the person page shows it masked and offers "Toon BSN"
 * (which fetches the full number through its own logged route) only to the roles that may see it.
 */
import type { PersonView } from '@nabij/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PersonDetails } from './PersonDetails';

const person: PersonView = {
  id: 'p1',
  version: 1,
  firstName: 'Anja',
  infix: null,
  lastName: 'Meijer',
  fullName: 'Anja Meijer',
  dateOfBirth: '1985-04-12',
  age: 41,
  isMinor: false,
  bsn: '•••••6782',
  postcode: '3512CD',
  houseNumber: '7',
  houseNumberAddition: null,
  street: 'Lindelaan',
  city: 'Utrecht',
  phone: null,
  email: null,
  preferredLanguage: null,
  interpreterNeeded: false,
  households: [],
};

describe('the BSN on the person page', () => {
  it('shows the masked number as sent, with the last four digits for screen readers, and never nine digits', () => {
    const html = renderToStaticMarkup(<PersonDetails person={person} canRevealBsn />);
    expect(html).toContain('•••••6782');
    expect(html).toContain('verborgen, eindigt op 6782');
    expect(html).not.toMatch(/\d{9}/);
    expect(html).toContain('Toon BSN');
  });

  it('offers "Toon BSN" only to a role that may see the full number', () => {
    const html = renderToStaticMarkup(<PersonDetails person={person} />);
    expect(html).toContain('•••••6782');
    expect(html).not.toContain('Toon BSN');
  });

  it('says unknown when there is no BSN', () => {
    expect(renderToStaticMarkup(<PersonDetails person={{ ...person, bsn: null }} canRevealBsn />)).not.toContain(
      'Toon BSN',
    );
  });
});
