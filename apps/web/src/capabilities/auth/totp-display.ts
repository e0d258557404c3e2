/** Pure display helpers for two-factor enrolment. */

/** A data URL for the QR code SVG the API returns, usable as an `<img src>`. */
export function qrImageSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
