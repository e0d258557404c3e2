import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Accessible PDFs (PDF/UA-1, ADR 0053) for what residents and referrers receive: the plan, the letters and the
 * inspection copy. One small layer over pdfkit that writes a tagged PDF: a structure tree (Document, H1–H3, P, L/LI
 * with Lbl and LBody, Table/TR/TH/TD), every text inside marked content that belongs to its structure element,
 * rules and the page header and footer as artifacts, the language (nl-NL) and the title in the catalog and the
 * XMP metadata, the title shown by the viewer, and the fonts embedded (Roboto, the fonts pdfmake ships). The
 * document is written top to bottom, so the structure order is the reading order.
 */

export type Block =
  | { type: 'h1' | 'h2' | 'h3'; text: string }
  | { type: 'p'; text: string; style?: 'small' | 'strong' | 'notice' }
  /** Lines of one paragraph (an address block): one P, a line each. */
  | { type: 'lines'; lines: string[]; style?: 'small' | 'strong' }
  | { type: 'list'; items: string[] }
  /** A label and its value per row: a table with the labels as row headers. */
  | { type: 'fields'; rows: Array<readonly [string, string]> }
  /** A table with column headers; `widths` in parts of the text width (default equal). */
  | { type: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  | { type: 'pageBreak' };

export interface AccessibleDocument {
  title: string;
  author?: string;
  subject?: string;
  /** The line at the bottom of every page (an artifact: a screen reader skips it). */
  footer: (page: number, pages: number) => string;
  blocks: Block[];
}

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');
const FONT = { regular: path.join(fontDir, 'Roboto-Regular.ttf'), bold: path.join(fontDir, 'Roboto-Medium.ttf') };

const MARGIN = { top: 56, bottom: 70, left: 60, right: 60 };
const BODY_SIZE = 10.5;
const TEXT = '#1a1a1a';
const ACCENT = '#1c3d5a';
const MUTED = '#444444';
const RULE = '#b4b4b4';
const HEADING: Record<'h1' | 'h2' | 'h3', { size: number; before: number; after: number; color: string }> = {
  h1: { size: 18, before: 0, after: 6, color: ACCENT },
  h2: { size: 13.5, before: 14, after: 5, color: ACCENT },
  h3: { size: 11.5, before: 8, after: 3, color: TEXT },
};

/**
 * pdfkit writes the title into the XMP metadata without escaping it; a name with `&` or `<` would make the metadata
 * invalid XML. The title gets the same words without those characters.
 */
const safeTitle = (title: string) => title.replace(/&/g, 'en').replace(/[<>]/g, '').replace(/\s+/g, ' ').trim();

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

class Writer {
  readonly doc: Doc;
  private readonly root: Struct;
  private readonly width: number;

  constructor(d: AccessibleDocument) {
    // The type declarations (0.17) do not know the PDF/UA subset that pdfkit 0.18 supports.
    const options = {
      size: 'A4',
      margins: MARGIN,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'nl-NL',
      displayTitle: true,
      subset: 'PDF/UA',
      bufferPages: true,
      font: FONT.regular,
      info: {
        Title: safeTitle(d.title),
        ...(d.author ? { Author: safeTitle(d.author) } : {}),
        ...(d.subject ? { Subject: safeTitle(d.subject) } : {}),
      },
    };
    this.doc = new PDFDocument(options as unknown as ConstructorParameters<typeof PDFDocument>[0]);
    this.doc.registerFont('regular', FONT.regular);
    this.doc.registerFont('bold', FONT.bold);
    this.doc.font('regular').fontSize(BODY_SIZE).fillColor(TEXT);
    this.width = this.doc.page.width - MARGIN.left - MARGIN.right;
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  /** One structure element whose content is what `draw` writes (inside its marked content). */
  private element(parent: Struct, type: string, draw: () => void): Struct {
    const el = this.doc.struct(type);
    parent.add(el);
    el.add(draw);
    el.end();
    return el;
  }

  /** Something seen but not read: a rule or a bullet's place holder (outside every element's marked content). */
  private artifact(draw: () => void) {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  private get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }

  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom && this.doc.y > MARGIN.top + 1) this.doc.addPage();
  }

  private textStyle(style: 'small' | 'strong' | 'notice' | undefined) {
    const size = style === 'small' ? 9 : style === 'notice' ? 11.5 : BODY_SIZE;
    const font = style === 'strong' || style === 'notice' ? 'bold' : 'regular';
    const color = style === 'small' ? MUTED : style === 'notice' ? '#a4000f' : TEXT;
    return { size, font, color };
  }

  block(b: Block) {
    const doc = this.doc;
    switch (b.type) {
      case 'h1':
      case 'h2':
      case 'h3': {
        const h = HEADING[b.type];
        doc.font('bold').fontSize(h.size);
        // A heading never stays alone at the bottom of a page: room for it and the first lines after it.
        this.ensureSpace(h.before + doc.heightOfString(b.text, { width: this.width }) + 5 * BODY_SIZE * 1.3);
        if (doc.y > MARGIN.top + 1) doc.y += h.before;
        this.element(this.root, b.type.toUpperCase(), () => {
          doc.fillColor(h.color).text(b.text, MARGIN.left, doc.y, { width: this.width, lineGap: 1 });
        });
        doc.y += h.after;
        break;
      }
      case 'p':
      case 'lines': {
        const s = this.textStyle(b.style);
        const text = b.type === 'p' ? b.text : b.lines.filter(Boolean).join('\n');
        if (!text.trim()) return;
        doc.font(s.font).fontSize(s.size);
        this.ensureSpace(s.size * 1.4);
        this.element(this.root, 'P', () => {
          doc.fillColor(s.color).text(text, MARGIN.left, doc.y, { width: this.width, lineGap: 2 });
        });
        doc.y += 6;
        break;
      }
      case 'list': {
        if (b.items.length === 0) return;
        const list = doc.struct('L');
        this.root.add(list);
        const indent = 16;
        for (const item of b.items) {
          doc.font('regular').fontSize(BODY_SIZE);
          this.ensureSpace(BODY_SIZE * 1.4);
          const li = doc.struct('LI');
          list.add(li);
          const top = doc.y;
          this.element(li, 'Lbl', () => {
            doc.fillColor(TEXT).text('•', MARGIN.left + 4, top, { width: indent, lineBreak: false });
          });
          this.element(li, 'LBody', () => {
            doc.fillColor(TEXT).text(item, MARGIN.left + indent, top, { width: this.width - indent, lineGap: 2 });
          });
          li.end();
          doc.y += 3;
        }
        list.end();
        doc.y += 4;
        break;
      }
      case 'fields':
        if (b.rows.length === 0) return;
        this.table(
          null,
          b.rows.map(([label, value]) => [label, value]),
          [0.32, 0.68],
          true,
        );
        break;
      case 'table':
        this.table(b.header, b.rows, b.widths, false);
        break;
      case 'pageBreak':
        doc.addPage();
        break;
    }
  }

  /**
   * A table: column headers (TH, scope Column) or, for label/value rows, row headers (TH, scope Row). A row that
   * does not fit goes to the next page; a row higher than a page is written cell under cell, so nothing is cut off.
   */
  private table(header: string[] | null, rows: string[][], widths: number[] | undefined, rowHeaders: boolean) {
    const doc = this.doc;
    const columns = (header ?? rows[0] ?? []).length;
    if (columns === 0) return;
    const parts = widths ?? Array.from({ length: columns }, () => 1 / columns);
    const sum = parts.reduce((a, w) => a + w, 0);
    const colWidth = parts.map((w) => (w / sum) * this.width);
    const colX = colWidth.map((_, i) => MARGIN.left + colWidth.slice(0, i).reduce((a, w) => a + w, 0));
    const pad = 4;
    const table = doc.struct('Table');
    this.root.add(table);

    const cellHeight = (text: string, i: number, bold: boolean) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(BODY_SIZE);
      return doc.heightOfString(text || ' ', { width: colWidth[i]! - 2 * pad, lineGap: 1 });
    };
    const rule = (y: number) =>
      this.artifact(() => {
        doc
          .moveTo(MARGIN.left, y)
          .lineTo(MARGIN.left + this.width, y)
          .lineWidth(0.5)
          .strokeColor(RULE)
          .stroke();
      });
    const writeRow = (cells: string[], kind: 'head' | 'body') => {
      const height = Math.max(...cells.map((c, i) => cellHeight(c, i, kind === 'head' || (rowHeaders && i === 0))));
      const full = this.bottom - MARGIN.top;
      const tr = doc.struct('TR');
      table.add(tr);
      if (height + 2 * pad <= full) {
        this.ensureSpace(height + 2 * pad);
        const top = doc.y;
        cells.forEach((text, i) => {
          const isHeader = kind === 'head' || (rowHeaders && i === 0);
          this.cell(tr, isHeader, kind === 'head' ? 'Column' : 'Row', () => {
            doc
              .font(isHeader ? 'bold' : 'regular')
              .fontSize(BODY_SIZE)
              .fillColor(TEXT)
              .text(text, colX[i]! + pad, top + pad, { width: colWidth[i]! - 2 * pad, lineGap: 1 });
          });
        });
        doc.y = top + height + 2 * pad;
      } else {
        // Higher than a page: each cell under the previous one, over the full width, flowing over the pages.
        cells.forEach((text, i) => {
          const isHeader = kind === 'head' || (rowHeaders && i === 0);
          this.cell(tr, isHeader, kind === 'head' ? 'Column' : 'Row', () => {
            doc
              .font(isHeader ? 'bold' : 'regular')
              .fontSize(BODY_SIZE)
              .fillColor(TEXT)
              .text(text, MARGIN.left + pad, doc.y + pad, { width: this.width - 2 * pad, lineGap: 1 });
          });
        });
        doc.y += pad;
      }
      tr.end();
      rule(doc.y);
    };
    if (header) writeRow(header, 'head');
    for (const row of rows) writeRow(row, 'body');
    table.end();
    doc.y += 8;
  }

  private cell(tr: Struct, header: boolean, scope: 'Column' | 'Row', draw: () => void): void {
    const cell = this.doc.struct(header ? 'TH' : 'TD');
    // Table attributes (PDF 1.7, 14.8.5.7): a header cell names whether it heads its column or its row.
    if (header)
      (cell as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
        O: 'Table',
        Scope: scope,
      };
    tr.add(cell);
    cell.add(draw);
    cell.end();
  }

  /** Footers on every page, as pagination artifacts; then the structure tree is closed and the file written. */
  async finish(footer: (page: number, pages: number) => string): Promise<Buffer> {
    const doc = this.doc;
    this.root.end();
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing below the bottom margin would start a new page: the margin is lifted while the footer is written.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc
        .font('regular')
        .fontSize(9)
        .fillColor(MUTED)
        .text(footer(i + 1, range.count), MARGIN.left, doc.page.height - MARGIN.bottom + 24, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      doc.endMarkedContent();
      doc.page.margins.bottom = margin;
    }
    const chunks: Buffer[] = [];
    return new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.end();
    });
  }
}

/** Renders an accessible (tagged, PDF/UA-1) A4 document from headings, paragraphs, lists and simple tables. */
export async function renderAccessiblePdf(d: AccessibleDocument): Promise<Buffer> {
  const w = new Writer(d);
  for (const b of d.blocks) w.block(b);
  return w.finish(d.footer);
}
