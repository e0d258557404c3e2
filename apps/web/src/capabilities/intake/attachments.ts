/**
 * Attachments of the public referral form: the client-side checks (count, size, type) and reading a file
 * as base64. The server checks the content again.
 */
import { ATTACHMENT_LIMITS } from '@nabij/contracts';
import { t } from '../../app/i18n';

export interface ChosenAttachment {
  /** Local key for the list; not sent. */
  key: string;
  filename: string;
  sizeBytes: number;
  contentBase64: string;
}

const ACCEPTED_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);
const ACCEPTED_EXTENSIONS = /\.(pdf|png|jpe?g)$/i;

/** What the file input offers to choose. */
export const ATTACHMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

export interface FileFacts {
  name: string;
  type: string;
  size: number;
}

/** Why a file cannot be attached, in Dutch; undefined when it can. */
export function attachmentProblem(file: FileFacts): string | undefined {
  const typeOk = file.type ? ACCEPTED_TYPES.has(file.type) : ACCEPTED_EXTENSIONS.test(file.name);
  if (!typeOk) return t('public.attachmentWrongType', { name: file.name });
  if (file.size > ATTACHMENT_LIMITS.maxBytes) return t('public.attachmentTooLarge', { name: file.name });
  return undefined;
}

/** Splits newly chosen files into those that fit (given how many are already chosen) and the problems. */
export function sortChosenFiles<T extends FileFacts>(
  files: readonly T[],
  alreadyChosen: number,
): { accepted: T[]; problems: string[] } {
  const accepted: T[] = [];
  const problems: string[] = [];
  let tooMany = false;
  for (const file of files) {
    const problem = attachmentProblem(file);
    if (problem) problems.push(problem);
    else if (alreadyChosen + accepted.length >= ATTACHMENT_LIMITS.maxFiles) tooMany = true;
    else accepted.push(file);
  }
  if (tooMany) problems.push(t('public.attachmentTooMany'));
  return { accepted, problems };
}

/** "data:application/pdf;base64,JVBER…" → "JVBER…". */
export function base64FromDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma >= 0 ? dataUrl.slice(comma + 1) : '';
}

/** Reads a chosen file as base64 (browser only). */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? base64FromDataUrl(reader.result) : '');
    reader.onerror = () => reject(reader.error ?? new Error('file could not be read'));
    reader.readAsDataURL(file);
  });
}
