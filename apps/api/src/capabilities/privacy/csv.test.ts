import { describe, expect, it } from 'vitest';
import { safeCell, toCsv } from './csv';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const v of ['=HYPERLINK("http://x")', '+31 6', '-1+2', '@SUM(A1)', '\t=1', '\r=1'])
      expect(safeCell(v)).toBe(`'${v}`);
    for (const v of ['bekeek het dossier', '2026-11-01', 'a=b', '']) expect(safeCell(v)).toBe(v);
  });

  it('quotes separators, quotes and line breaks, and ends lines with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'zei "hoi"'],
          ['regel\nnieuw', null],
          [3, '=1+1'],
        ],
      ),
    ).toBe('a,b\r\n"x, y","zei ""hoi"""\r\n"regel\nnieuw",\r\n3,\'=1+1\r\n');
  });
});
