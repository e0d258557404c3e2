import { describe, expect, it } from 'vitest';
import { renderEcogram } from './ecogram';

describe('the ecogram', () => {
  const svg = renderEcogram({
    householdName: 'Huishouden De Vries',
    members: [
      { name: 'Petra de Vries', isMinor: false },
      { name: 'Daan de Vries', isMinor: true },
    ],
    network: [
      { name: 'Oma Truus', relation: 'familie', quality: 'supportive', keyFigure: true },
      { name: 'Buurman Piet', relation: 'buurman', quality: 'stressful', keyFigure: false },
      { name: 'Ex-partner <Rob>', relation: 'familie', quality: 'mixed', keyFigure: false },
    ],
    professionals: [{ name: 'Schuldhulp Voorbeeld', role: 'schuldhulpverlener' }],
  });

  it('puts the household in the centre with its members, children marked', () => {
    expect(svg).toContain('Huishouden De Vries');
    expect(svg).toContain('Daan de Vries (kind)');
  });
  it('draws one line per relation, its kind visible in the line and in words', () => {
    expect(svg.match(/<line /g)).toHaveLength(4);
    expect(svg).toContain('stroke-dasharray="10 6"');
    expect(svg).toContain('stroke-dasharray="2 5"');
    expect(svg).toContain('familie, steunend');
    expect(svg).toContain('buurman, belastend');
  });
  it('escapes names and is an accessible image', () => {
    expect(svg).toContain('Ex-partner &lt;Rob&gt;');
    expect(svg).not.toContain('<Rob>');
    expect(svg).toMatch(/role="img" aria-labelledby="eco-title eco-desc"/);
  });
});
