import type { MiCell, MiTable } from '@nabij/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { chartState, hiddenMarker, reasonsIn } from './mi-format';
import { CellText, MiTableView } from './MiTableView';

const shown = (value: number): MiCell => ({ value, suppressed: false });
const small: MiCell = { value: null, suppressed: true, reason: 'small' };
const protecting: MiCell = { value: null, suppressed: true, reason: 'complementary' };
const fewCases: MiCell = { value: null, suppressed: true, reason: 'few_cases' };

function table(rows: Array<[string, MiCell[]]>, chart: MiTable['chart'] = { kind: 'bar', column: 'count' }): MiTable {
  return {
    key: 'demo',
    title: 'Aanmeldingen per soort verwijzer',
    definition: 'Definitie.',
    columns: [
      { key: 'count', label: 'Aantal', unit: 'count' },
      { key: 'share', label: 'Aandeel (%)', unit: 'percent' },
    ],
    rows: rows.map(([label, cells], i) => ({ key: `r${i}`, label, total: label === 'Totaal', cells })),
    chart,
    snapshot: false,
  };
}

/** The visible text of the cells of the table body, row by row (markup stripped, screen-reader text left out). */
function bodyCells(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      (cell[1] ?? '').replace(/<span class="nabij-visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ''),
    ),
  );
}

describe('hidden figures on the dashboard', () => {
  it('shows "<5" only for a small count, "x" for a figure hidden to protect it, "te weinig" for a statistic', () => {
    const html = renderToStaticMarkup(
      <MiTableView
        table={table([
          ['Professionals', [protecting, protecting]],
          ['Inwoner zelf', [small, protecting]],
          ['Partner', [shown(0), shown(0)]],
          ['Totaal', [shown(10), shown(100)]],
        ])}
        threshold={5}
      />,
    );
    expect(bodyCells(html)).toEqual([
      ['x', 'x'],
      ['&lt;5', 'x'],
      ['0', '0,0%'],
      ['10', '100,0%'],
    ]);
    // Read aloud with what the marker means.
    expect(html).toContain('verborgen om een klein aantal te beschermen');
    expect(html).toContain('minder dan 5');
    // One line per marker present, under the table, and the table points to it.
    expect(html).toContain('x: verborgen om een klein aantal elders in de tabel te beschermen');
    expect(html).toContain('&lt;5: een aantal van 1 tot en met 4');
    expect(html).not.toContain('te weinig:');
    expect(html).toMatch(/<table[^>]*aria-describedby="mi-demo-hidden"/);
  });

  it('never shows an average or percentage as "<5"', () => {
    const avg = renderToStaticMarkup(<CellText cell={fewCases} unit="number" threshold={5} />);
    const share = renderToStaticMarkup(<CellText cell={protecting} unit="percent" threshold={5} />);
    expect(avg).not.toContain('&lt;5');
    expect(avg).toContain('te weinig');
    expect(share).not.toContain('&lt;5');
    const html = renderToStaticMarkup(
      <MiTableView
        table={table([
          ['Gemiddeld', [fewCases, fewCases]],
          ['Totaal', [shown(12), fewCases]],
        ])}
        threshold={5}
      />,
    );
    expect(html).toContain('te weinig: een gemiddelde, mediaan of percentage over minder dan 5 dossiers');
    expect(bodyCells(html).flat()).not.toContain('&lt;5');
  });

  it('does not draw a chart whose values are all hidden, and says so', () => {
    const html = renderToStaticMarkup(
      <MiTableView
        table={table([
          ['Januari', [small, small]],
          ['Februari', [protecting, protecting]],
          ['Totaal', [shown(9), shown(100)]],
        ])}
        threshold={5}
      />,
    );
    expect(html).not.toContain('<svg');
    expect(html).toContain('Geen grafiek: alle waarden ervan zijn verborgen.');
  });

  it('draws a chart with at least one visible value, its hidden values marked by reason', () => {
    const html = renderToStaticMarkup(
      <MiTableView
        table={table([
          ['Januari', [shown(12), shown(60)]],
          ['Februari', [small, small]],
          ['Maart', [protecting, protecting]],
          ['Totaal', [shown(20), shown(100)]],
        ])}
        threshold={5}
      />,
    );
    expect(html).toContain('<svg');
    expect(html).toMatch(
      /aria-label="[^"]*Januari: 12; Februari: minder dan 5; Maart: verborgen om een klein aantal te beschermen/,
    );
  });

  it('knows the markers, reasons present and chart states (pure rules)', () => {
    expect(hiddenMarker(small, 5).short).toBe('<5');
    expect(hiddenMarker({ value: null, suppressed: true }, 5).short).toBe('<5');
    expect(hiddenMarker(protecting, 5).short).toBe('x');
    expect(hiddenMarker(fewCases, 5).short).toBe('te weinig');
    expect(reasonsIn([fewCases, shown(3), small, small])).toEqual(['small', 'few_cases']);
    expect(chartState([small, protecting])).toBe('all_hidden');
    expect(chartState([{ value: null, suppressed: false }])).toBe('no_data');
    expect(chartState([small, shown(0)])).toBe('draw');
  });
});
