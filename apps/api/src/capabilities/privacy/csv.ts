/**
 * CSV for exports that people open in a spreadsheet. A cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so it shows as text.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV with CRLF line ends; every cell is made formula-safe first. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const line = (cells: ReadonlyArray<string | number | null>) =>
    cells.map((c) => quote(safeCell(c === null ? '' : String(c)))).join(',');
  return `${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
