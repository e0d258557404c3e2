import { createHash, randomInt } from 'node:crypto';
import { normaliseEmail } from './resident.domain';

/** The address as stored with a code request: a hash, so typed addresses of strangers are not kept. */
export const emailHash = (email: string): string =>
  createHash('sha256')
    .update(`resident-login:${normaliseEmail(email)}`)
    .digest('hex');
/** Six digits, from a cryptographic source. */
export const generateCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
/** A code is stored salted with its row id, never in the clear. */
export const hashCode = (rowId: string, code: string): string =>
  createHash('sha256').update(`${rowId}:${code}`).digest('hex');
