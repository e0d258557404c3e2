// pdfmake, for the internal documents only (minutes of the intake meeting, the management-information report).
// What residents and referrers receive is an accessible PDF made by ./documents (ADR 0053).
import { createRequire } from 'node:module';
import path from 'node:path';

/** The part of pdfmake 0.3 we use (the package ships no type declarations for 0.3). */
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (file: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as PdfMake;
const fonts = require('pdfmake/fonts/Roboto.js') as Record<string, Record<string, string>>;
const fontDir = path.dirname(require.resolve('pdfmake/fonts/Roboto.js'));
pdfmake.setFonts(fonts);
// No remote images or files (CVE-2026-26801); only the bundled fonts may be read.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir));

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
export const formatDutchDate = (d: Date): string => dateFormat.format(d);

const styles = {
  sender: { fontSize: 13, bold: true, color: '#1c3d5a' },
  small: { fontSize: 9, color: '#444444' },
  subject: { fontSize: 12, bold: true, margin: [0, 24, 0, 12] },
  h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
  h2: { fontSize: 12, bold: true, margin: [0, 14, 0, 4] },
};

export interface MinutesPdf {
  municipality: string;
  team: string;
  date: string;
  chair: string;
  participants: string[];
  /** Per referral; `language`: the household's language and need of an interpreter (issue #17 item 10). */
  items: Array<{
    reference: string;
    residents: string;
    language?: string;
    triage: string | null;
    decision: string | null;
    reasoning: string | null;
  }>;
}

/** Minutes of an intake meeting: who took part, and per referral the triage and the core decision. */
export async function renderMinutesPdf(m: MinutesPdf): Promise<Buffer> {
  const doc = {
    info: { title: `Verslag aanmeldoverleg ${m.team} ${m.date}`, author: m.municipality },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles,
    footer: (page: number, pages: number) => ({
      text: `Vertrouwelijk · pagina ${page} van ${pages}`,
      style: 'small',
      alignment: 'center',
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: `Verslag aanmeldoverleg ${m.team}`, style: 'h1' },
      { text: `${m.municipality} · ${m.date} · voorzitter: ${m.chair}`, style: 'small' },
      { text: 'Aanwezig', style: 'h2' },
      { ul: m.participants.length ? m.participants : ['(geen deelnemers vastgelegd)'] },
      { text: 'Besproken aanmeldingen', style: 'h2' },
      ...m.items.flatMap((i) => [
        { text: `${i.reference} — ${i.residents}`, bold: true, margin: [0, 8, 0, 2] },
        ...(i.language ? [{ text: `Taal en tolk: ${i.language}`, margin: [0, 0, 0, 2] }] : []),
        { text: `Triage: ${i.triage ?? 'nog niet vastgelegd'}`, margin: [0, 0, 0, 2] },
        { text: `Kernbesluit: ${i.decision ?? 'nog niet genomen'}`, margin: [0, 0, 0, 2] },
        ...(i.reasoning ? [{ text: `Onderbouwing: ${i.reasoning}`, margin: [0, 0, 0, 2] }] : []),
      ]),
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}

/** Renders a pdfmake document definition (Roboto, bundled fonts only) for capabilities with their own layout. */
export async function renderDocumentPdf(doc: object): Promise<Buffer> {
  return pdfmake.createPdf({ defaultStyle: { font: 'Roboto' }, ...doc }).getBuffer();
}
