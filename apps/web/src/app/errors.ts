/**
 * Pure helpers for turning API and validation errors into what the forms show. No I/O.
 */
import { hasMessage, t } from './i18n';

/** Field path → messages, as the API's `fieldErrors` and the client-side checks produce them. */
export type FieldErrors = Record<string, string[]>;

/** Error body of the API: `{ code, message, fieldErrors? }`, plus extra members some codes carry. */
export interface ApiErrorBody {
  code: string;
  message: string;
  fieldErrors?: FieldErrors;
  [extra: string]: unknown;
}

/** A failed API call. `status` 0 means the request did not reach the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldErrors;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message || body.code);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fieldErrors = body.fieldErrors ?? {};
    this.body = body;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): FieldErrors | undefined {
  if (!isRecord(value)) return undefined;
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) {
      const texts = messages.filter((m): m is string => typeof m === 'string');
      if (texts.length > 0) out[key] = texts;
    } else if (typeof messages === 'string') {
      out[key] = [messages];
    }
  }
  return out;
}

/** Status codes without a code in the body still get a recognisable code. */
function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'not_authenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'version_conflict';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'rate_limited';
    case 503:
      return 'database_unavailable';
    default:
      return 'internal';
  }
}

/** Reads an error body defensively: a proxy or crash may send HTML or nothing at all. */
export function parseErrorBody(status: number, body: unknown): ApiErrorBody {
  if (isRecord(body) && typeof body.code === 'string') {
    const fieldErrors = parseFieldErrors(body.fieldErrors);
    return {
      ...body,
      code: body.code,
      message: typeof body.message === 'string' ? body.message : '',
      ...(fieldErrors ? { fieldErrors } : {}),
    };
  }
  return { code: codeForStatus(status), message: '' };
}

/** Codes of a 401 that mean "what you typed is wrong", not "your session is gone". */
const CREDENTIAL_CODES = new Set([
  'invalid_credentials',
  'invalid_totp',
  'invalid_recovery_code',
  'wrong_password',
  'account_inactive',
  'oidc_failed',
]);

/** True when the answer means the user must log in again (the "sessie verlopen" flow). */
export function isSessionLost(status: number, code: string): boolean {
  return status === 401 && !CREDENTIAL_CODES.has(code);
}

/**
 * The Dutch text for an error: the shared text for its code, else the server's own (Dutch) message,
 * else a generic one. Network failures get their own text.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    const key = `error.${error.code}`;
    if (hasMessage(key)) return t(key);
    if (error.body.message) return error.body.message;
    return t('error.internal');
  }
  return t('error.internal');
}

/** The first message per field, for showing next to the fields. */
export function firstMessages(fieldErrors: FieldErrors): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const first = messages[0];
    if (first) out[key] = first;
  }
  return out;
}

/** A minimal shape of a zod issue, so this file needs no zod import. */
export interface ValidationIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Turns validation issues into field errors keyed by the top-level field name.
 * Issues without a path (whole-form rules) go under `_form`.
 */
export function issuesToFieldErrors(issues: readonly ValidationIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const head = issue.path[0];
    const key = typeof head === 'string' || typeof head === 'number' ? String(head) : FORM_ERROR_KEY;
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const FORM_ERROR_KEY = '_form';

/**
 * Turns validation issues into field errors keyed by their full path joined with dots
 * (`residents.0.bsn`, `referrer.phone`), the same keys the API uses in `fieldErrors`.
 */
export function issuesToPathFieldErrors(issues: readonly ValidationIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const parts = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    const key = parts.length > 0 ? parts.join('.') : FORM_ERROR_KEY;
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
