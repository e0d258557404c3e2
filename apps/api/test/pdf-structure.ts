// A structural check of the accessible PDFs (PDF/UA-1, ADR 0053) for the tests: the catalog (language, marked,
// structure tree, the viewer showing the title), the XMP metadata (title, PDF/UA identification), the fonts
// (embedded), and the structure tree in order with the text of each element — read from the marked content of the
// pages. Like pdf-text.ts it reads exactly what pdfkit writes (uncompressed objects, Flate content streams,
// Identity-H text with ToUnicode maps); it is no general PDF parser and no replacement for veraPDF.
import { cmapOf, objectsOf, type PdfObject } from './pdf-text';

export interface StructElement {
  type: string;
  /** The element's own text (its marked content), whitespace collapsed. */
  text: string;
  depth: number;
}

export interface PdfStructure {
  lang: string | null;
  marked: boolean;
  displayDocTitle: boolean;
  hasStructTreeRoot: boolean;
  infoHasTitle: boolean;
  xmpTitle: string | null;
  pdfuaPart: number | null;
  /** Every font has its font program embedded (no unembedded standard fonts). */
  fontsEmbedded: boolean;
  /** The structure tree, depth first: the order a screen reader reads. */
  elements: StructElement[];
  /** Text shown outside any marked content (must be empty in a tagged PDF). */
  unmarkedText: string[];
  /** Text in artifacts (page header and footer). */
  artifactText: string[];
}

const ref = (dict: string, key: string): string | undefined => new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];

export function readPdfStructure(pdf: Buffer): PdfStructure {
  const objects = objectsOf(pdf);
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog\b/.test(o.dict));
  if (!catalog) throw new Error('no catalog');
  const get = (id: string | undefined): PdfObject | undefined => (id ? objects.get(id) : undefined);

  // Fonts: resource names → ToUnicode maps (pdfkit names fonts per document: /F1, /F2 …).
  const fonts = new Map<string, Map<number, string>>();
  for (const o of objects.values()) {
    for (const [, name, id] of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = get(ref(get(id)?.dict ?? '', 'ToUnicode'));
      if (toUnicode?.stream) fonts.set(name!, cmapOf(toUnicode.stream.toString('latin1')));
    }
  }
  let fontsEmbedded = true;
  for (const o of objects.values()) {
    if (!/\/Type \/Font\b/.test(o.dict) || /\/Subtype \/Type0/.test(o.dict)) continue;
    const descriptor = get(ref(o.dict, 'FontDescriptor'));
    if (!descriptor || !/\/FontFile[23]? \d+ 0 R/.test(descriptor.dict)) fontsEmbedded = false;
  }

  // Marked content per page: MCID → text; and the text outside marked content or in artifacts.
  const mcidText = new Map<string, Map<number, string>>();
  const unmarkedText: string[] = [];
  const artifactText: string[] = [];
  for (const [pageId, page] of objects) {
    if (!/\/Type \/Page\b/.test(page.dict)) continue;
    const perMcid = new Map<number, string>();
    mcidText.set(pageId, perMcid);
    const contents = get(ref(page.dict, 'Contents'))?.stream?.toString('latin1') ?? '';
    const stack: Array<{ tag: string; mcid: number | null }> = [];
    let font: Map<number, string> | undefined;
    const ops =
      /\/(\w+)\s*<<([\s\S]*?)>>\s*BDC|\/(\w+)\s+BMC|\bEMC\b|\bBT\b|\/(F\d+)\s+[\d.]+\s+Tf|(\[[^\]]*\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (const op of contents.matchAll(ops)) {
      if (op[1]) {
        const mcid = /\/MCID (\d+)/.exec(op[2]!)?.[1];
        stack.push({ tag: op[1], mcid: mcid === undefined ? null : Number(mcid) });
      } else if (op[3]) stack.push({ tag: op[3], mcid: null });
      else if (op[0] === 'EMC') stack.pop();
      else if (op[0] === 'BT') continue;
      else if (op[4]) font = fonts.get(op[4]);
      else {
        const hexes = op[5] ? [...op[5].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[6]!];
        let text = '';
        for (const hex of hexes) for (const g of hex.match(/.{4}/g) ?? []) text += font?.get(parseInt(g, 16)) ?? '';
        if (!text.trim()) continue;
        if (stack.some((m) => m.tag === 'Artifact')) artifactText.push(text);
        else {
          const owner = [...stack].reverse().find((m) => m.mcid !== null);
          if (!owner) unmarkedText.push(text);
          else perMcid.set(owner.mcid!, `${perMcid.get(owner.mcid!) ?? ''} ${text}`);
        }
      }
    }
  }

  // The structure tree, depth first.
  const elements: StructElement[] = [];
  const kidsOf = (dict: string): string => {
    const array = /\/K \[([\s\S]*?)\]\s*(?:\/|>>)/.exec(dict);
    if (array) return array[1]!;
    return /\/K (\d+ 0 R|\d+)/.exec(dict)?.[1] ?? '';
  };
  const visit = (id: string, depth: number) => {
    const el = get(id);
    if (!el) return;
    const type = /\/S \/(\w+)/.exec(el.dict)?.[1] ?? '?';
    // The element's own page (an MCR in its /K names another page: those are left out first).
    const page = ref(el.dict.replace(/\/K \[[\s\S]*?\]/, ''), 'Pg');
    const entry: StructElement = { type, text: '', depth };
    elements.push(entry);
    const texts: string[] = [];
    for (const kid of kidsOf(el.dict).matchAll(/<<([\s\S]*?)>>|(\d+) 0 R|(\d+)/g)) {
      if (kid[1] !== undefined) {
        const mcid = /\/MCID (\d+)/.exec(kid[1])?.[1];
        const pg = ref(kid[1], 'Pg');
        if (mcid !== undefined && pg) texts.push(mcidText.get(pg)?.get(Number(mcid)) ?? '');
      } else if (kid[2]) visit(kid[2], depth + 1);
      else if (kid[3] !== undefined && page) texts.push(mcidText.get(page)?.get(Number(kid[3])) ?? '');
    }
    entry.text = texts.join(' ').replace(/\s+/g, ' ').trim();
  };
  const root = get(ref(catalog.dict, 'StructTreeRoot'));
  if (root) for (const kid of kidsOf(root.dict).matchAll(/(\d+) 0 R/g)) visit(kid[1]!, 0);

  const xmp = get(ref(catalog.dict, 'Metadata'))?.stream?.toString('utf8') ?? '';
  const trailerInfo = /\/Info (\d+) 0 R/.exec(
    pdf.toString('latin1').slice(pdf.toString('latin1').lastIndexOf('trailer')),
  )?.[1];
  return {
    lang: /\/Lang \(([^)]*)\)/.exec(catalog.dict)?.[1] ?? null,
    marked: /\/Marked true/.test(get(ref(catalog.dict, 'MarkInfo'))?.dict ?? ''),
    displayDocTitle: /\/DisplayDocTitle true/.test(get(ref(catalog.dict, 'ViewerPreferences'))?.dict ?? ''),
    hasStructTreeRoot: Boolean(root && /\/Type \/StructTreeRoot/.test(root.dict)),
    infoHasTitle: /\/Title \d+ 0 R|\/Title \(/.test(get(trailerInfo)?.dict ?? ''),
    xmpTitle: /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(xmp)?.[1]?.trim() ?? null,
    pdfuaPart: Number(/<pdfuaid:part>(\d+)<\/pdfuaid:part>/.exec(xmp)?.[1] ?? NaN) || null,
    fontsEmbedded,
    elements,
    unmarkedText,
    artifactText,
  };
}

/**
 * The common PDF/UA checks in one assertion-friendly summary: what must hold for every accessible document.
 * Returns the problems found (an empty list when the document passes).
 */
export function accessibilityProblems(s: PdfStructure, title: string): string[] {
  const problems: string[] = [];
  if (s.lang !== 'nl-NL') problems.push(`catalog /Lang is ${s.lang}`);
  if (!s.marked) problems.push('no /MarkInfo <</Marked true>>');
  if (!s.hasStructTreeRoot) problems.push('no /StructTreeRoot');
  if (!s.displayDocTitle) problems.push('no /ViewerPreferences /DisplayDocTitle true');
  if (!s.infoHasTitle) problems.push('no Title in the Info dictionary');
  if (s.xmpTitle !== title) problems.push(`XMP dc:title is ${s.xmpTitle}`);
  if (s.pdfuaPart !== 1) problems.push('no pdfuaid:part 1 in the XMP metadata');
  if (!s.fontsEmbedded) problems.push('a font is not embedded');
  if (s.unmarkedText.length) problems.push(`text outside marked content: ${s.unmarkedText.slice(0, 3).join(' | ')}`);
  if (s.elements[0]?.type !== 'Document') problems.push('the structure tree does not start with Document');
  const headings = s.elements.filter((e) => /^H\d$/.test(e.type)).map((e) => Number(e.type.slice(1)));
  if (headings[0] !== 1) problems.push('the first heading is not an H1');
  headings.forEach((h, i) => {
    if (i > 0 && h > headings[i - 1]! + 1) problems.push(`heading level skipped: H${headings[i - 1]} → H${h}`);
  });
  const empty = s.elements.filter((e) => ['H1', 'H2', 'H3', 'P', 'LBody', 'TH', 'TD'].includes(e.type) && !e.text);
  if (empty.length) problems.push(`elements without text: ${empty.map((e) => e.type).join(', ')}`);
  return problems;
}

/** The position of the first element of `type` whose text contains `text` (−1 when there is none). */
export const indexOfElement = (s: PdfStructure, type: string, text: string): number =>
  s.elements.findIndex((e) => e.type === type && e.text.includes(text));
