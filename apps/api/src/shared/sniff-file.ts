/** The kinds of file Nabij accepts as uploads (attachments, scans, a municipality's logo). */
export type AttachmentType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** The type of a file judged by its first bytes; a disguised file (wrong content for its name) gets null. */
export function sniffAttachment(bytes: Uint8Array): AttachmentType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}
