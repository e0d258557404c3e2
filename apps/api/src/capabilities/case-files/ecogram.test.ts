import { describe, expect, it } from 'vitest';
import { renderEcogram, textWidth, wrapLabel } from './ecogram';

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
    // Four relations, and four sample lines in the legend.
    expect(svg.match(/<line /g)).toHaveLength(4 + 4);
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

  it('has a legend for solid, dashed and dotted lines, the thick line and the two shapes', () => {
    const legend = svg.slice(svg.indexOf('<g class="ecogram-legend">'));
    expect(legend).toContain('Legenda');
    for (const text of [
      'steunend',
      'belastend',
      'wisselend',
      'dik: sleutelfiguur',
      'persoon uit het netwerk',
      'professional',
    ])
      expect(legend).toContain(`>${text}</text>`);
    expect(legend).toContain('stroke-dasharray="10 6"');
    expect(legend).toContain('stroke-dasharray="2 5"');
    expect(legend).toContain('stroke-width="4"');
  });
});

/** The shapes of the nodes: centre, half-size and the text lines inside. */
function nodesOf(svg: string) {
  return [...svg.matchAll(/<g class="ecogram-node"[^>]*>([\s\S]*?)<\/g>/g)].map((m) => {
    const body = m[1] ?? '';
    const title = /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? '';
    const ellipse = /<ellipse cx="([\d.]+)" cy="([\d.]+)" rx="([\d.]+)" ry="([\d.]+)"/.exec(body);
    const rect = /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(body);
    const [cx, cy, hw, hh] = ellipse
      ? [Number(ellipse[1]), Number(ellipse[2]), Number(ellipse[3]), Number(ellipse[4])]
      : [
          Number(rect![1]) + Number(rect![3]) / 2,
          Number(rect![2]) + Number(rect![4]) / 2,
          Number(rect![3]) / 2,
          Number(rect![4]) / 2,
        ];
    const texts = [...body.matchAll(/<text [^>]*font-size="(\d+)"([^>]*)>([^<]*)<\/text>/g)].map((t) => ({
      size: Number(t[1]),
      bold: (t[2] ?? '').includes('bold'),
      text: t[3] ?? '',
    }));
    return { title, cx, cy, hw, hh, ellipse: Boolean(ellipse), texts };
  });
}

describe('a crowded ecogram with long names', () => {
  const long = 'Annemarie van den Berg-Hoogstraten-Vermeulen';
  const svg = renderEcogram({
    householdName: 'Huishouden Van der Heijden-Bouwmeester',
    members: [{ name: 'Petra van der Heijden', isMinor: false }],
    network: Array.from({ length: 10 }, (_, i) => ({
      name: i === 0 ? long : `Buurvrouw nummer ${i}`,
      relation: i === 1 ? 'ex-schoonzus van de oudste dochter uit het eerste huwelijk' : 'buurtgenoot',
      quality: (['supportive', 'stressful', 'mixed'] as const)[i % 3]!,
      keyFigure: i === 2,
    })),
    professionals: [
      {
        name: 'Schuldhulpverlening Gemeente Voorbeeld (Stichting Schuldenvrij Midden-Nederland)',
        role: 'Ervaringsdeskundige schuldhulpverlening',
      },
      { name: 'GGZ', role: null },
      { name: 'Mw. Wmo-consulent', role: 'consulent' },
    ],
  });
  const nodes = nodesOf(svg);
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
  const [width, height] = [Number(viewBox[1]), Number(viewBox[2])];

  it('keeps every label inside its shape', () => {
    expect(nodes).toHaveLength(13);
    for (const n of nodes) {
      for (const t of n.texts) {
        const w = textWidth(t.text.replace(/&amp;/g, '&'), t.size, t.bold);
        // An ellipse holds a w × h box when w ≤ rx·√2; a rectangle when w ≤ its width.
        expect(w, `${t.text} in ${n.title}`).toBeLessThanOrEqual((n.ellipse ? n.hw * Math.SQRT2 : 2 * n.hw) + 0.5);
      }
      const textHeight = n.texts.reduce((a, t) => a + t.size + 3, 0);
      expect(textHeight).toBeLessThanOrEqual((n.ellipse ? n.hh * Math.SQRT2 : 2 * n.hh) + 0.5);
      expect(n.texts.length).toBeLessThanOrEqual(4);
    }
  });

  it('cuts off what does not fit with "…", the full text in the node\'s title and in the description', () => {
    const first = nodes.find((n) => n.title.startsWith(long))!;
    expect(first.texts.map((t) => t.text).join(' ')).not.toBe(long);
    const relation = nodes.find((n) => n.title.includes('ex-schoonzus'))!;
    expect(relation.texts.at(-1)!.text.endsWith('…')).toBe(true);
    expect(relation.title).toContain('ex-schoonzus van de oudste dochter uit het eerste huwelijk, belastend');
    expect(svg).toMatch(/<desc id="eco-desc">[^<]*ex-schoonzus van de oudste dochter uit het eerste huwelijk/);
  });

  it('places the shapes without overlap, clear of the household, inside the image', () => {
    const centre = /<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/.exec(svg)!;
    const [ccx, ccy, cr] = [Number(centre[1]), Number(centre[2]), Number(centre[3])];
    for (const [i, a] of nodes.entries()) {
      const ra = Math.hypot(a.hw, a.hh);
      expect(Math.hypot(a.cx - ccx, a.cy - ccy)).toBeGreaterThan(ra + cr);
      expect(a.cx - a.hw).toBeGreaterThanOrEqual(0);
      expect(a.cx + a.hw).toBeLessThanOrEqual(width);
      expect(a.cy - a.hh).toBeGreaterThanOrEqual(0);
      expect(a.cy + a.hh).toBeLessThanOrEqual(height - 90);
      for (const b of nodes.slice(i + 1))
        expect(Math.hypot(a.cx - b.cx, a.cy - b.cy)).toBeGreaterThan(ra + Math.hypot(b.hw, b.hh));
    }
  });

  it('wraps words onto a second line before it cuts', () => {
    expect(wrapLabel('Buurvrouw nummer 1 uit de straat', 13, 150)).toEqual({
      lines: ['Buurvrouw nummer 1', 'uit de straat'],
      truncated: false,
    });
    const cut = wrapLabel('Stichting Schuldenvrij Midden-Nederland en omstreken in de regio', 13, 150);
    expect(cut.truncated).toBe(true);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]!.endsWith('…')).toBe(true);
    for (const l of cut.lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(150);
  });
});

describe('an empty ecogram', () => {
  it('says that nothing is recorded yet instead of a blank map', () => {
    const svg = renderEcogram({
      householdName: 'Huishouden Jansen',
      members: [{ name: 'Jan Jansen', isMinor: false }],
      network: [],
      professionals: [],
    });
    expect(svg).toContain('>Nog geen netwerk of betrokken professionals vastgelegd.</text>');
    expect(svg).toContain('<desc id="eco-desc">Nog geen netwerk of betrokken professionals vastgelegd.</desc>');
    expect(svg).not.toContain('<line ');
  });
});
