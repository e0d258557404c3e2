import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition';

/** Decodes the `filename*` parameter the way a browser does. */
const extended = (header: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(header)?.[1] ?? '');

describe('contentDisposition', () => {
  it('keeps a plain ASCII name as it is, without filename*', () => {
    expect(contentDisposition('verslag-2026-03-01.pdf')).toBe('attachment; filename="verslag-2026-03-01.pdf"');
    expect(contentDisposition('plan.pdf', 'inline')).toBe('inline; filename="plan.pdf"');
  });

  it.each([
    ['Łódź.pdf', '_odz.pdf'],
    ['Đặng Thị.pdf', '_ang Thi.pdf'],
    ['تقرير العائلة.pdf', 'bestand.pdf'],
    ['Ünal (kopie) 100%.pdf', 'Unal (kopie) 100_.pdf'],
  ])('writes %s as an ASCII fallback and the exact name in filename*', (name, fallback) => {
    const header = contentDisposition(name);
    expect(header.startsWith(`attachment; filename="${fallback}"; filename*=UTF-8''`)).toBe(true);
    expect(extended(header)).toBe(name);
    // A header value Node accepts: only Latin-1, no line breaks.
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it('cannot be used to break out of the quoted name or the header', () => {
    const header = contentDisposition('a"; filename="evil.exe\r\nX-Injected: 1.pdf');
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    // One quoted name without quotes inside, then filename*: nothing else a client could read as a parameter.
    expect(header).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^;" ]+$/);
    expect(extended(header)).toBe('a"; filename="evil.exe__X-Injected: 1.pdf');
  });
});
