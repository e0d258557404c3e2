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
  | 'request_header_too_large'
  | 'request_timeout'
  | 'bad_request'
  | 'empty_file'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'database_unavailable'
  | 'shutting_down'
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
  | 'second_factor_required'
  | 'emergency_access_not_needed'
  | 'evaluation_not_in_execution'
  | 'closure_not_possible'
  | 'open_actions_undecided'
  | 'closure_needs_team_meeting'
  | 'closing_answer_needs_review'
  | 'not_in_watch'
  | 'cannot_reactivate'
  | 'sharing_basis_required'
  | 'no_referrer'
  | 'not_closed_yet'
  | 'case_closed'
  | 'erasure_exception_applies'
  | 'inspection_decisions_missing'
  | 'not_due_for_destruction'
  | 'request_closed'
  | 'wrong_request_kind'
  | 'resident_code_invalid'
  | 'resident_code_expired'
  | 'resident_code_blocked'
  | 'resident_email_login_disabled'
  | 'resident_digid_not_configured'
  | 'resident_not_allowed'
  | 'resident_plan_adults_only'
  | 'resident_no_case'
  | 'resident_nothing_to_agree'
  | 'plan_version_outdated'
  | 'resident_action_not_own'
  | 'copy_request_open'
  | 'resident_email_in_use'
  | 'resident_account_exists'
  | 'bsn_exists'
  | 'person_merged'
  | 'merge_same_person'
  | 'merge_bsn_differs'
  | 'merge_conflict'
  | 'merge_no_case_access'
  | 'merge_not_found'
  | 'merge_already_undone'
  | 'merge_cannot_undo'
  | 'open_case_exists'
  | 'user_has_open_cases'
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
  request_header_too_large: 431,
  request_timeout: 408,
  bad_request: 400,
  empty_file: 400,
  unsupported_media_type: 415,
  rate_limited: 429,
  database_unavailable: 503,
  shutting_down: 503,
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
  second_factor_required: 403,
  emergency_access_not_needed: 409,
  evaluation_not_in_execution: 409,
  closure_not_possible: 409,
  open_actions_undecided: 409,
  closure_needs_team_meeting: 409,
  closing_answer_needs_review: 409,
  not_in_watch: 409,
  cannot_reactivate: 409,
  sharing_basis_required: 409,
  no_referrer: 409,
  not_closed_yet: 409,
  case_closed: 409,
  erasure_exception_applies: 409,
  inspection_decisions_missing: 409,
  not_due_for_destruction: 409,
  request_closed: 409,
  wrong_request_kind: 409,
  resident_code_invalid: 401,
  resident_code_expired: 401,
  resident_code_blocked: 401,
  resident_email_login_disabled: 404,
  resident_digid_not_configured: 404,
  resident_not_allowed: 403,
  resident_plan_adults_only: 403,
  resident_no_case: 404,
  resident_nothing_to_agree: 409,
  plan_version_outdated: 409,
  resident_action_not_own: 403,
  copy_request_open: 409,
  resident_email_in_use: 409,
  resident_account_exists: 409,
  bsn_exists: 409,
  person_merged: 404,
  merge_same_person: 400,
  merge_bsn_differs: 409,
  merge_conflict: 409,
  merge_no_case_access: 403,
  merge_not_found: 404,
  merge_already_undone: 409,
  merge_cannot_undo: 409,
  open_case_exists: 409,
  user_has_open_cases: 409,
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
