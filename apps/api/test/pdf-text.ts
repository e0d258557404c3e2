// The text of a PDF made by pdfmake/pdfkit, for tests that read what a document says. pdfkit embeds subsets of the
// fonts and writes text as two-byte glyph ids (Identity-H) in Flate-compressed content streams; each font carries a
// ToUnicode map back to the characters. This reads exactly that (no general PDF parser): the objects, the fonts'
// maps, and the text operators (Tf, Tj, TJ) of the content streams, joined into the lines of the document.
import { inflateSync } from 'node:zlib';

export interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

export function objectsOf(pdf: Buffer): Map<string, PdfObject> {
  const src = pdf.toString('latin1');
  const objects = new Map<string, PdfObject>();
  const start = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(src))) {
    const from = m.index + m[0].length;
    const streamAt = src.indexOf('stream', from);
    const endAt = src.indexOf('endobj', from);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = src.slice(from, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      let dataAt = streamAt + 'stream'.length;
      if (src[dataAt] === '\r') dataAt++;
      if (src[dataAt] === '\n') dataAt++;
      const raw = pdf.subarray(dataAt, dataAt + length);
      objects.set(m[1]!, { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
      start.lastIndex = src.indexOf('endobj', dataAt + length);
    } else {
      objects.set(m[1]!, { dict: src.slice(from, endAt), stream: null });
      start.lastIndex = endAt;
    }
  }
  return objects;
}

const hexChars = (hex: string): string =>
  String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** The glyph-id → text map of a ToUnicode CMap (bfchar, and bfrange with a start value or an array). */
export function cmapOf(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(from!, 16), hexChars(to!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const first = parseInt(lo!, 16);
      const last = parseInt(hi!, 16);
      if (rest!.startsWith('[')) {
        [...rest!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach(([, to], i) => map.set(first + i, hexChars(to!)));
      } else {
        const base = parseInt(rest!.slice(1, -1), 16);
        for (let code = first; code <= last; code++) map.set(code, String.fromCodePoint(base + code - first));
      }
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const objects = objectsOf(pdf);
  // Font resource names (/F1 …) → the ToUnicode map of that font object.
  const fonts = new Map<string, Map<number, string>>();
  for (const o of objects.values()) {
    for (const [, name, ref] of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(ref!);
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict)?.[1];
      const cmap = toUnicode ? objects.get(toUnicode)?.stream : undefined;
      if (cmap) fonts.set(name!, cmapOf(cmap.toString('latin1')));
    }
  }
  const lines: string[] = [];
  for (const o of objects.values()) {
    if (!o.stream || !/\/Length/.test(o.dict) || /\/Subtype|\/Length1|\/Type \/XObject/.test(o.dict)) continue;
    const content = o.stream.toString('latin1');
    if (!content.includes('BT')) continue;
    for (const block of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let font: Map<number, string> | undefined;
      let line = '';
      for (const op of block[1]!.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|(\[[^\]]*\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
        if (op[1]) font = fonts.get(op[1]);
        const hexes = op[2]
          ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!)
          : op[3] !== undefined
            ? [op[3]]
            : [];
        for (const hex of hexes) for (const g of hex.match(/.{4}/g) ?? []) line += font?.get(parseInt(g, 16)) ?? '';
      }
      // pdfkit writes a word per text object, with its trailing space: a word without one ends the line.
      const last = lines.at(-1);
      if (last?.endsWith(' ')) lines[lines.length - 1] = last + line;
      else lines.push(line);
    }
  }
  return lines.join('\n');
}
