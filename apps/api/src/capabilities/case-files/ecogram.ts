/**
 * The ecogram (network map) as SVG, drawn from the recorded data: the household in the centre, the
 * network and the professionals around it. The kind of relation shows in the line (solid = supportive,
 * dashed = stressful, dotted = mixed) and in text, so it does not rely on colour; key figures are bold.
 * A legend under the map explains the lines and shapes (also on paper).
 *
 * Labels never overflow their shapes: each label is wrapped to at most two lines of a measured width (an
 * estimate of Arial's advance widths, on the safe side), cut off with "…" beyond that — the full text then is
 * the node's <title> and is in the image's description — and each shape is sized to its text. The nodes stand
 * on one ring around the household whose radius is chosen so that neighbouring shapes never touch; no layout
 * library is needed for one ring (ADR 0041).
 */
export interface EcogramData {
  householdName: string;
  members: Array<{ name: string; isMinor: boolean | null }>;
  network: Array<{ name: string; relation: string; quality: 'supportive' | 'stressful' | 'mixed'; keyFigure: boolean }>;
  professionals: Array<{ name: string; role: string | null }>;
}

const QUALITY_LABEL = { supportive: 'steunend', stressful: 'belastend', mixed: 'wisselend' } as const;
const DASH = { supportive: '', stressful: '10 6', mixed: '2 5' } as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f1 = (n: number) => n.toFixed(1);

/**
 * The width of a text in Arial (or a metric-compatible font such as Liberation Sans) at a font size, in pixels:
 * advance widths per kind of character in em, rounded up, plus 5 %, so the real text is never wider.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if ("ijlI.,:;!|'`".includes(ch)) em += 0.28;
    else if (ch === ' ' || 'ftr()[]-/'.includes(ch)) em += 0.34;
    else if ('mwMW@'.includes(ch)) em += 0.95;
    else if (/[0-9]/.test(ch)) em += 0.56;
    else if (/\p{Lu}/u.test(ch)) em += 0.73;
    else if (/\p{Ll}/u.test(ch)) em += 0.57;
    else em += 0.62;
  }
  return em * fontSize * (bold ? 1.1 : 1) * 1.05;
}

/** A label wrapped into at most `maxLines` lines of at most `maxWidth` pixels; "…" ends a label that did not fit. */
export function wrapLabel(
  text: string,
  fontSize: number,
  maxWidth: number,
  maxLines = 2,
  bold = false,
): { lines: string[]; truncated: boolean } {
  const fits = (s: string) => textWidth(s, fontSize, bold) <= maxWidth;
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i] ?? '';
    i++;
    // A single word wider than the line is cut at the character that still fits.
    if (!fits(line)) {
      let cut = line;
      while (cut.length > 1 && !fits(`${cut}…`)) cut = cut.slice(0, -1);
      lines.push(`${cut}…`);
      return { lines, truncated: true };
    }
    while (i < words.length && fits(`${line} ${words[i] ?? ''}`)) {
      line = `${line} ${words[i] ?? ''}`;
      i++;
    }
    lines.push(line);
  }
  if (i >= words.length) return { lines, truncated: false };
  // More words than lines: the last line ends in "…" and still fits.
  let last = `${lines.pop() ?? ''} ${words[i] ?? ''}`;
  while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1);
  lines.push(`${last.trimEnd()}…`);
  return { lines, truncated: true };
}

const NAME_SIZE = 13;
const SUB_SIZE = 11;
const LINE_GAP = 3;
const MAX_TEXT_WIDTH = 150;
const PAD_X = 12;
const PAD_Y = 8;
const GAP = 16;

interface Node {
  name: { lines: string[]; truncated: boolean };
  sub: { lines: string[]; truncated: boolean };
  full: string;
  dash: string;
  bold: boolean;
  professional: boolean;
  /** The text block and the shape around it. */
  textW: number;
  textH: number;
  halfW: number;
  halfH: number;
}

function node(label: string, sub: string, dash: string, bold: boolean, professional: boolean): Node {
  const name = wrapLabel(label, NAME_SIZE, MAX_TEXT_WIDTH, 2, bold);
  const subLines = wrapLabel(sub, SUB_SIZE, MAX_TEXT_WIDTH, 2);
  const textW = Math.max(
    ...name.lines.map((l) => textWidth(l, NAME_SIZE, bold)),
    ...subLines.lines.map((l) => textWidth(l, SUB_SIZE)),
    40,
  );
  const textH = name.lines.length * (NAME_SIZE + LINE_GAP) + subLines.lines.length * (SUB_SIZE + LINE_GAP);
  // A rectangle gets padding; an ellipse holding a w × h box needs half-axes of w/√2 and h/√2.
  const halfW = professional ? textW / 2 + PAD_X : (textW / 2 + PAD_X / 2) * Math.SQRT2;
  const halfH = professional ? textH / 2 + PAD_Y : (textH / 2 + PAD_Y / 2) * Math.SQRT2;
  return { name, sub: subLines, full: `${label} — ${sub}`, dash, bold, professional, textW, textH, halfW, halfH };
}

/** The lines of text of a node, centred on (x, y), as SVG <text> elements. */
function nodeText(n: Node, x: number, y: number): string[] {
  const out: string[] = [];
  let ty = y - n.textH / 2;
  for (const line of n.name.lines) {
    ty += NAME_SIZE;
    out.push(
      `<text x="${f1(x)}" y="${f1(ty)}" text-anchor="middle" font-size="${NAME_SIZE}"${n.bold ? ' font-weight="bold"' : ''}>${esc(line)}</text>`,
    );
    ty += LINE_GAP;
  }
  for (const line of n.sub.lines) {
    ty += SUB_SIZE;
    out.push(
      `<text x="${f1(x)}" y="${f1(ty)}" text-anchor="middle" font-size="${SUB_SIZE}" fill="#333333">${esc(line)}</text>`,
    );
    ty += LINE_GAP;
  }
  return out;
}

const LEGEND = [
  { dash: DASH.supportive, width: 2, text: 'steunend' },
  { dash: DASH.stressful, width: 2, text: 'belastend' },
  { dash: DASH.mixed, width: 2, text: 'wisselend' },
  { dash: '', width: 4, text: 'dik: sleutelfiguur' },
] as const;

/** The legend: the three kinds of line, the thick line, and the two shapes. */
function legend(x: number, y: number, width: number): string[] {
  const out = [
    `<g class="ecogram-legend">`,
    `<text x="${x}" y="${y + 14}" font-size="13" font-weight="bold">Legenda</text>`,
  ];
  const colW = Math.max(160, Math.floor(width / 4));
  LEGEND.forEach((l, i) => {
    const lx = x + (i % 4) * colW;
    const ly = y + 36;
    out.push(
      `<line x1="${lx}" y1="${ly}" x2="${lx + 44}" y2="${ly}" stroke="#1c3d5a" stroke-width="${l.width}"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>`,
      `<text x="${lx + 52}" y="${ly + 4}" font-size="12">${esc(l.text)}</text>`,
    );
  });
  const sy = y + 66;
  out.push(
    `<ellipse cx="${x + 22}" cy="${sy}" rx="20" ry="9" fill="#ffffff" stroke="#1c3d5a" stroke-width="1.5"/>`,
    `<text x="${x + 52}" y="${sy + 4}" font-size="12">persoon uit het netwerk</text>`,
    `<rect x="${x + colW * 2}" y="${sy - 9}" width="44" height="18" rx="3" fill="#eef3f8" stroke="#1c3d5a"/>`,
    `<text x="${x + colW * 2 + 52}" y="${sy + 4}" font-size="12">professional</text>`,
    `</g>`,
  );
  return out;
}

const LEGEND_HEIGHT = 90;

export function renderEcogram(d: EcogramData): string {
  const nodes = [
    ...d.network.map((n) =>
      node(n.name, `${n.relation}, ${QUALITY_LABEL[n.quality]}`, DASH[n.quality], n.keyFigure, false),
    ),
    ...d.professionals.map((p) => node(p.name, p.role ?? 'professional', '', false, true)),
  ];

  // The household in the centre: its name and members, in a circle around their text.
  const householdName = wrapLabel(d.householdName, 15, 200, 2, true);
  const memberLines = d.members.map(
    (m) => wrapLabel(`${m.name}${m.isMinor ? ' (kind)' : ''}`, 12, 200, 1).lines[0] ?? '',
  );
  const centreTextW = Math.max(
    ...householdName.lines.map((l) => textWidth(l, 15, true)),
    ...memberLines.map((l) => textWidth(l, 12)),
    60,
  );
  const centreTextH = householdName.lines.length * 18 + memberLines.length * 15;
  const centreR = Math.max(86, Math.hypot(centreTextW / 2, centreTextH / 2) + 10);

  // One ring: neighbours at least the widest shape (plus a gap) apart, and clear of the centre circle.
  // Every shape lies within the circle of its half-diagonal; circles that do not meet hold shapes that do not meet.
  const maxHalfW = Math.max(0, ...nodes.map((n) => n.halfW));
  const maxHalfH = Math.max(0, ...nodes.map((n) => n.halfH));
  const maxReach = Math.max(0, ...nodes.map((n) => Math.hypot(n.halfW, n.halfH)));
  const chordNeeded = 2 * maxReach + GAP;
  const ringForChord = nodes.length > 1 ? chordNeeded / (2 * Math.sin(Math.PI / nodes.length)) : 0;
  const radius = Math.max(260, ringForChord, centreR + maxReach + GAP + 20);
  const mapHalf = nodes.length > 0 ? radius + maxHalfW + GAP : centreR + GAP;
  const width = Math.max(720, Math.ceil(2 * mapHalf));
  const mapHeight = Math.max(nodes.length > 0 ? 720 : 2 * centreR + 80, Math.ceil(2 * (radius + maxHalfH + GAP)));
  const cx = width / 2;
  const cy = mapHeight / 2;
  const height = mapHeight + LEGEND_HEIGHT;

  const lines: string[] = [];
  const shapes: string[] = [];
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
    const x = cx + radius * Math.cos(angle);
    const y = cy + radius * Math.sin(angle);
    lines.push(
      `<line x1="${f1(cx)}" y1="${f1(cy)}" x2="${f1(x)}" y2="${f1(y)}" stroke="#1c3d5a" stroke-width="${n.bold ? 4 : 2}"${n.dash ? ` stroke-dasharray="${n.dash}"` : ''}/>`,
    );
    shapes.push(
      `<g class="ecogram-node" data-text-width="${f1(n.textW)}" data-shape-width="${f1(2 * n.halfW)}">`,
      `<title>${esc(n.full)}</title>`,
      n.professional
        ? `<rect x="${f1(x - n.halfW)}" y="${f1(y - n.halfH)}" width="${f1(2 * n.halfW)}" height="${f1(2 * n.halfH)}" rx="4" fill="#eef3f8" stroke="#1c3d5a"/>`
        : `<ellipse cx="${f1(x)}" cy="${f1(y)}" rx="${f1(n.halfW)}" ry="${f1(n.halfH)}" fill="#ffffff" stroke="#1c3d5a" stroke-width="${n.bold ? 3 : 1.5}"/>`,
      ...nodeText(n, x, y),
      `</g>`,
    );
  });

  const centre: string[] = [
    `<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(centreR)}" fill="#fff7d6" stroke="#1c3d5a" stroke-width="3"/>`,
  ];
  let ty = cy - centreTextH / 2;
  for (const l of householdName.lines) {
    ty += 15;
    centre.push(
      `<text x="${f1(cx)}" y="${f1(ty)}" text-anchor="middle" font-size="15" font-weight="bold">${esc(l)}</text>`,
    );
    ty += 3;
  }
  for (const l of memberLines) {
    ty += 12;
    centre.push(`<text x="${f1(cx)}" y="${f1(ty)}" text-anchor="middle" font-size="12">${esc(l)}</text>`);
    ty += 3;
  }

  const empty = nodes.length === 0;
  const title = `Ecogram van ${d.householdName}`;
  const who = [
    ...d.network.map(
      (n) => `${n.name} (${n.relation}, ${QUALITY_LABEL[n.quality]}${n.keyFigure ? ', sleutelfiguur' : ''})`,
    ),
    ...d.professionals.map((p) => `${p.name}${p.role ? ` (${p.role})` : ''}`),
  ];
  const desc = empty
    ? 'Nog geen netwerk of betrokken professionals vastgelegd.'
    : `${d.network.length} personen uit het netwerk en ${d.professionals.length} professionals rond het huishouden: ${who.join('; ')}. Doorgetrokken lijn: steunend; gestreept: belastend; gestippeld: wisselend; dik: sleutelfiguur.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="eco-title eco-desc" font-family="Arial, 'Liberation Sans', sans-serif">`,
    `<title id="eco-title">${esc(title)}</title>`,
    `<desc id="eco-desc">${esc(desc)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...lines,
    ...shapes,
    ...centre,
    ...(empty
      ? [
          `<text x="${f1(cx)}" y="${f1(cy + centreR + 40)}" text-anchor="middle" font-size="14">Nog geen netwerk of betrokken professionals vastgelegd.</text>`,
        ]
      : legend(24, mapHeight, width - 48)),
    `</svg>`,
  ].join('\n');
}
