/**
 * Issue #19 item 10: search results show street and town and link to the person's open case — when the API gives
 * one (only a case the user may view); a person without one shows a dash, the same whether or not a case exists.
 */
import type { PersonSearchResult } from '@nabij/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PersonSummaryTable } from './PersonSummaryTable';

const base = {
  dateOfBirth: '1985-01-01',
  postcode: '3512CD',
  houseNumber: '7',
  houseNumberAddition: null,
  isMinor: false,
  reasons: ['last_name_equal' as const],
};
const withCase: PersonSearchResult = {
  ...base,
  id: 'p1',
  fullName: 'Quirina Zwaluwstaart',
  street: 'Lindelaan',
  city: 'Utrecht',
  openCase: { id: 'case-1', reference: 'AM-2026-00042', phase: 'execution' },
};
const withoutCase: PersonSearchResult = {
  ...base,
  id: 'p2',
  fullName: 'Roel Zwaluwstaart',
  street: 'Beukenweg',
  city: 'Zeist',
  openCase: null,
};

const render = (persons: PersonSearchResult[]) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <PersonSummaryTable persons={persons} caption="Zoekresultaten" />
    </MemoryRouter>,
  );
const rowOf = (html: string, name: string) => html.split('<tr').find((row) => row.includes(name)) ?? '';

describe('PersonSummaryTable in search results', () => {
  it('shows street and town, and a link to the open case with its phase', () => {
    const html = render([withCase, withoutCase]);
    expect(html).toContain('>Dossier</th>');
    const first = rowOf(html, 'Quirina');
    expect(first).toMatch(/Lindelaan 7[^<]*3512 CD Utrecht/);
    expect(first).toContain('href="/dossiers/case-1"');
    expect(first).toContain('Dossier AM-2026-00042</a> (Uitvoering)');
    const second = rowOf(html, 'Roel');
    expect(second).toMatch(/Beukenweg 7[^<]*Zeist/);
    expect(second).not.toContain('/dossiers/');
    expect(second).toContain('>—</td>');
  });

  it('has no case column where the rows carry no case (a household list)', () => {
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <PersonSummaryTable
          persons={[
            { id: 'p3', fullName: 'Bo Testhuis', dateOfBirth: null, postcode: null, houseNumber: null, isMinor: true },
          ]}
          caption="Leden"
        />
      </MemoryRouter>,
    );
    expect(html).not.toContain('>Dossier</th>');
  });
});
