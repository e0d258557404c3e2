/**
 * Row types of the tables, as Kysely sees them. Kept in step with apps/api/migrations by hand;
 * the migration is the source of truth, and the integration tests exercise every column used.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
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
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
  version: Generated<number>;
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
  created_by: string;
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

export interface DB {
  tenant: TenantTable;
  team: TeamTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  user_team: UserTeamTable;
  recovery_code: RecoveryCodeTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  oidc_login: OidcLoginTable;
  access_log: AccessLogTable;
  person: PersonTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  referral: ReferralTable;
  referral_counter: ReferralCounterTable;
  referral_person: ReferralPersonTable;
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
}
