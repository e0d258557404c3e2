import type { CaseOverview } from '@nabij/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Ecogram } from './Ecogram';

type Props = Parameters<typeof Ecogram>[0]['overview'];
const household = { name: 'Huishouden Jansen', members: [] } as unknown as CaseOverview['household'];
const base: Props = { id: 'case-1', household, network: [], professionals: [] };

describe('the ecogram on the case page', () => {
  it('says there is no ecogram yet instead of showing a blank box', () => {
    const html = renderToStaticMarkup(<Ecogram overview={base} />);
    expect(html).toContain(
      'Er is nog geen ecogram: leg eerst personen uit het netwerk of betrokken professionals vast.',
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('Afdrukken');
  });

  it('shows the drawn image with a text alternative that explains the lines, and the print button', () => {
    const network = [{ id: 'n1', quality: 'supportive', keyFigure: true }] as unknown as CaseOverview['network'];
    const html = renderToStaticMarkup(<Ecogram overview={{ ...base, network }} />);
    expect(html).toMatch(/<img src="\/api\/cases\/case-1\/ecogram\.svg\?v=[a-z0-9]+"/);
    expect(html).toContain(
      'alt="Ecogram van Huishouden Jansen: het huishouden in het midden, met 1 personen uit het netwerk en 0 professionals eromheen. Doorgetrokken lijn: steunend; gestreept: belastend; gestippeld: wisselend; dik: sleutelfiguur.',
    );
    expect(html).toContain('Afdrukken');
  });

  it('draws the ecogram of professionals alone', () => {
    const professionals = [{ id: 'p1' }] as unknown as CaseOverview['professionals'];
    expect(renderToStaticMarkup(<Ecogram overview={{ ...base, professionals }} />)).toContain('<img');
  });
});
