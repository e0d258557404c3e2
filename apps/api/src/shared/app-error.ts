/** Error codes the API can answer with; each has a Dutch message `error.<code>` in the contracts' i18n. */
export type ErrorCode =
  | 'validation_failed'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'invalid_totp'
  | 'invalid_recovery_code'
  | 'mfa_required'
  | 'not_authenticated'
  | 'session_expired'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'person_not_found'
  | 'household_not_found'
  | 'user_not_found'
  | 'team_not_found'
  | 'username_taken'
  | 'possible_duplicate'
  | 'version_conflict'
  | 'already_member'
  | 'last_member'
  | 'wrong_password'
  | 'password_reused'
  | 'totp_already_enabled'
  | 'oidc_not_configured'
  | 'oidc_failed'
  | 'oidc_no_role'
  | 'cannot_deactivate_self'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'database_unavailable'
  | 'invalid_status_change'
  | 'referral_incomplete'
  | 'already_decided'
  | 'not_decided'
  | 'not_on_agenda'
  | 'already_assigned'
  | 'worker_not_available'
  | 'plan_exists'
  | 'plan_not_found'
  | 'plan_frozen'
  | 'plan_not_agreed'
  | 'plan_without_goals'
  | 'child_safety_required'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_credentials: 401,
  too_many_attempts: 429,
  invalid_totp: 401,
  invalid_recovery_code: 401,
  mfa_required: 401,
  not_authenticated: 401,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  person_not_found: 404,
  household_not_found: 404,
  user_not_found: 404,
  team_not_found: 400,
  username_taken: 409,
  possible_duplicate: 409,
  version_conflict: 409,
  already_member: 409,
  last_member: 409,
  wrong_password: 400,
  password_reused: 400,
  totp_already_enabled: 409,
  oidc_not_configured: 404,
  oidc_failed: 401,
  oidc_no_role: 403,
  cannot_deactivate_self: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  database_unavailable: 503,
  invalid_status_change: 409,
  referral_incomplete: 409,
  already_decided: 409,
  not_decided: 409,
  not_on_agenda: 409,
  already_assigned: 409,
  worker_not_available: 400,
  plan_exists: 409,
  plan_not_found: 404,
  plan_frozen: 409,
  plan_not_agreed: 409,
  plan_without_goals: 409,
  child_safety_required: 409,
  internal: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** The one error type for failures that end a request. `extra` is merged into the response body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export type Result<T, E extends ErrorCode = ErrorCode> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends ErrorCode>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** Unwraps a Result in a route: failures become an AppError. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new AppError(result.error);
  return result.value;
}
