/**
 * Row types of the tables, as Kysely sees them. Kept in step with apps/api/migrations by hand;
 * the migration is the source of truth. schema.int.test.ts compares this file with the migrated database
 * (every table and column, its type and nullability; nothing declared that does not exist; ADR 0043).
 */
import type { ColumnType, Generated } from 'kysely';

/** A timestamp the caller sets (no default): required on insert; Date or an ISO string in, Date out. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateString = ColumnType<string, string, string>;

export interface TenantTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: Generated<Date>;
}
export interface TeamTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  area: string | null;
  created_at: Generated<Date>;
  accepts_web_referrals: Generated<boolean>;
  accepts_self_referrals: Generated<boolean>;
  intake_email: string | null;
  analysis_weeks: Generated<number>;
  outreach_weeks: Generated<number>;
  evaluation_weeks: Generated<number>;
  contact_phone: string | null;
  contact_email: string | null;
  /** The address block on the team's letters, lines separated by newlines (migration 0043). */
  postal_address: string | null;
}
export interface AppUserTable {
  id: Generated<string>;
  tenant_id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  oidc_subject: string | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
  expertise: Generated<string[]>;
  task_digest: Generated<boolean>;
  task_digest_sent_on: DateString | null;
}
export interface UserRoleTable {
  user_id: string;
  role: string;
}
export interface UserTeamTable {
  user_id: string;
  team_id: string;
}
export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}
export interface SessionTable {
  token_hash: string;
  user_id: string;
  tenant_id: string;
  stage: 'totp' | 'enrol_totp' | 'change_password' | 'done';
  auth_method: 'password' | 'oidc';
  csrf_token: string;
  pending_totp_secret: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}
/** 0033: the per-user key that encrypts unsaved drafts in the browser tab (ADR 0035). */
export interface DraftKeyTable {
  user_id: string;
  tenant_id: string;
  current_key: Buffer;
  previous_key: Buffer | null;
  rotated_at: Timestamp;
}
export interface LoginAttemptTable {
  id: Generated<number>;
  username_key: string;
  ip: string;
  at: Generated<Date>;
  succeeded: boolean;
}
export interface OidcLoginTable {
  state: string;
  code_verifier: string;
  nonce: string;
  created_at: Generated<Date>;
}
export interface AccessLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  tenant_id: string;
  user_id: string | null;
  user_role: string | null;
  team_id: string | null;
  on_behalf_of: string | null;
  action: string;
  event: string;
  person_id: string | null;
  case_id: string | null;
  data_category: string;
  legal_basis: string | null;
  outcome: 'allowed' | 'denied';
  ip: string | null;
  user_agent: string | null;
  emergency: Generated<boolean>;
  detail: unknown;
  /** Hash chain (migration 0016): set by the sealer after commit (migration 0039), never by the application; null until sealed. */
  seq: Generated<number | null>;
  prev_hash: Generated<string | null>;
  hash: Generated<string | null>;
  /** The writing transaction's id (xid8 as text), set by the insert trigger; the sealer's horizon. */
  xid: Generated<string | null>;
}
export interface AccessLogChainTable {
  tenant_id: string;
  last_seq: number;
  last_hash: string;
  updated_at: Generated<Date>;
}
/** Where the privacy officer has each day's chain head published outside the database (migration 0039). */
export interface AccessLogAnchorSettingTable {
  tenant_id: string;
  channel: 'email' | 'file';
  target: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
/** Each publication of a day's chain head (migration 0039). */
export interface AccessLogAnchorTable {
  tenant_id: string;
  day: DateString;
  seq: number;
  hash: string;
  channel: string;
  target: string;
  published_at: Generated<Date>;
}
export interface EmergencyAccessTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  user_id: string;
  reason: string;
  starts_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  review_note: string | null;
  version: Generated<number>;
}
/** A merge of two person records into one, with what moved, so it can be undone (migration 0029, ADR 0031). */
export interface PersonMergeTable {
  id: Generated<string>;
  tenant_id: string;
  survivor_id: string;
  kept_person_id: string;
  merged_person_id: string;
  merged_person: unknown;
  survivor_before: unknown;
  survivor_after: unknown;
  moved: Generated<unknown>;
  removed: Generated<unknown>;
  merged_by: string;
  merged_at: Generated<Date>;
  undone_by: string | null;
  undone_at: Date | null;
  undo_reason: string | null;
  version: Generated<number>;
}
/** The words a name search matches, kept by triggers on person (migration 0023). */
export interface PersonNameWordTable {
  tenant_id: string;
  word: string;
  person_id: string;
}

export interface PersonTable {
  id: Generated<string>;
  tenant_id: string;
  first_name: string;
  infix: string | null;
  last_name: string;
  date_of_birth: DateString | null;
  bsn: string | null;
  postcode: string | null;
  house_number: string | null;
  house_number_addition: string | null;
  street: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  preferred_language: string | null;
  interpreter_needed: Generated<boolean>;
  /** An age given without a date of birth (a child on a referral), and the day it was given (migration 0027). */
  age_given: number | null;
  age_given_on: DateString | null;
  /** 'caravan' | 'homeless' | 'postal_address' | 'other'; null: a fixed address (or not known). */
  no_fixed_address: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
  version: Generated<number>;
  /** Set when the person was erased but others' records still refer to the row: then it holds no personal data (migration 0026). */
  erased_at: Generated<Date | null>;
}
export interface HouseholdTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface HouseholdMemberTable {
  household_id: string;
  person_id: string;
  tenant_id: string;
  relation: string;
}

export interface ReferralTable {
  id: Generated<string>;
  tenant_id: string;
  team_id: string;
  reference: string;
  channel: string;
  status: Generated<string>;
  received_at: Generated<Date>;
  referrer_kind: string;
  referrer_name: string | null;
  referrer_organisation: string | null;
  referrer_role: string | null;
  referrer_phone: string | null;
  referrer_email: string | null;
  life_domains: string[];
  question: string;
  tried: string | null;
  urgency: string;
  children_at_risk: string;
  safety_notes: string | null;
  resident_awareness: string;
  resident_awareness_note: string | null;
  household_id: string | null;
  known_coordination_elsewhere: string | null;
  regiecheck_done_at: Date | null;
  regiecheck_done_by: string | null;
  idempotency_key: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
  /** Migration 0030: the household's language and need of an interpreter as referred (the persons keep them after the regiecheck). */
  preferred_language: string | null;
  interpreter_needed: Generated<boolean>;
  /** Migration 0030: closing without a case. */
  closed_reason: string | null;
  closed_note: string | null;
  closed_at: Date | null;
  closed_by: string | null;
}
export interface ReferralCounterTable {
  tenant_id: string;
  year: number;
  last_number: number;
}
export interface ReferralPersonTable {
  id: Generated<string>;
  referral_id: string;
  tenant_id: string;
  position: number;
  role: string;
  first_name: string | null;
  infix: string | null;
  last_name: string | null;
  date_of_birth: DateString | null;
  age: number | null;
  bsn: string | null;
  postcode: string | null;
  house_number: string | null;
  street: string | null;
  city: string | null;
  phone: string | null;
  person_id: string | null;
  /** The relation in the household as given on the referral; null: derived from the ages (migration 0027). */
  relation: string | null;
  no_fixed_address: string | null;
  /** Migration 0030. */
  house_number_addition: string | null;
}
/** Migration 0030: one changed field of a correction of a referral. */
export interface ReferralCorrectionTable {
  id: Generated<string>;
  tenant_id: string;
  referral_id: string;
  referral_person_id: string | null;
  change_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  changed_by: string;
  changed_at: Generated<Date>;
}
export interface ReferralContactTable {
  id: Generated<string>;
  referral_id: string;
  tenant_id: string;
  at: Generated<Date>;
  by_user_id: string;
  channel: string;
  note: string;
}
export interface ReferralAttachmentTable {
  id: Generated<string>;
  referral_id: string;
  tenant_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  content: Buffer;
  created_at: Generated<Date>;
}
export interface HostQuestionTable {
  id: Generated<string>;
  tenant_id: string;
  team_id: string;
  at: Generated<Date>;
  category: string;
  outcome: string;
  referral_id: string | null;
  created_by: string;
  /** Migration 0030: 'desk_question' (the tally) or 'consultation' (even overleggen, with the fields below). */
  kind: Generated<string>;
  asker: string | null;
  channel: string | null;
  advice: string | null;
  minutes_spent: number | null;
}
export interface IntakeMeetingTable {
  id: Generated<string>;
  tenant_id: string;
  team_id: string;
  date: DateString;
  chair_user_id: string;
  created_by: string;
  created_at: Generated<Date>;
}
export interface MeetingParticipantTable {
  id: Generated<string>;
  meeting_id: string;
  tenant_id: string;
  user_id: string | null;
  name: string | null;
  role: string | null;
}
export interface MeetingItemTable {
  meeting_id: string;
  referral_id: string;
  tenant_id: string;
  position: number;
}
export interface TriageTable {
  referral_id: string;
  tenant_id: string;
  meeting_id: string;
  situation: string;
  life_domains: string[];
  multiple_problems: boolean;
  known_to_others: string | null;
  urgency: string;
  safety: string;
  expertise_needed: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface CoreDecisionTable {
  referral_id: string;
  tenant_id: string;
  meeting_id: string;
  outcome: string;
  interventions: string | null;
  goal: string | null;
  intended_result: string | null;
  carried_out_by: string | null;
  reasoning: string;
  discussed_with_resident: boolean;
  decided_by: string;
  decided_at: Generated<Date>;
}
export interface LetterTemplateTable {
  tenant_id: string;
  kind: string;
  subject: string;
  body: string;
  version: Generated<number>;
  updated_at: Generated<Date>;
}
export interface LetterTable {
  id: Generated<string>;
  tenant_id: string;
  referral_id: string;
  kind: string;
  recipient: string | null;
  subject: string;
  body: string;
  pdf: Buffer;
  status: Generated<string>;
  sent_at: Date | null;
  idempotency_key: string;
  created_by: string;
  created_at: Generated<Date>;
  sharing_basis: string | null;
  consent_id: string | null;
  legal_basis: string | null;
  sharing_reason: string | null;
}
export interface OutboxMessageTable {
  id: Generated<string>;
  tenant_id: string | null;
  recipient: string;
  subject: string;
  text_body: string;
  attachment_names: string[];
  sent_at: Generated<Date>;
}
export interface CaseFileTable {
  id: Generated<string>;
  tenant_id: string;
  team_id: string;
  referral_id: string | null;
  household_id: string | null;
  primary_person_id: string | null;
  case_worker_id: string;
  tandem_worker_id: string | null;
  phase: Generated<string>;
  opened_at: Generated<Date>;
  opened_by: string;
  closed_at: Date | null;
  consent_kind: string;
  consent_date: DateString | null;
  consent_recorded_by: string;
  legal_basis: string | null;
  reason_without_consent: string | null;
  version: Generated<number>;
  analysis_deadline: DateString | null;
  episode: Generated<number>;
  // 0017: legal basis and purpose; postponement of destruction
  legal_bases: Generated<string[]>;
  processing_purposes: Generated<string[]>;
  purpose_description: string | null;
  basis_recorded_by: string | null;
  basis_recorded_at: Date | null;
  retention_postponed_until: DateString | null;
  retention_postpone_reason: string | null;
}
/** The analysis' conclusion (issue #22 item 6): one row per save, the highest version is current. */
export interface AnalysisConclusionTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  version: number;
  question_behind: string | null;
  working_hypothesis: string | null;
  sustaining_factors: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
/** A network meeting or family group conference on the case (issue #22 item 7). */
export interface NetworkMeetingTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  kind: string;
  status: string;
  planned_on: DateString | null;
  held_on: DateString | null;
  plan_received_on: DateString | null;
  cancel_reason: string | null;
  note: string | null;
  change_reason: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_by: string;
  updated_at: Generated<Date>;
}
export interface NetworkMeetingInviteeTable {
  id: Generated<string>;
  tenant_id: string;
  meeting_id: string;
  network_person_id: string | null;
  professional_id: string | null;
}
export interface NetworkPersonTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  name: string;
  relation_type: string;
  relation_note: string | null;
  quality: string;
  contact_frequency: string;
  key_figure: boolean;
  phone: string | null;
  created_by: string;
  created_at: Generated<Date>;
}
export interface InvolvedProfessionalTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  organisation: string;
  name: string | null;
  role: string | null;
  phone: string | null;
  email: string | null;
  created_by: string;
  created_at: Generated<Date>;
}
export interface ZrmCriterionTable {
  tenant_id: string;
  instrument: string;
  domain: string;
  level: number;
  text: string;
}
export interface ZrmAssessmentTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  person_id: string;
  instrument: string;
  kind: string;
  assessed_on: DateString;
  recorded_by: string;
  recorded_at: Generated<Date>;
  version: Generated<number>;
}
export interface ZrmScoreTable {
  assessment_id: string;
  tenant_id: string;
  domain: string;
  score: number;
  note: string | null;
  out_of_scope_reason: string | null;
}
export interface ParticipationMeasureTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  person_id: string;
  rung: number;
  measured_on: DateString;
  note: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface ChildSafetyAssessmentTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  assessed_on: DateString;
  signs: string;
  protective_factors: string;
  risk_level: string;
  actions: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface MeldcodeRecordTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  status: Generated<string>;
  started_on: DateString;
  started_by: string;
  suspicion: boolean | null;
  acute_or_structural_unsafety: boolean | null;
  help_possible: boolean | null;
  help_accepted: boolean | null;
  results_achieved: boolean | null;
  weighing: string | null;
  report_to_veilig_thuis: boolean | null;
  provide_or_organise_help: boolean | null;
  consent_asked: boolean | null;
  consent_given: boolean | null;
  veilig_thuis_reported_on: DateString | null;
  veilig_thuis_reference: string | null;
  follow_up_on: DateString | null;
  decided_at: Date | null;
  decided_by: string | null;
}
export interface MeldcodeEntryTable {
  id: Generated<string>;
  tenant_id: string;
  record_id: string;
  kind: string;
  on_date: DateString | null;
  fact: string | null;
  source: string | null;
  interpretation: string | null;
  with_whom: string | null;
  advice: string | null;
  summary: string | null;
  reason_not_held: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface OutreachAttemptTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  attempted_on: DateString;
  way: string;
  contact_made: boolean;
  note: string | null;
  recorded_by: string;
}
export interface InformationConsentTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  person_id: string;
  recipient: string;
  scope: string;
  form: string;
  given_on: DateString;
  expires_on: DateString | null;
  withdrawn_on: DateString | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
  withdrawn_by_account_id: string | null;
}

export interface ServiceTable {
  id: Generated<string>;
  tenant_id: string;
  organisation: string;
  name: string;
  description: string | null;
  domains: string[];
  type: string;
  area: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface PlanTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  created_by: string;
  created_at: Generated<Date>;
}
export interface PlanFileTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  kind: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  content: Buffer;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface PlanVersionTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  number: number;
  status: Generated<string>;
  starts_on: DateString;
  change_reason: string | null;
  coordination: string | null;
  coordinator_name: string | null;
  coordinator_contact: string | null;
  resident_plan_kind: string | null;
  resident_plan_text: string | null;
  resident_plan_file_id: string | null;
  resident_plan_leading: Generated<boolean>;
  agreement_form: string | null;
  agreed_on: DateString | null;
  agreed_by_name: string | null;
  typed_signature: string | null;
  agreement_note: string | null;
  agreement_file_id: string | null;
  agreement_recorded_by: string | null;
  agreement_recorded_at: Date | null;
  document_file_id: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  offered_to_resident_at: Date | null;
  offered_to_resident_by: string | null;
  agreed_by_account_id: string | null;
}
export interface PlanGoalTable {
  id: Generated<string>;
  tenant_id: string;
  plan_version_id: string;
  position: number;
  domain: string;
  zrm_score: number | null;
  zrm_assessed_on: DateString | null;
  problem: string;
  goal: string;
  intended_result: string | null;
  solutions: string | null;
  from_resident_plan: Generated<boolean>;
}
export interface PlanActionTable {
  id: Generated<string>;
  tenant_id: string;
  goal_id: string;
  position: number;
  description: string;
  performer: string | null;
  performer_name: string | null;
  service_id: string | null;
  due_on: DateString | null;
  status: Generated<string>;
  progress_note: string | null;
}
export interface PlanPartyTable {
  id: Generated<string>;
  tenant_id: string;
  plan_version_id: string;
  name: string;
  organisation: string | null;
  part: string;
  place: string | null;
  timing: string | null;
}
export interface ContactEntryTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  kind: string;
  contact_on: DateString;
  duration_minutes: number | null;
  participants: string | null;
  note: string;
  internal: Generated<boolean>;
  recorded_by: string;
  recorded_at: Generated<Date>;
  idempotency_key: string | null;
}
export interface ContactGoalTable {
  tenant_id: string;
  contact_id: string;
  goal_id: string;
}
export interface ContactAttachmentTable {
  id: Generated<string>;
  tenant_id: string;
  contact_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  content: Buffer;
}
export interface TaskTable {
  id: Generated<string>;
  tenant_id: string;
  team_id: string;
  case_id: string | null;
  kind: string;
  title: string;
  due_on: DateString;
  assignee_id: string | null;
  source_key: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  done_at: Date | null;
  done_by: string | null;
  outcome: string | null;
  version: Generated<number>;
}

export interface CaseEpisodeTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  number: number;
  started_on: DateString;
  from_phase: string;
  to_phase: string;
  reason: string;
  started_by: string;
  started_at: Generated<Date>;
}
export interface CaseEvaluationTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  episode: number;
  held_on: DateString;
  participants: string;
  plan_version_id: string;
  interim_zrm_id: string | null;
  conclusion: string;
  summary: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface CaseEvaluationGoalTable {
  tenant_id: string;
  evaluation_id: string;
  goal_id: string;
  status: string;
  note: string | null;
}
export interface ClosingQuestionAnswerTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  episode: number;
  something_goes_wrong: boolean;
  explanation: string | null;
  answered_by: string;
  answered_at: Generated<Date>;
  /** A "ja" changed to "nee" by the team coordinator: why (migration 0032). */
  change_reason: Generated<string | null>;
}
export interface CaseClosureTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  episode: number;
  closed_on: DateString;
  outcome: string;
  reason: string;
  referred_to: string | null;
  reason_other: string | null;
  process_worked: string;
  process_learned: string;
  aftercare: string | null;
  closing_question_id: string;
  plan_version_id: string | null;
  outcome_snapshot: ColumnType<unknown, string, string>;
  recorded_by: string;
  recorded_at: Generated<Date>;
  /** Closed with "ja" after the case review meeting decided to close: the remaining risk, and that agenda item (0032). */
  risk_note: Generated<string | null>;
  review_item_id: Generated<string | null>;
}
export interface CaseClosureGoalTable {
  tenant_id: string;
  closure_id: string;
  goal_id: string;
  status: string;
  result: string;
  side_effects: string | null;
  /** The result was taken over from this (final) evaluation (0032). */
  evaluation_id: Generated<string | null>;
}
export interface CaseClosureActionTable {
  tenant_id: string;
  closure_id: string;
  action_id: string;
  decision: string;
  handed_over_to: string | null;
}
export interface CaseLetterTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  closure_id: string | null;
  kind: string;
  recipient_name: string | null;
  recipient_email: string | null;
  subject: string;
  body: string;
  pdf: Buffer;
  status: Generated<string>;
  sent_at: Date | null;
  sharing_basis: string;
  consent_id: string | null;
  legal_basis: string | null;
  sharing_reason: string | null;
  idempotency_key: string;
  created_by: string;
  created_at: Generated<Date>;
  /** Shown in this person's Mijn Nabij (0032). */
  portal_person_id: Generated<string | null>;
}
export interface CaseWatchTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  episode: number;
  closure_id: string;
  started_on: DateString;
  check_in_interval_weeks: number;
  next_check_in_on: DateString;
  ends_on: DateString;
  ended_on: DateString | null;
  end_kind: string | null;
  end_note: string | null;
  ended_by: string | null;
  version: Generated<number>;
}
export interface WatchCheckInTable {
  id: Generated<string>;
  tenant_id: string;
  watch_id: string;
  case_id: string;
  checked_on: DateString;
  way: string;
  all_well: boolean;
  note: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface CaseReferralLinkTable {
  tenant_id: string;
  case_id: string;
  referral_id: string;
  case_phase: string;
  linked_by: string | null;
  linked_at: Generated<Date>;
  /** 0031: the decision on a referral for a household with an open case: joined as a new question, or a parallel case with a reason. */
  outcome: Generated<'joined' | 'parallel_case' | null>;
  reason: Generated<string | null>;
  decided_by: Generated<string | null>;
  decided_at: Generated<Date | null>;
}
// ---- 0015: case review meetings, consultations, coordination and escalation, signals to policy ----
export interface CaseReviewMeetingTable {
  id: Generated<string>;
  tenant_id: string;
  team_id: string;
  meets_on: DateString;
  created_by: string;
  created_at: Generated<Date>;
}
export interface CaseReviewItemTable {
  id: Generated<string>;
  tenant_id: string;
  meeting_id: string;
  case_id: string;
  question_kind: string;
  question: string;
  requested_by: string;
  requested_at: Generated<Date>;
  advice: string | null;
  agreements: string | null;
  agreements_by: string | null;
  outcome_recorded_by: string | null;
  outcome_recorded_at: Date | null;
  version: Generated<number>;
  /** On a closure question: the meeting's decision, close or continue (0032). */
  closure_decision: Generated<string | null>;
}
export interface BehaviouralConsultationTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  scientist_id: string;
  question: string;
  requested_by: string;
  requested_at: Generated<Date>;
  advice: string | null;
  advised_on: DateString | null;
  advice_recorded_at: Date | null;
  version: Generated<number>;
}
export interface AgreedActionTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  party: string;
  action: string;
  due_on: DateString | null;
  status: Generated<string>;
  last_checked_on: DateString | null;
  note: string | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_by: string;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface CareTransferTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  kind: string;
  organisation: string;
  what: string;
  on_date: DateString;
  warm_meeting_held: boolean | null;
  contact: string | null;
  ended_on: DateString | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
  version: Generated<number>;
}
export interface TandemChangeTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  previous_worker_id: string | null;
  new_worker_id: string | null;
  changed_by: string;
  changed_at: Generated<Date>;
}
export interface ScalingDecisionTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  direction: string;
  reason: string;
  to_organisation: string;
  decided_on: DateString;
  schakeloverleg: Generated<boolean>;
  framework: string | null;
  schakeloverleg_on: DateString | null;
  participants: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface PolicySignalTable {
  id: Generated<string>;
  tenant_id: string;
  team_id: string;
  kind: string;
  life_domain: string;
  description: string;
  case_id: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
  forwarded_at: Date | null;
  forwarded_by: string | null;
  version: Generated<number>;
}

// ---- 0017: AVG rights register, retention and destruction ----
export interface RetentionSettingTable {
  tenant_id: string;
  participatiewet_years: Generated<number>;
  wgs_years: Generated<number>;
  other_years: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
/** A municipality's house style (migration 0044, ADR 0054): tokens on top of the default theme, name and logo. */
export interface HouseStyleTable {
  tenant_id: string;
  display_name: string;
  primary_color: string;
  primary_text_color: string;
  link_color: string;
  focus_color: string;
  font_family: string;
  logo: Buffer | null;
  logo_content_type: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface AvgRequestTable {
  id: Generated<string>;
  tenant_id: string;
  reference: string;
  person_id: string | null;
  kind: string;
  channel: string;
  received_on: DateString;
  deadline: DateString;
  extended_until: DateString | null;
  extension_reason: string | null;
  description: string;
  identity_verified: Generated<boolean>;
  status: Generated<string>;
  handled_by: string | null;
  decision_notes: string | null;
  completed_on: DateString | null;
  exception_retention_obligation: boolean | null;
  exception_legal_claim: boolean | null;
  exception_public_interest: boolean | null;
  exception_others_interest: boolean | null;
  exception_notes: string | null;
  exception_checked_by: string | null;
  exception_checked_at: Date | null;
  erased_at: Date | null;
  copy_generated_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
  submitted_by_account_id: string | null;
}
export interface AvgInspectionDecisionTable {
  request_id: string;
  tenant_id: string;
  category: string;
  include: boolean;
  reason: string;
  decided_by: string;
  decided_at: Generated<Date>;
}
export interface AvgCorrectionTable {
  id: Generated<string>;
  tenant_id: string;
  request_id: string;
  field: string;
  note: string;
  applied: boolean;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface ResidentStatementTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  person_id: string | null;
  request_id: string | null;
  received_on: DateString;
  statement: string;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
  via_portal: Generated<boolean>;
  submitted_by_account_id: string | null;
}
export interface DestructionRecordTable {
  id: Generated<string>;
  tenant_id: string;
  subject: string;
  case_id: string | null;
  case_reference: string | null;
  team_id: string | null;
  reason: string;
  request_id: string | null;
  regimes: Generated<string[]>;
  due_on: DateString | null;
  persons_destroyed: number;
  rows_destroyed: ColumnType<Record<string, number>, string, string>;
  /** What an erasure pseudonymised or cut loose instead of destroying, per table or "table.column" (migration 0026). */
  rows_pseudonymised: ColumnType<Record<string, number>, string | undefined, string>;
  destroyed_by: string;
  destroyed_at: Generated<Date>;
}
export interface CaseStatisticTable {
  id: Generated<string>;
  tenant_id: string;
  team_id: string;
  legal_regimes: string[];
  opened_month: DateString;
  closed_month: DateString | null;
  analysis_days: number | null;
  plan_days: number | null;
  execution_days: number | null;
  total_days: number | null;
  episodes: number;
  closure_reason: string | null;
  closure_outcome: string | null;
  zrm: ColumnType<Record<string, { start: number | null; closing: number | null }>, string, string>;
  recorded_month: DateString;
}

// ---- management information and the quality mirror (0019) ----
export interface CaseWorkerChangeTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  previous_worker_id: string | null;
  new_worker_id: string;
  changed_at: Generated<Date>;
  /** 0031: completed by the use case that changes the contact person (the trigger writes the row). */
  changed_by: Generated<string | null>;
  reason: Generated<string | null>;
  reason_note: Generated<string | null>;
  handover_note: Generated<string | null>;
  household_told: Generated<string | null>;
}
/** 0031: a municipal consultant linked to a case as process coordinator (procesregisseur); reads the case and the plan. */
export interface CaseProcessCoordinatorTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  user_id: string;
  linked_by: string;
  linked_at: Generated<Date>;
  unlinked_by: string | null;
  unlinked_at: Date | null;
}
export interface QualityAssessmentTable {
  id: Generated<string>;
  tenant_id: string;
  team_id: string;
  period: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
  updated_by: string;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface QualityAssessmentElementTable {
  tenant_id: string;
  assessment_id: string;
  element: string;
  score: number | null;
  notes: string | null;
}
/** A municipality whose case files all had management-information facts once (migration 0022). */
export interface MiFactCompleteTable {
  tenant_id: string;
  checked_at: Generated<Date>;
}
/** Pre-aggregated facts per case (written only by management-information/mi.facts.ts, read with raw SQL). */
export interface MiDirtyCaseTable {
  id: Generated<number>;
  tenant_id: string;
  case_id: string;
}
/** 0025: the pre-computed figures per team and (part of a) month (management-information/mi.cells.ts, raw SQL). */
export interface MiCellTable {
  tenant_id: string;
  team_id: string;
  first_day: DateString;
  last_day: DateString;
  /** json (not jsonb): the packed figures, returned as written. */
  figures: unknown;
  computed_at: Generated<Date>;
}
/** 0025: the team and day a change is counted on, marked by triggers; refreshCells recomputes the cells holding them. */
export interface MiDirtyDayTable {
  id: Generated<number>;
  tenant_id: string;
  team_id: string;
  day: DateString;
}
/** The migrator's own bookkeeping (platform/database/migrate.ts): one row per applied migration file. */
export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}
export interface MiCaseFactTable {
  case_id: string;
  tenant_id: string;
  team_id: string;
  household_id: string | null;
  phase: string;
  received_at: Date | null;
  decided_at: Date | null;
  opened_at: Date;
  closed_at: Date | null;
  first_contact_on: DateString | null;
  first_agreed_on: DateString | null;
  last_closed_on: DateString | null;
  worker_changes: Generated<number>;
  zrm_start: Generated<boolean>;
  zrm_pair: Generated<boolean>;
  participation_persons: Generated<number>;
  participation_up: Generated<number>;
  participation_same: Generated<number>;
  participation_down: Generated<number>;
  participation_change: Generated<number>;
  evaluation_reference_on: DateString | null;
  refreshed_at: Generated<Date>;
  plan_agreed_on: DateString | null;
  plan_domains: number | null;
  plan_own: boolean | null;
  plan_household: number | null;
  plan_family: number | null;
  plan_network: number | null;
  plan_professional: number | null;
  plan_unknown: number | null;
  plan_general: number | null;
  plan_group: number | null;
  plan_tailored: number | null;
  plan_none: number | null;
}
export interface MiPlanFactTable {
  plan_version_id: string;
  case_id: string;
  tenant_id: string;
  number: number;
  agreed_on: DateString;
  domains: number;
  own_plan: boolean;
  actions_household: number;
  actions_family: number;
  actions_network: number;
  actions_professional: number;
  actions_unknown: number;
  service_general: number;
  service_group: number;
  service_tailored: number;
  service_none: number;
}
export interface MiCaseZrmTable {
  case_id: string;
  tenant_id: string;
  team_id: string;
  closed_on: DateString;
  domain: string;
  pairs: number;
  change_sum: number;
  improved: number;
  same: number;
  worse: number;
}
export interface MiEvaluationFactTable {
  evaluation_id: string;
  case_id: string;
  tenant_id: string;
  team_id: string;
  held_on: DateString;
  reference_on: DateString | null;
}

export interface DB {
  case_worker_change: CaseWorkerChangeTable;
  case_process_coordinator: CaseProcessCoordinatorTable;
  quality_assessment: QualityAssessmentTable;
  quality_assessment_element: QualityAssessmentElementTable;
  mi_dirty_case: MiDirtyCaseTable;
  mi_dirty_day: MiDirtyDayTable;
  mi_cell: MiCellTable;
  schema_migration: SchemaMigrationTable;
  mi_fact_complete: MiFactCompleteTable;
  mi_case_fact: MiCaseFactTable;
  mi_plan_fact: MiPlanFactTable;
  mi_case_zrm: MiCaseZrmTable;
  mi_evaluation_fact: MiEvaluationFactTable;
  retention_setting: RetentionSettingTable;
  house_style: HouseStyleTable;
  avg_request: AvgRequestTable;
  avg_inspection_decision: AvgInspectionDecisionTable;
  avg_correction: AvgCorrectionTable;
  resident_statement: ResidentStatementTable;
  destruction_record: DestructionRecordTable;
  case_statistic: CaseStatisticTable;
  tenant: TenantTable;
  team: TeamTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  user_team: UserTeamTable;
  recovery_code: RecoveryCodeTable;
  session: SessionTable;
  draft_key: DraftKeyTable;
  login_attempt: LoginAttemptTable;
  oidc_login: OidcLoginTable;
  access_log: AccessLogTable;
  access_log_chain: AccessLogChainTable;
  access_log_anchor_setting: AccessLogAnchorSettingTable;
  access_log_anchor: AccessLogAnchorTable;
  emergency_access: EmergencyAccessTable;
  person: PersonTable;
  person_name_word: PersonNameWordTable;
  person_merge: PersonMergeTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  referral: ReferralTable;
  referral_counter: ReferralCounterTable;
  referral_person: ReferralPersonTable;
  referral_correction: ReferralCorrectionTable;
  referral_contact: ReferralContactTable;
  referral_attachment: ReferralAttachmentTable;
  host_question: HostQuestionTable;
  intake_meeting: IntakeMeetingTable;
  meeting_participant: MeetingParticipantTable;
  meeting_item: MeetingItemTable;
  triage: TriageTable;
  core_decision: CoreDecisionTable;
  letter_template: LetterTemplateTable;
  letter: LetterTable;
  outbox_message: OutboxMessageTable;
  case_file: CaseFileTable;
  network_person: NetworkPersonTable;
  analysis_conclusion: AnalysisConclusionTable;
  network_meeting: NetworkMeetingTable;
  network_meeting_invitee: NetworkMeetingInviteeTable;
  involved_professional: InvolvedProfessionalTable;
  zrm_criterion: ZrmCriterionTable;
  zrm_assessment: ZrmAssessmentTable;
  zrm_score: ZrmScoreTable;
  participation_measure: ParticipationMeasureTable;
  child_safety_assessment: ChildSafetyAssessmentTable;
  meldcode_record: MeldcodeRecordTable;
  meldcode_entry: MeldcodeEntryTable;
  outreach_attempt: OutreachAttemptTable;
  information_consent: InformationConsentTable;
  service: ServiceTable;
  plan: PlanTable;
  plan_file: PlanFileTable;
  plan_version: PlanVersionTable;
  plan_goal: PlanGoalTable;
  plan_action: PlanActionTable;
  plan_party: PlanPartyTable;
  contact_entry: ContactEntryTable;
  contact_goal: ContactGoalTable;
  contact_attachment: ContactAttachmentTable;
  task: TaskTable;
  case_review_meeting: CaseReviewMeetingTable;
  case_review_item: CaseReviewItemTable;
  behavioural_consultation: BehaviouralConsultationTable;
  agreed_action: AgreedActionTable;
  care_transfer: CareTransferTable;
  tandem_change: TandemChangeTable;
  scaling_decision: ScalingDecisionTable;
  policy_signal: PolicySignalTable;
  case_episode: CaseEpisodeTable;
  case_evaluation: CaseEvaluationTable;
  case_evaluation_goal: CaseEvaluationGoalTable;
  closing_question_answer: ClosingQuestionAnswerTable;
  case_closure: CaseClosureTable;
  case_closure_goal: CaseClosureGoalTable;
  case_closure_action: CaseClosureActionTable;
  case_letter: CaseLetterTable;
  case_watch: CaseWatchTable;
  watch_check_in: WatchCheckInTable;
  case_referral_link: CaseReferralLinkTable;
  resident_account: ResidentAccountTable;
  resident_representation: ResidentRepresentationTable;
  resident_login_code: ResidentLoginCodeTable;
  resident_login_attempt: ResidentLoginAttemptTable;
  resident_oidc_login: ResidentOidcLoginTable;
  resident_session: ResidentSessionTable;
  resident_message: ResidentMessageTable;
  resident_own_plan: ResidentOwnPlanTable;
}

// ---------- resident portal (0020) ----------
export interface ResidentAccountTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  email: string | null;
  identity_check: 'in_person' | 'digid';
  email_verified_at: Date | null;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  last_login_at: Date | null;
  version: Generated<number>;
}
export interface ResidentRepresentationTable {
  id: Generated<string>;
  tenant_id: string;
  representative_account_id: string;
  person_id: string;
  relation: 'parent' | 'legal_guardian' | 'mentor' | 'curator';
  evidence: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
  ended_at: Date | null;
  ended_by: string | null;
}
export interface ResidentLoginCodeTable {
  id: Generated<string>;
  email_hash: string;
  account_id: string | null;
  code_hash: string;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Date | null;
  ip: string | null;
}
export interface ResidentLoginAttemptTable {
  id: Generated<number>;
  ip: string;
  at: Timestamp;
  succeeded: boolean;
}
export interface ResidentOidcLoginTable {
  state: string;
  code_verifier: string;
  nonce: string;
  created_at: Timestamp;
}
export interface ResidentSessionTable {
  token_hash: string;
  tenant_id: string;
  account_id: string;
  auth_method: 'email_code' | 'digid';
  assurance: string | null;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}
export interface ResidentMessageTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  person_id: string;
  account_id: string;
  body: string;
  sent_at: Generated<Date>;
  read_at: Date | null;
  read_by: string | null;
  version: Generated<number>;
}
export interface ResidentOwnPlanTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  person_id: string;
  account_id: string;
  kind: 'family_group_plan' | 'personal_plan';
  text: string | null;
  filename: string | null;
  media_type: string | null;
  size_bytes: number | null;
  content: Buffer | null;
  submitted_at: Generated<Date>;
  read_at: Date | null;
  read_by: string | null;
}
