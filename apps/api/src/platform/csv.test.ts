import { describe, expect, it } from 'vitest';
import { csvDateTime, csvFigure, writeCsv, writeCsvTable } from './csv';

describe('the CSV writer (Dutch Excel)', () => {
  it('writes a BOM, semicolons and CRLF, and quotes separators, quotes and line breaks', () => {
    expect(
      writeCsvTable(
        ['Naam', 'Opmerking'],
        [
          ['x; y', 'zei "hoi"'],
          ['regel\nnieuw', null],
          ['a,b', undefined],
        ],
      ),
    ).toBe('\uFEFFNaam;Opmerking\r\n"x; y";"zei ""hoi"""\r\n"regel\nnieuw";\r\na,b;\r\n');
  });

  it('neutralises text cells a spreadsheet would run as a formula, but not numbers', () => {
    const formulas = ['=HYPERLINK("http://x")', '+31 6', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '\uFF1D1'];
    const line = writeCsv([formulas]).replace(/^\uFEFF/, '');
    expect(line).toBe(`"'=HYPERLINK(""http://x"")";'+31 6;'-1+2;'@SUM(A1);'\t=1;"'\r=1";'\uFF1D1\r\n`);
    expect(writeCsv([['bekeek het dossier', 'a=b', '']])).toBe('\uFEFFbekeek het dossier;a=b;\r\n');
    expect(writeCsv([[-2, 3.5, csvFigure('-1,5'), csvFigure('<5')]])).toBe('\uFEFF-2;3,5;-1,5;<5\r\n');
  });

  it('writes dates as dd-mm-jjjj HH:mm in Amsterdam time, and yes/no in Dutch', () => {
    const summer = new Date('2026-07-01T22:05:09Z');
    const winter = new Date('2026-01-31T23:30:00Z');
    expect(csvDateTime(summer)).toBe('02-07-2026 00:05');
    expect(csvDateTime(winter, true)).toBe('01-02-2026 00:30:00');
    expect(writeCsv([[summer, true, false]])).toBe('\uFEFF02-07-2026 00:05;ja;nee\r\n');
    expect(writeCsv([[summer]], { seconds: true })).toBe('\uFEFF02-07-2026 00:05:09\r\n');
  });

  it('writes rows of different lengths and empty lines (a report of several tables)', () => {
    expect(writeCsv([['Titel'], [], ['a', 'b']])).toBe('\uFEFFTitel\r\n\r\na;b\r\n');
  });
});
