/**
 * The ecogram (network map) as SVG, drawn from the recorded data: the household in the centre, the
 * network and the professionals around it. The kind of relation shows in the line (solid = supportive,
 * dashed = stressful, dotted = mixed) and in text, so it does not rely on colour; key figures are bold.
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

export function renderEcogram(d: EcogramData): string {
  const size = 720;
  const c = size / 2;
  const nodes = [
    ...d.network.map((n) => ({ label: n.name, sub: `${n.relation}, ${QUALITY_LABEL[n.quality]}`, dash: DASH[n.quality], bold: n.keyFigure, professional: false })),
    ...d.professionals.map((p) => ({ label: p.name, sub: p.role ?? 'professional', dash: '', bold: false, professional: true })),
  ];
  const radius = 260;
  const parts: string[] = [];
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
    const x = c + radius * Math.cos(angle);
    const y = c + radius * Math.sin(angle);
    parts.push(
      `<line x1="${c}" y1="${c}" x2="${x.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#1c3d5a" stroke-width="${n.bold ? 4 : 2}"${n.dash ? ` stroke-dasharray="${n.dash}"` : ''}/>`,
      n.professional
        ? `<rect x="${(x - 70).toFixed(1)}" y="${(y - 24).toFixed(1)}" width="140" height="48" rx="4" fill="#eef3f8" stroke="#1c3d5a"/>`
        : `<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="72" ry="26" fill="#ffffff" stroke="#1c3d5a" stroke-width="${n.bold ? 3 : 1.5}"/>`,
      `<text x="${x.toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle" font-size="13"${n.bold ? ' font-weight="bold"' : ''}>${esc(n.label)}</text>`,
      `<text x="${x.toFixed(1)}" y="${(y + 13).toFixed(1)}" text-anchor="middle" font-size="11" fill="#333333">${esc(n.sub)}</text>`,
    );
  });
  const memberLines = d.members.map((m, i) => `<tspan x="${c}" dy="${i === 0 ? 0 : 15}">${esc(m.name)}${m.isMinor ? ' (kind)' : ''}</tspan>`).join('');
  const title = `Ecogram van ${d.householdName}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-labelledby="eco-title eco-desc" font-family="Arial, sans-serif">`,
    `<title id="eco-title">${esc(title)}</title>`,
    `<desc id="eco-desc">${esc(`${d.network.length} personen uit het netwerk en ${d.professionals.length} professionals rond het huishouden. Doorgetrokken lijn: steunend; gestreept: belastend; gestippeld: wisselend; dik: sleutelfiguur.`)}</desc>`,
    `<rect width="${size}" height="${size}" fill="#ffffff"/>`,
    ...parts,
    `<circle cx="${c}" cy="${c}" r="86" fill="#fff7d6" stroke="#1c3d5a" stroke-width="3"/>`,
    `<text x="${c}" y="${c - 8 - d.members.length * 7}" text-anchor="middle" font-size="15" font-weight="bold">${esc(d.householdName)}</text>`,
    `<text x="${c}" y="${c + 12 - d.members.length * 7}" text-anchor="middle" font-size="12">${memberLines}</text>`,
    `</svg>`,
  ].join('\n');
}
