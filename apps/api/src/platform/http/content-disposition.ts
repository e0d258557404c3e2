/**
 * The Content-Disposition header of a download (RFC 6266) for any file name: a plain ASCII `filename` for old
 * clients (diacritics dropped, other characters replaced by `_`) and the exact name as UTF-8 in `filename*`
 * (RFC 8187, formerly 5987). Node refuses a header value with characters outside Latin-1, so a name such as
 * `Łódź.pdf`, `Đặng Thị.pdf` or an Arabic name written straight into `filename="…"` failed the download with 500.
 */
export function contentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment'): string {
  // Control characters and path separators never belong in a suggested file name.
  const name = filename.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim() || 'bestand';
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["%;\\]/g, '_');
  // A name without any ASCII letter or digit (Arabic, Chinese, …) becomes "bestand" with its extension.
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(ascii)?.[0] ?? '';
  const fallback = /[A-Za-z0-9]/.test(ascii.slice(0, ascii.length - extension.length)) ? ascii : `bestand${extension}`;
  const header = `${type}; filename="${fallback}"`;
  if (fallback === name) return header;
  return `${header}; filename*=UTF-8''${encodeRfc8187(name)}`;
}

/** Percent-encodes everything but RFC 8187's attr-char (ALPHA / DIGIT / "!#$&+-.^_`|~"). */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
