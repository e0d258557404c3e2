/** Issue #21 item 5: the functional administrator's house style form (ADR 0054). */
import { updateHouseStyleRequest, type HouseStyleView } from '@nabij/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HouseStyleForm, measuredContrast } from './HouseStylePage';

const view = (overrides: Partial<HouseStyleView> = {}): HouseStyleView => ({
  displayName: 'Gemeente Voorbeeld',
  primaryColor: '#0b4f6c',
  primaryTextColor: '#ffffff',
  linkColor: '#0b5e7e',
  focusColor: '#1a1a2e',
  fontFamily: 'system',
  hasLogo: false,
  themeHref: '/api/public/house-style/voorbeeld/theme.css?v=0',
  logoHref: null,
  version: 0,
  ...overrides,
});

const render = (v: HouseStyleView) =>
  renderToStaticMarkup(<HouseStyleForm view={v} tenantSlug="voorbeeld" onSaved={() => undefined} />);

describe('HouseStyleForm', () => {
  it('shows the name, the four colours with their labels, the safe fonts and the measured contrast', () => {
    const html = render(view());
    expect(html).toContain('Uw gemeente gebruikt nu het standaardthema van Nabij.');
    expect(html).toMatch(/<label[^>]*for="house-style-displayName"[^>]*>Naam van de gemeente/);
    expect(html).toContain('value="Gemeente Voorbeeld"');
    for (const [id, label, value] of [
      ['primaryColor', 'Hoofdkleur (knoppen, lijn onder de kop)', '#0b4f6c'],
      ['primaryTextColor', 'Tekstkleur op de hoofdkleur', '#ffffff'],
      ['linkColor', 'Linkkleur', '#0b5e7e'],
      ['focusColor', 'Focuskleur (de rand om wat het toetsenbord kiest)', '#1a1a2e'],
    ] as const) {
      expect(html).toMatch(new RegExp(`<label[^>]*for="house-style-${id}"[^>]*>${label.replace(/[()]/g, '\\$&')}`));
      expect(html).toMatch(new RegExp(`id="house-style-${id}"[^>]*value="${value}"`));
    }
    expect(html).toMatch(/<option value="verdana"[^>]*>Verdana<\/option>/);
    expect(html).not.toContain('Comic');
    expect(html).toContain('Tekst op de hoofdkleur: 8,93:1 (nodig: 4,5:1) — voldoet');
    expect(html).toContain('Focuskleur op wit: 17,05:1 (nodig: 3,0:1) — voldoet');
    // The logo field takes PNG and JPEG only, and says so.
    expect(html).toContain('accept="image/png,image/jpeg"');
    expect(html).toContain('SVG kan niet');
    expect(html).toContain('Er is nog geen logo.');
    expect(html).not.toContain('Logo verwijderen');
  });

  it('shows the current logo with the municipality’s name as its alternative text, and offers to remove it', () => {
    const html = render(view({ hasLogo: true, logoHref: '/api/public/house-style/voorbeeld/logo?v=3', version: 3 }));
    expect(html).toContain('src="/api/public/house-style/voorbeeld/logo?v=3" alt="Gemeente Voorbeeld"');
    expect(html).toContain('Logo verwijderen');
    expect(html).not.toContain('standaardthema');
  });

  it('marks a pair below its minimum as too low before saving, with the same Dutch message as the server', () => {
    const values = {
      displayName: 'Gemeente Voorbeeld',
      primaryColor: '#7fb3d5',
      primaryTextColor: '#ffffff',
      linkColor: '#0b5e7e',
      focusColor: '#1a1a2e',
      fontFamily: 'system' as const,
    };
    const ratios = measuredContrast(values);
    expect(ratios.find((r) => r.key === 'pairText')).toMatchObject({ ok: false, minimum: 4.5 });
    expect(ratios.find((r) => r.key === 'pairLink')).toMatchObject({ ok: true });
    expect(render(view(values))).toContain('Tekst op de hoofdkleur: 2,25:1 (nodig: 4,5:1) — te laag');
    const parsed = updateHouseStyleRequest.safeParse({ ...values, version: 0 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.find((i) => i.path[0] === 'primaryTextColor')?.message).toBe(
      'Te weinig contrast tussen de tekstkleur op de hoofdkleur (#ffffff op #7fb3d5): 2,25:1. Voor tekst is ten minste 4,5:1 nodig.',
    );
  });
});
