import { isValidBsn, ZRM_INSTRUMENTS } from '@nabij/contracts';
import type pg from 'pg';
import { createHash } from 'node:crypto';
import { BulkLoader, readSchemaColumns, textArray, type BulkTable, type Column, type SchemaColumns } from './bulk';
import {
  ACTIONS,
  CONTACT_NOTES,
  DISTRICTS,
  FEMALE_FIRST_NAMES,
  GOALS,
  HOST_CATEGORIES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  MUNICIPALITIES,
  NETWORK_NAMES,
  PROFESSIONALS,
  QUESTIONS,
  REFERRER_ORGANISATIONS,
  STREETS,
} from './names';
import { cumulativeWeights, Prng } from './prng';
import { SIZES, SYNTHETIC_BSN_FIRST, SYNTHETIC_BSN_LAST, type SizeName } from './sizes';

export interface GenerateOptions {
  size: SizeName;
  /** Seed of the generator; the same seed, size and anchor give the same data (and checksum). */
  seed?: string;
  /** The "today" of the dataset (YYYY-MM-DD): history lies before it, open cases are recent. */
  anchor: string;
  /** The argon2id hash every synthetic user gets (computed once by the caller). */
  passwordHash: string;
  /** Rows per INSERT batch. */
  batchRows?: number;
  onProgress?: (message: string) => void;
}

export interface GenerateResult {
  size: SizeName;
  seed: string;
  anchor: string;
  /** sha256 over every generated value (password hashes excluded), in generation order. */
  checksum: string;
  counts: Record<string, number>;
  seconds: number;
}

export const DEFAULT_SEED = 'nabij';

const DAY_MS = 86_400_000;
const ZRM_DOMAINS = ZRM_INSTRUMENTS.zrm2017;
type Phase = 'analysis' | 'plan' | 'execution' | 'closure' | 'watch' | 'closed';
const PHASES: readonly Phase[] = ['analysis', 'plan', 'execution', 'closure', 'watch', 'closed'];
/** Share of case files per phase (a team with five years of history). */
const PHASE_WEIGHTS = cumulativeWeights([8, 6, 17, 2, 3, 64]);
const LAST_NAME_WEIGHTS = cumulativeWeights(LAST_NAMES.map((n) => n[2]));
const CHANNELS = ['web_form', 'phone', 'walk_in', 'email', 'partner_signal', 'volunteer_handover'] as const;
const CHANNEL_WEIGHTS = cumulativeWeights([40, 25, 10, 12, 10, 3]);
const CONTACT_KINDS = ['home_visit', 'phone', 'office', 'video', 'accompany', 'network_meeting', 'other'] as const;
const CONTACT_KIND_WEIGHTS = cumulativeWeights([30, 35, 15, 5, 8, 4, 3]);
const PERFORMERS = [
  'self',
  'self_with_aids',
  'family_or_informal_carer',
  'network_or_volunteers',
  'case_worker_or_team',
  'other_organisation',
] as const;
const PERFORMER_WEIGHTS = cumulativeWeights([30, 5, 15, 15, 20, 15]);
const LANGUAGES = ['Arabisch', 'Turks', 'Pools', 'Tigrinya', 'Engels', 'Berbers (Tamazight)'];
const LEGAL_BASIS = 'public_task_social_domain';
/** jsonb's own text of {"synthetic": true} (the canonical form of the access-log hash uses detail::text). */
const SYNTHETIC_DETAIL = '{"synthetic": true}';
const GENESIS_HASH = '0'.repeat(64);

/** Tables in load order (parents first). Password hashes are left out of the checksum (argon2 salts are random). */
const TABLES: Record<string, readonly Column[]> = {
  tenant: [
    ['id', 'uuid'],
    ['slug', 'text'],
    ['name', 'text'],
    ['created_at', 'timestamptz'],
  ],
  team: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['name', 'text'],
    ['area', 'text'],
    ['created_at', 'timestamptz'],
    ['accepts_web_referrals', 'bool'],
    ['accepts_self_referrals', 'bool'],
    ['intake_email', 'text'],
    ['analysis_weeks', 'int'],
    ['outreach_weeks', 'int'],
    ['evaluation_weeks', 'int'],
  ],
  app_user: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['username', 'text'],
    ['display_name', 'text'],
    ['email', 'text'],
    ['password_hash', 'text'],
    ['must_change_password', 'bool'],
    ['active', 'bool'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['expertise', 'text[]'],
  ],
  user_role: [
    ['user_id', 'uuid'],
    ['role', 'text'],
  ],
  user_team: [
    ['user_id', 'uuid'],
    ['team_id', 'uuid'],
  ],
  service: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['organisation', 'text'],
    ['name', 'text'],
    ['description', 'text'],
    ['domains', 'text[]'],
    ['type', 'text'],
    ['area', 'text'],
  ],
  household: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['name', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  person: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['first_name', 'text'],
    ['infix', 'text'],
    ['last_name', 'text'],
    ['date_of_birth', 'date'],
    ['bsn', 'text'],
    ['postcode', 'text'],
    ['house_number', 'text'],
    ['house_number_addition', 'text'],
    ['street', 'text'],
    ['city', 'text'],
    ['email', 'text'],
    ['preferred_language', 'text'],
    ['interpreter_needed', 'bool'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['updated_at', 'timestamptz'],
    ['updated_by', 'uuid'],
  ],
  household_member: [
    ['household_id', 'uuid'],
    ['person_id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['relation', 'text'],
  ],
  intake_meeting: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['team_id', 'uuid'],
    ['date', 'date'],
    ['chair_user_id', 'uuid'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
  meeting_participant: [
    ['id', 'uuid'],
    ['meeting_id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['user_id', 'uuid'],
    ['role', 'text'],
  ],
  referral: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['team_id', 'uuid'],
    ['reference', 'text'],
    ['channel', 'text'],
    ['status', 'text'],
    ['received_at', 'timestamptz'],
    ['referrer_kind', 'text'],
    ['referrer_name', 'text'],
    ['referrer_organisation', 'text'],
    ['referrer_role', 'text'],
    ['life_domains', 'text[]'],
    ['question', 'text'],
    ['urgency', 'text'],
    ['children_at_risk', 'text'],
    ['resident_awareness', 'text'],
    ['household_id', 'uuid'],
    ['regiecheck_done_at', 'timestamptz'],
    ['regiecheck_done_by', 'uuid'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  referral_person: [
    ['id', 'uuid'],
    ['referral_id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['position', 'int'],
    ['role', 'text'],
    ['first_name', 'text'],
    ['infix', 'text'],
    ['last_name', 'text'],
    ['date_of_birth', 'date'],
    ['bsn', 'text'],
    ['postcode', 'text'],
    ['house_number', 'text'],
    ['street', 'text'],
    ['city', 'text'],
    ['person_id', 'uuid'],
  ],
  meeting_item: [
    ['meeting_id', 'uuid'],
    ['referral_id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['position', 'int'],
  ],
  triage: [
    ['referral_id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['meeting_id', 'uuid'],
    ['situation', 'text'],
    ['life_domains', 'text[]'],
    ['multiple_problems', 'bool'],
    ['urgency', 'text'],
    ['safety', 'text'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  core_decision: [
    ['referral_id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['meeting_id', 'uuid'],
    ['outcome', 'text'],
    ['interventions', 'text'],
    ['goal', 'text'],
    ['carried_out_by', 'text'],
    ['reasoning', 'text'],
    ['discussed_with_resident', 'bool'],
    ['decided_by', 'uuid'],
    ['decided_at', 'timestamptz'],
  ],
  case_file: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['team_id', 'uuid'],
    ['referral_id', 'uuid'],
    ['household_id', 'uuid'],
    ['primary_person_id', 'uuid'],
    ['case_worker_id', 'uuid'],
    ['tandem_worker_id', 'uuid'],
    ['phase', 'text'],
    ['opened_at', 'timestamptz'],
    ['opened_by', 'uuid'],
    ['closed_at', 'timestamptz'],
    ['consent_kind', 'text'],
    ['consent_date', 'date'],
    ['consent_recorded_by', 'uuid'],
    ['legal_basis', 'text'],
    ['reason_without_consent', 'text'],
    ['analysis_deadline', 'date'],
    ['version', 'int'],
    ['legal_bases', 'text[]'],
    ['processing_purposes', 'text[]'],
    ['basis_recorded_by', 'uuid'],
    ['basis_recorded_at', 'timestamptz'],
  ],
  network_person: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['name', 'text'],
    ['relation_type', 'text'],
    ['quality', 'text'],
    ['contact_frequency', 'text'],
    ['key_figure', 'bool'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
  involved_professional: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['organisation', 'text'],
    ['role', 'text'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
  participation_measure: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['person_id', 'uuid'],
    ['rung', 'smallint'],
    ['measured_on', 'date'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  child_safety_assessment: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['assessed_on', 'date'],
    ['signs', 'text'],
    ['protective_factors', 'text'],
    ['risk_level', 'text'],
    ['actions', 'text'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  information_consent: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['person_id', 'uuid'],
    ['recipient', 'text'],
    ['scope', 'text'],
    ['form', 'text'],
    ['given_on', 'date'],
    ['expires_on', 'date'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  outreach_attempt: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['attempted_on', 'date'],
    ['way', 'text'],
    ['contact_made', 'bool'],
    ['note', 'text'],
    ['recorded_by', 'uuid'],
  ],
  meldcode_record: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['status', 'text'],
    ['started_on', 'date'],
    ['started_by', 'uuid'],
  ],
  meldcode_entry: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['record_id', 'uuid'],
    ['kind', 'text'],
    ['on_date', 'date'],
    ['fact', 'text'],
    ['source', 'text'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  zrm_assessment: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['person_id', 'uuid'],
    ['instrument', 'text'],
    ['kind', 'text'],
    ['assessed_on', 'date'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  zrm_score: [
    ['assessment_id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['domain', 'text'],
    ['score', 'smallint'],
    ['out_of_scope_reason', 'text'],
  ],
  plan: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
  plan_version: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['plan_id', 'uuid'],
    ['number', 'int'],
    ['status', 'text'],
    ['starts_on', 'date'],
    ['change_reason', 'text'],
    ['coordination', 'text'],
    ['coordinator_name', 'text'],
    ['agreement_form', 'text'],
    ['agreed_on', 'date'],
    ['agreed_by_name', 'text'],
    ['agreement_recorded_by', 'uuid'],
    ['agreement_recorded_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
  plan_goal: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['plan_version_id', 'uuid'],
    ['position', 'int'],
    ['domain', 'text'],
    ['zrm_score', 'smallint'],
    ['zrm_assessed_on', 'date'],
    ['problem', 'text'],
    ['goal', 'text'],
    ['intended_result', 'text'],
  ],
  plan_action: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['goal_id', 'uuid'],
    ['position', 'int'],
    ['description', 'text'],
    ['performer', 'text'],
    ['service_id', 'uuid'],
    ['due_on', 'date'],
    ['status', 'text'],
  ],
  case_evaluation: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['episode', 'int'],
    ['held_on', 'date'],
    ['participants', 'text'],
    ['plan_version_id', 'uuid'],
    ['conclusion', 'text'],
    ['summary', 'text'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  case_evaluation_goal: [
    ['tenant_id', 'uuid'],
    ['evaluation_id', 'uuid'],
    ['goal_id', 'uuid'],
    ['status', 'text'],
  ],
  closing_question_answer: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['episode', 'int'],
    ['something_goes_wrong', 'bool'],
    ['answered_by', 'uuid'],
    ['answered_at', 'timestamptz'],
  ],
  case_closure: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['episode', 'int'],
    ['closed_on', 'date'],
    ['outcome', 'text'],
    ['reason', 'text'],
    ['referred_to', 'text'],
    ['process_worked', 'text'],
    ['process_learned', 'text'],
    ['closing_question_id', 'uuid'],
    ['plan_version_id', 'uuid'],
    ['outcome_snapshot', 'jsonb'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  case_closure_goal: [
    ['tenant_id', 'uuid'],
    ['closure_id', 'uuid'],
    ['goal_id', 'uuid'],
    ['status', 'text'],
    ['result', 'text'],
  ],
  case_watch: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['episode', 'int'],
    ['closure_id', 'uuid'],
    ['started_on', 'date'],
    ['check_in_interval_weeks', 'int'],
    ['next_check_in_on', 'date'],
    ['ends_on', 'date'],
    ['ended_on', 'date'],
    ['end_kind', 'text'],
    ['ended_by', 'uuid'],
  ],
  watch_check_in: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['watch_id', 'uuid'],
    ['case_id', 'uuid'],
    ['checked_on', 'date'],
    ['way', 'text'],
    ['all_well', 'bool'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  contact_entry: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['case_id', 'uuid'],
    ['kind', 'text'],
    ['contact_on', 'date'],
    ['duration_minutes', 'int'],
    ['participants', 'text'],
    ['note', 'text'],
    ['internal', 'bool'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  contact_goal: [
    ['tenant_id', 'uuid'],
    ['contact_id', 'uuid'],
    ['goal_id', 'uuid'],
  ],
  task: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['team_id', 'uuid'],
    ['case_id', 'uuid'],
    ['kind', 'text'],
    ['title', 'text'],
    ['due_on', 'date'],
    ['assignee_id', 'uuid'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
  host_question: [
    ['id', 'uuid'],
    ['tenant_id', 'uuid'],
    ['team_id', 'uuid'],
    ['at', 'timestamptz'],
    ['category', 'text'],
    ['outcome', 'text'],
    ['created_by', 'uuid'],
  ],
  referral_counter: [
    ['tenant_id', 'uuid'],
    ['year', 'int'],
    ['last_number', 'int'],
  ],
  access_log: [
    ['id', 'bigint'],
    ['at', 'timestamptz'],
    ['tenant_id', 'uuid'],
    ['user_id', 'uuid'],
    ['user_role', 'text'],
    ['team_id', 'uuid'],
    ['action', 'text'],
    ['event', 'text'],
    ['person_id', 'uuid'],
    ['case_id', 'uuid'],
    ['data_category', 'text'],
    ['legal_basis', 'text'],
    ['outcome', 'text'],
    ['detail', 'jsonb'],
    ['seq', 'bigint'],
    ['prev_hash', 'text'],
    ['hash', 'text'],
  ],
};

interface Team {
  id: string;
  tenantId: string;
  index: number;
  coordinator: string;
  scientist: string;
  desk: string;
  host: string;
  consultant: string;
  workers: string[];
  workerNames: Map<string, string>;
  /** Tuesday meetings (day offsets) and their ids. */
  meetings: Map<number, string>;
}

interface Tenant {
  id: string;
  slug: string;
  name: string;
  postcodeBase: number;
  services: string[];
  /** Next free index in the BSN block, and how many were handed out. */
  bsnCursor: number;
  referralNumbers: Map<number, number>;
}

interface Member {
  id: string;
  first: string;
  infix: string | null;
  last: string;
  dob: string;
  adult: boolean;
  relation: 'parent' | 'child' | 'partner' | 'other';
  bsn: string | null;
}

interface PlanFacts {
  versions: Array<{ id: string; fromDay: number; goalIds: string[]; agreed: boolean }>;
  agreedDay: number | null;
}

interface Household {
  id: string;
  name: string;
  members: Member[];
  postcode: string;
  number: string;
  street: string;
}

/**
 * Generates a synthetic set of municipalities into an empty, migrated database, as the owner (row-level
 * security does not apply to the owner; request code never runs as it). Deterministic: the same options
 * give the same rows and checksum.
 */
export async function generateSynthetic(
  client: pg.PoolClient | pg.Client,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const started = Date.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const schema = await readSchemaColumns(client);
  const g = new Generator(client, schema, { ...options, seed });
  const roleCheck = await client.query<{ def: string }>(
    `select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'user_role_role_check'`,
  );
  g.policyAdvisors = roleCheck.rows.some((r) => r.def.includes('policy_advisor'));
  await client.query('set synchronous_commit = off');
  // Load without per-row triggers: foreign-key checks (the generator writes parents before children; the
  // integration test checks every foreign key afterwards) and the access-log seal, whose hash chain the
  // generator computes itself (same canonical form as migration 0016). `replica` needs a superuser (the
  // server's postgres, or the embedded database); otherwise only the seal trigger is switched off, as the owner.
  let replica = true;
  try {
    await client.query('set session_replication_role = replica');
    g.loader.independent = true;
  } catch {
    replica = false;
    if (g.chained) await client.query('alter table access_log disable trigger access_log_seal');
  }
  // Secondary indexes are built once after the load (much faster than row by row); the primary keys and
  // unique constraints stay. Every dropped index is recreated from its own definition, also after a failure.
  const indexes = await client.query<{ name: string; def: string }>(`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = 'public' and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
    order by i.tablename, i.indexname`);
  await client.query(`set maintenance_work_mem = '256MB'`);
  for (const ix of indexes.rows) await client.query(`drop index "${ix.name}"`);
  let loaded = false;
  try {
    await g.run();
    g.finishChains();
    const checksum = await g.loader.finish();
    if (g.lastLogId > 0)
      await client.query(`select setval(pg_get_serial_sequence('access_log', 'id'), $1)`, [g.lastLogId]);
    loaded = true;
    const loadSeconds = (Date.now() - started) / 1000;
    options.onProgress?.(`rows loaded in ${loadSeconds.toFixed(1)} s; building ${indexes.rows.length} indexes`);
    await recreate(client, indexes.rows);
    indexes.rows.length = 0;
    // Statistics for the planner right away (autovacuum would get there later).
    options.onProgress?.('analysing tables');
    await client.query('analyze');
    return {
      size: options.size,
      seed,
      anchor: options.anchor,
      checksum,
      counts: Object.fromEntries(g.loader.counts),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    if (!loaded) await g.loader.drain(0).catch(() => undefined);
    await recreate(client, indexes.rows).catch((err: unknown) =>
      options.onProgress?.(`recreating indexes failed: ${String(err)}`),
    );
    if (replica) await client.query('reset session_replication_role');
    else if (g.chained) await client.query('alter table access_log enable trigger access_log_seal');
  }
}

async function recreate(
  client: pg.PoolClient | pg.Client,
  indexes: Array<{ name: string; def: string }>,
): Promise<void> {
  for (const ix of indexes) await client.query(ix.def);
}

class Generator {
  readonly loader: BulkLoader;
  private readonly t: Record<string, BulkTable>;
  private readonly rng: Prng;
  private readonly anchorMs: number;
  private readonly spec: (typeof SIZES)[SizeName];
  /** Day offset (≤ 0) of the first day of history. */
  private readonly historyStart: number;
  private readonly anchorWeekday: number;

  /** Whether the access log is hash-chained (migration 0016): then every generated row carries seq, prev_hash, hash. */
  readonly chained: boolean;
  private readonly chains = new Map<string, { seq: number; hash: string }>();
  lastLogId = 0;
  /** Whether the schema knows the policy advisor role (management information). */
  policyAdvisors = false;

  constructor(
    client: pg.PoolClient | pg.Client,
    schema: SchemaColumns,
    private readonly o: GenerateOptions & { seed: string },
  ) {
    this.loader = new BulkLoader(client, schema, o.batchRows ?? 5_000);
    this.chained = schema.has('access_log_chain.last_hash');
    this.t = Object.fromEntries(
      Object.entries(TABLES).map(([name, cols]) => [
        name,
        this.loader.table(name, cols, {
          checksumExclude: name === 'app_user' ? ['password_hash'] : [],
          overridingSystemValue: name === 'access_log',
        }),
      ]),
    );
    this.rng = new Prng(`${o.seed}:${o.size}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.anchor)) throw new Error('anchor must be YYYY-MM-DD');
    this.anchorMs = Date.parse(`${o.anchor}T00:00:00Z`);
    this.spec = SIZES[o.size];
    this.historyStart = -Math.round(this.spec.historyYears * 365.25);
    this.anchorWeekday = new Date(this.anchorMs).getUTCDay();
  }

  private day(offset: number): string {
    return new Date(this.anchorMs + offset * DAY_MS).toISOString().slice(0, 10);
  }
  /** A moment on a day, during office hours (07:00–16:00 UTC ≈ 08:00–18:00 in Amsterdam). */
  private at(offset: number, rng: Prng): string {
    return new Date(this.anchorMs + offset * DAY_MS + (7 * 60 + rng.int(0, 9 * 60)) * 60_000).toISOString();
  }
  /** The Tuesday on or after a day offset. */
  private tuesdayFrom(offset: number): number {
    const weekday = (((this.anchorWeekday + offset) % 7) + 7) % 7;
    return offset + ((2 - weekday + 7) % 7);
  }

  async run(): Promise<void> {
    const tenantsSpec = this.spec.teamsPerTenant;
    let teamCounter = 0;
    for (let ti = 0; ti < tenantsSpec.length; ti++) {
      const rng = this.rng.fork(`tenant:${ti}`);
      const tenant = this.tenant(ti, rng);
      const teams: Team[] = [];
      const districts = rng.sample(DISTRICTS, Math.min(DISTRICTS.length, tenantsSpec[ti]!));
      for (let k = 0; k < tenantsSpec[ti]!; k++)
        teams.push(this.team(tenant, k, districts[k] ?? `Wijk ${k + 1}`, rng.fork(`team:${k}`)));
      this.tenantUsers(tenant, teams, rng);
      await this.loader.tick();
      for (const team of teams) {
        await this.teamHistory(tenant, team, rng.fork(`history:${team.index}`));
        teamCounter++;
        this.o.onProgress?.(`${tenant.name}: team ${team.index + 1}/${teams.length} (${teamCounter} teams done)`);
      }
      for (const [year, n] of tenant.referralNumbers) this.t.referral_counter!.add([tenant.id, year, n]);
    }
  }

  // ---------- organisation ----------

  private tenant(index: number, rng: Prng): Tenant {
    const base = MUNICIPALITIES[index % MUNICIPALITIES.length]!;
    const round = Math.floor(index / MUNICIPALITIES.length);
    const name = round === 0 ? base : `${base} ${round + 1}`;
    const slug = `syn-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 50).replace(/-$/, '');
    const tenant: Tenant = {
      id: rng.uuid(),
      slug,
      name: `Gemeente ${name}`,
      postcodeBase: 1000 + ((index * 373) % 8600),
      services: [],
      bsnCursor: rng.int(0, 10_000),
      referralNumbers: new Map(),
    };
    this.t.tenant!.add([tenant.id, tenant.slug, tenant.name, this.at(this.historyStart - 30, rng)]);
    for (const domain of ZRM_DOMAINS) {
      for (const type of ['general', 'group', 'tailored'] as const) {
        if (type !== 'general' && rng.chance(0.4)) continue;
        const id = rng.uuid();
        tenant.services.push(id);
        const what = { general: 'Inloop', group: 'Groepsaanbod', tailored: 'Maatwerk' }[type];
        this.t.service!.add([
          id,
          tenant.id,
          `Welzijn ${name}`,
          `${what} ${domain.replace(/_/g, ' ')}`,
          'Aanbod uit de sociale kaart (synthetisch).',
          textArray([domain]),
          type,
          'Hele gemeente',
        ]);
      }
    }
    return tenant;
  }

  private user(
    tenant: Tenant,
    username: string,
    roles: string[],
    teamIds: string[],
    rng: Prng,
    expertise: string[] = [],
  ): { id: string; name: string } {
    const female = rng.chance(0.7);
    const [infix, last] = this.lastName(rng);
    const name = [female ? rng.pick(FEMALE_FIRST_NAMES) : rng.pick(MALE_FIRST_NAMES), infix, last]
      .filter(Boolean)
      .join(' ');
    const id = rng.uuid();
    const created = this.at(this.historyStart - 20, rng);
    this.t.app_user!.add([
      id,
      tenant.id,
      username,
      name,
      `${username}@${tenant.slug}.invalid`,
      this.o.passwordHash,
      false,
      true,
      created,
      created,
      textArray(expertise),
    ]);
    for (const role of roles) this.t.user_role!.add([id, role]);
    for (const teamId of teamIds) this.t.user_team!.add([id, teamId]);
    return { id, name };
  }

  private team(tenant: Tenant, index: number, district: string, rng: Prng): Team {
    const id = rng.uuid();
    const no = String(index + 1).padStart(2, '0');
    this.t.team!.add([
      id,
      tenant.id,
      `Wijkteam ${district}`,
      district,
      this.at(this.historyStart - 25, rng),
      true,
      rng.chance(0.7),
      `wijkteam${no}@${tenant.slug}.invalid`,
      6,
      8,
      13,
    ]);
    const prefix = `${tenant.slug.slice(4)}.t${no}`;
    const u = (suffix: string, roles: string[]) => this.user(tenant, `${prefix}.${suffix}`, roles, [id], rng).id;
    const team: Team = {
      id,
      tenantId: tenant.id,
      index,
      coordinator: u('coordinator', ['team_coordinator']),
      scientist: u('gedragswetenschapper', ['behavioural_scientist']),
      desk: u('bureaudienst', ['intake_desk']),
      host: u('gastvrouw', ['volunteer_host']),
      consultant: u('consulent', ['municipal_consultant']),
      workers: [],
      workerNames: new Map(),
      meetings: new Map(),
    };
    const expertise = [
      'schulden',
      'opvoeding',
      'GGZ',
      'verslaving',
      'ouderen',
      'jongeren',
      'huisvesting',
      'werk en inkomen',
    ];
    for (let w = 1; w <= this.spec.caseWorkersPerTeam; w++) {
      const worker = this.user(
        tenant,
        `${prefix}.werker${String(w).padStart(2, '0')}`,
        ['case_worker'],
        [id],
        rng,
        rng.sample(expertise, rng.int(1, 2)),
      );
      team.workers.push(worker.id);
      team.workerNames.set(worker.id, worker.name);
    }
    return team;
  }

  private tenantUsers(tenant: Tenant, teams: Team[], rng: Prng): void {
    const short = tenant.slug.slice(4);
    this.user(tenant, `${short}.privacy`, ['privacy_officer'], [], rng);
    this.user(tenant, `${short}.beheerder`, ['functional_admin'], [], rng);
    if (this.policyAdvisors) this.user(tenant, `${short}.beleid`, ['policy_advisor'], [], rng);
  }

  // ---------- people ----------

  private lastName(rng: Prng): [string | null, string] {
    const n = rng.pickWeighted(LAST_NAMES, LAST_NAME_WEIGHTS);
    return [n[0], n[1]];
  }

  private nextBsn(tenant: Tenant): string {
    const span = SYNTHETIC_BSN_LAST - SYNTHETIC_BSN_FIRST + 1;
    for (let tries = 0; tries < 20; tries++) {
      const candidate = String(SYNTHETIC_BSN_FIRST + (tenant.bsnCursor++ % span));
      if (isValidBsn(candidate)) return candidate;
    }
    throw new Error('no valid test BSN found');
  }

  private household(
    tenant: Tenant,
    team: Team,
    rng: Prng,
    createdDay: number,
    createdBy: string,
    municipality: string,
  ): Household {
    const [infix, last] = this.lastName(rng);
    const sizeRoll = rng.next();
    const size =
      sizeRoll < 0.4
        ? 1
        : sizeRoll < 0.65
          ? 2
          : sizeRoll < 0.8
            ? 3
            : sizeRoll < 0.92
              ? 4
              : sizeRoll < 0.97
                ? 5
                : rng.int(6, 8);
    const birthYear = (minAge: number, maxAge: number) => {
      const anchorYear = Number(this.o.anchor.slice(0, 4));
      return anchorYear - rng.int(minAge, maxAge);
    };
    const dob = (year: number) =>
      `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const members: Member[] = [];
    const singleOlder = size === 1 && rng.chance(0.45);
    const firstFemale = rng.chance(0.62);
    const first: Member = {
      id: rng.uuid(),
      first: firstFemale ? rng.pick(FEMALE_FIRST_NAMES) : rng.pick(MALE_FIRST_NAMES),
      infix,
      last,
      dob: dob(singleOlder ? birthYear(65, 92) : birthYear(21, 64)),
      adult: true,
      relation: size === 1 ? 'other' : 'parent',
      bsn: null,
    };
    members.push(first);
    let children = size - 1;
    if (size >= 2 && rng.chance(0.55)) {
      const [pInfix, pLast] = rng.chance(0.6) ? [infix, last] : this.lastName(rng);
      members.push({
        id: rng.uuid(),
        first: firstFemale ? rng.pick(MALE_FIRST_NAMES) : rng.pick(FEMALE_FIRST_NAMES),
        infix: pInfix,
        last: pLast,
        dob: dob(birthYear(21, 66)),
        adult: true,
        relation: size === 2 && rng.chance(0.5) ? 'partner' : 'parent',
        bsn: null,
      });
      children--;
    }
    for (let c = 0; c < children; c++) {
      members.push({
        id: rng.uuid(),
        first: rng.chance(0.5) ? rng.pick(FEMALE_FIRST_NAMES) : rng.pick(MALE_FIRST_NAMES),
        infix,
        last,
        dob: dob(birthYear(0, 19)),
        adult: false,
        relation: 'child',
        bsn: null,
      });
    }
    const number = String(rng.int(1, 240));
    const postcode = `${tenant.postcodeBase + team.index * 7 + rng.int(0, 6)}${this.postcodeLetters(rng)}`;
    const street = rng.pick(STREETS);
    const addition = rng.chance(0.12) ? rng.pick(['A', 'B', 'bis', '1', '2', 'hs']) : null;
    const h: Household = {
      id: rng.uuid(),
      name: `Huishouden ${[infix ? capitalise(infix) : null, last].filter(Boolean).join(' ')}`,
      members,
      postcode,
      number,
      street,
    };
    const created = this.at(createdDay, rng);
    this.t.household!.add([h.id, tenant.id, h.name, created, created]);
    for (const m of members) {
      m.bsn = rng.chance(m.adult ? 0.55 : 0.45) ? this.nextBsn(tenant) : null;
      const email =
        m.adult && rng.chance(0.15) ? `${ascii(m.first)}.${ascii(m.last)}${rng.int(1, 99)}@voorbeeld.invalid` : null;
      const language = rng.chance(0.08) ? rng.pick(LANGUAGES) : null;
      this.t.person!.add([
        m.id,
        tenant.id,
        m.first,
        m.infix,
        m.last,
        m.dob,
        m.bsn,
        postcode,
        number,
        addition,
        street,
        municipality,
        email,
        language,
        language !== null && rng.chance(0.5),
        created,
        createdBy,
        created,
        createdBy,
      ]);
      this.t.household_member!.add([h.id, m.id, tenant.id, m.relation]);
      this.log(
        tenant.id,
        created,
        createdBy,
        'intake_desk',
        team.id,
        'create',
        'person.registered',
        m.id,
        null,
        'identity',
      );
    }
    return h;
  }

  private postcodeLetters(rng: Prng): string {
    const letters = 'ABCDEFGHJKLMNPRTVWXZ';
    for (;;) {
      const s = letters[rng.int(0, letters.length - 1)]! + letters[rng.int(0, letters.length - 1)]!;
      if (s !== 'SA' && s !== 'SD' && s !== 'SS') return s;
    }
  }

  /**
   * An access-log row for a generated record, as the application would have written when it was made
   * (marked {"synthetic": true}); the act of generating is not an access and is not logged. With the hash
   * chain, the row is sealed here exactly as the database trigger would seal it.
   */
  private log(
    tenantId: string,
    at: string,
    userId: string,
    role: string,
    teamId: string | null,
    action: string,
    event: string,
    personId: string | null,
    caseId: string | null,
    category: string,
  ): void {
    const id = ++this.lastLogId;
    if (!this.chained) {
      this.t.access_log!.add([
        id,
        at,
        tenantId,
        userId,
        role,
        teamId,
        action,
        event,
        personId,
        caseId,
        category,
        LEGAL_BASIS,
        'allowed',
        SYNTHETIC_DETAIL,
        null,
        null,
        null,
      ]);
      return;
    }
    const chain = this.chains.get(tenantId) ?? { seq: 0, hash: GENESIS_HASH };
    const canonical = [
      'nabij-access-log-v1',
      chain.hash,
      String(id),
      tenantId,
      `${at.slice(0, 19)}.${at.slice(20, 23)}000Z`,
      userId,
      role,
      teamId,
      null,
      action,
      event,
      personId,
      caseId,
      category,
      LEGAL_BASIS,
      'allowed',
      null,
      null,
      'false',
      SYNTHETIC_DETAIL,
    ]
      .map((v) => (v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')))
      .join('|');
    const hash = createHash('sha256').update(canonical, 'utf8').digest('hex');
    this.t.access_log!.add([
      id,
      at,
      tenantId,
      userId,
      role,
      teamId,
      action,
      event,
      personId,
      caseId,
      category,
      LEGAL_BASIS,
      'allowed',
      SYNTHETIC_DETAIL,
      chain.seq + 1,
      chain.hash,
      hash,
    ]);
    this.chains.set(tenantId, { seq: chain.seq + 1, hash });
  }

  /** The chain heads, written after the last access-log batch. */
  finishChains(): void {
    this.loader.flushAll();
    for (const [tenantId, head] of this.chains) {
      this.loader.query('insert into access_log_chain (tenant_id, last_seq, last_hash) values ($1, $2, $3)', [
        tenantId,
        head.seq,
        head.hash,
      ]);
    }
  }

  // ---------- intake and case files ----------

  private meeting(team: Team, dayOffset: number, rng: Prng): { id: string; day: number } {
    const day = this.tuesdayFrom(dayOffset);
    let id = team.meetings.get(day);
    if (!id) {
      id = rng.uuid();
      team.meetings.set(day, id);
      this.t.intake_meeting!.add([
        id,
        team.tenantId,
        team.id,
        this.day(day),
        team.coordinator,
        team.coordinator,
        this.at(day - 7, rng),
      ]);
      this.t.meeting_participant!.add([rng.uuid(), id, team.tenantId, team.coordinator, 'voorzitter']);
      this.t.meeting_participant!.add([rng.uuid(), id, team.tenantId, team.desk, 'bureaudienst']);
      this.t.meeting_participant!.add([rng.uuid(), id, team.tenantId, team.consultant, 'consulent Wmo/Jeugd']);
      for (const w of rng.sample(team.workers, 2))
        this.t.meeting_participant!.add([rng.uuid(), id, team.tenantId, w, 'wijkteamwerker']);
    }
    return { id, day };
  }

  private reference(tenant: Tenant, received: string): string {
    const year = Number(received.slice(0, 4));
    const n = (tenant.referralNumbers.get(year) ?? 0) + 1;
    tenant.referralNumbers.set(year, n);
    return `AM-${year}-${String(n).padStart(5, '0')}`;
  }

  private referral(
    tenant: Tenant,
    team: Team,
    rng: Prng,
    h: Household,
    domains: string[],
    receivedDay: number,
    status: string,
  ): { id: string; received: string } {
    const id = rng.uuid();
    const received = this.at(receivedDay, rng);
    const channel = rng.pickWeighted(CHANNELS, CHANNEL_WEIGHTS);
    const kind = channel === 'partner_signal' ? 'partner' : rng.chance(0.7) ? 'professional' : 'self';
    const org = rng.pick(REFERRER_ORGANISATIONS);
    const hasChildren = h.members.some((m) => !m.adult);
    const [rInfix, rLast] = this.lastName(rng);
    const referrerName =
      kind === 'self' ? null : [rng.pick(FEMALE_FIRST_NAMES), rInfix, rLast].filter(Boolean).join(' ');
    const regiecheck = status === 'new' ? null : this.at(receivedDay + 1, rng);
    this.t.referral!.add([
      id,
      tenant.id,
      team.id,
      this.reference(tenant, received),
      channel,
      status,
      received,
      kind,
      referrerName,
      kind === 'self' ? null : org[0],
      kind === 'self' ? null : org[1],
      textArray(domains),
      QUESTIONS[domains[0]!] ?? QUESTIONS.finances!,
      rng.pickWeighted(['normal', 'soon', 'urgent'] as const, [70, 90, 100]),
      hasChildren ? rng.pickWeighted(['no', 'unknown', 'yes'] as const, [70, 92, 100]) : 'no',
      'agrees',
      h.id,
      regiecheck,
      regiecheck ? team.desk : null,
      team.desk,
      received,
      received,
    ]);
    h.members.forEach((m, i) => {
      this.t.referral_person!.add([
        rng.uuid(),
        id,
        tenant.id,
        i,
        i === 0 ? 'resident' : 'household_member',
        m.first,
        m.infix,
        m.last,
        m.dob,
        m.bsn,
        h.postcode,
        h.number,
        h.street,
        null,
        m.id,
      ]);
    });
    this.log(
      tenant.id,
      received,
      team.desk,
      'intake_desk',
      team.id,
      'create',
      'referral.registered',
      h.members[0]!.id,
      null,
      'referral',
    );
    return { id, received };
  }

  private decide(
    tenant: Tenant,
    team: Team,
    rng: Prng,
    referralId: string,
    domains: string[],
    meeting: { id: string; day: number },
    outcome: string,
    position: number,
  ): void {
    const decidedAt = this.at(meeting.day, rng);
    this.t.meeting_item!.add([meeting.id, referralId, tenant.id, position]);
    this.t.triage!.add([
      referralId,
      tenant.id,
      meeting.id,
      'Besproken in het aanmeldoverleg; zie de hulpvraag.',
      textArray(domains),
      domains.length > 1,
      rng.pickWeighted(['low', 'medium', 'high', 'crisis'] as const, [30, 80, 98, 100]),
      'Geen acute onveiligheid bekend.',
      team.coordinator,
      decidedAt,
    ]);
    this.t.core_decision!.add([
      referralId,
      tenant.id,
      meeting.id,
      outcome,
      outcome === 'take_up' ? 'Ondersteuning door het wijkteam' : null,
      outcome === 'take_up' ? 'Zelfredzaamheid op de genoemde leefgebieden' : null,
      outcome === 'take_up' ? 'wijkteam' : null,
      'Meerdere leefgebieden; het huishouden wil hulp.',
      rng.chance(0.7),
      team.coordinator,
      decidedAt,
    ]);
  }

  private async teamHistory(tenant: Tenant, team: Team, rng: Prng): Promise<void> {
    const municipality = tenant.name.replace(/^Gemeente /, '');
    const cases = this.spec.casesPerTeam;
    /** Closed households of this team that may come back with a new question. */
    const returning: Household[] = [];
    for (let i = 0; i < cases; i++) {
      const phase = rng.pickWeighted(PHASES, PHASE_WEIGHTS);
      const open = this.openedDay(phase, rng);
      const meeting = this.meeting(team, open - 6, rng);
      const openedDay = Math.min(meeting.day + (rng.chance(0.8) ? 0 : rng.int(1, 3)), 0);
      const receivedDay = meeting.day - rng.int(2, 12);
      const reuse = phase !== 'closed' && returning.length > 0 && rng.chance(0.06);
      const h = reuse
        ? returning.splice(rng.int(0, returning.length - 1), 1)[0]!
        : this.household(tenant, team, rng, receivedDay, team.desk, municipality);
      const domains: string[] = rng.sample(ZRM_DOMAINS, rng.pickWeighted([1, 2, 3, 4], [20, 60, 90, 100]));
      if (h.members.some((m) => !m.adult) && rng.chance(0.35)) domains.push('parenting');
      const ref = this.referral(tenant, team, rng, h, domains, receivedDay, 'closed');
      this.decide(tenant, team, rng, ref.id, domains, meeting, 'take_up', i % 12);
      this.caseFile(tenant, team, rng, h, ref.id, domains, phase, openedDay);
      if (phase === 'closed' && returning.length < 200) returning.push(h);
      // Referrals the team did not take up (advice, elsewhere, not for us): about one in eleven.
      if (rng.chance(0.09)) {
        const other = this.household(tenant, team, rng, receivedDay, team.desk, municipality);
        const d = rng.sample(ZRM_DOMAINS, rng.int(1, 2));
        const r = this.referral(tenant, team, rng, other, d, receivedDay, 'closed');
        this.decide(
          tenant,
          team,
          rng,
          r.id,
          d,
          meeting,
          rng.pick(['advice', 'refer_elsewhere', 'not_for_us']),
          12 + (i % 4),
        );
      }
      if (i % 25 === 0) await this.loader.tick();
    }
    this.inbox(tenant, team, rng, municipality);
    // Volunteer hosts: a few simple questions a week, counted.
    for (let d = this.historyStart; d <= 0; d += 7) {
      for (let q = rng.int(0, 4); q > 0; q--) {
        this.t.host_question!.add([
          rng.uuid(),
          tenant.id,
          team.id,
          this.at(d + rng.int(0, 4), rng),
          rng.pick(HOST_CATEGORIES),
          rng.chance(0.85) ? 'answered' : 'handed_over',
          team.host,
        ]);
      }
    }
    await this.loader.tick();
  }

  /** The intake desk's current work: referrals in every status before assignment. */
  private inbox(tenant: Tenant, team: Team, rng: Prng, municipality: string): void {
    const statuses: Array<[string, number]> = [
      ['new', 6],
      ['waiting_for_information', 5],
      ['complete', 5],
      ['on_agenda', 4],
      ['decided', 3],
    ];
    let position = 0;
    for (const [status, n] of statuses) {
      for (let k = 0; k < n; k++) {
        const receivedDay = -rng.int(0, status === 'new' ? 3 : 20);
        const h = this.household(tenant, team, rng, receivedDay, team.desk, municipality);
        const domains = rng.sample(ZRM_DOMAINS, rng.int(1, 3));
        const r = this.referral(tenant, team, rng, h, domains, receivedDay, status);
        if (status === 'on_agenda')
          this.t.meeting_item!.add([this.meeting(team, 1, rng).id, r.id, tenant.id, position++]);
        if (status === 'decided')
          this.decide(tenant, team, rng, r.id, domains, this.meeting(team, -6, rng), 'take_up', position++);
      }
    }
  }

  /** The day a case file in a given phase was opened (day offset, ≤ 0). */
  private openedDay(phase: Phase, rng: Prng): number {
    switch (phase) {
      case 'analysis':
        return -rng.int(0, 55);
      case 'plan':
        return -rng.int(35, 100);
      case 'execution':
        return -rng.int(70, 540);
      case 'closure':
        return -rng.int(180, 600);
      case 'watch':
        return -rng.int(300, 900);
      case 'closed':
        return rng.int(this.historyStart + 10, -120);
    }
  }

  private caseFile(
    tenant: Tenant,
    team: Team,
    rng: Prng,
    h: Household,
    referralId: string,
    domains: string[],
    phase: Phase,
    openedDay: number,
  ): void {
    const id = rng.uuid();
    const worker = rng.pick(team.workers);
    const tandem = rng.chance(0.1) ? rng.pick(team.workers.filter((w) => w !== worker)) : null;
    const closedDay = phase === 'closed' ? Math.min(-1, openedDay + rng.int(40, 560)) : null;
    const endDay = closedDay ?? 0;
    const primary = h.members[0]!;
    const consent = rng.pickWeighted(['signed', 'email', 'verbal', 'none'] as const, [50, 70, 98, 100]);
    const opened = this.at(openedDay, rng);
    this.t.case_file!.add([
      id,
      tenant.id,
      team.id,
      referralId,
      h.id,
      primary.id,
      worker,
      tandem,
      phase,
      opened,
      team.coordinator,
      closedDay === null ? null : this.at(closedDay, rng),
      consent,
      consent === 'none' ? null : this.day(openedDay),
      team.coordinator,
      consent === 'none' ? 'legal_obligation' : null,
      consent === 'none' ? 'Zorg over de veiligheid van de kinderen; het huishouden is geïnformeerd.' : null,
      this.day(openedDay + 42),
      1 + (phase === 'analysis' ? 0 : PHASES.indexOf(phase)),
      textArray(h.members.some((m) => !m.adult) && rng.chance(0.5) ? ['wmo_2015', 'jeugdwet'] : ['wmo_2015']),
      textArray(domains.includes('finances') ? ['social_support', 'debt_help'] : ['social_support']),
      team.coordinator,
      opened,
    ]);
    this.log(
      tenant.id,
      opened,
      team.coordinator,
      'team_coordinator',
      team.id,
      'create',
      'case_file.opened',
      primary.id,
      id,
      'case_file',
    );

    // Analysis: network, professionals, participation, child safety, consents, outreach, Meldcode.
    const analysisEnd = Math.min(endDay, openedDay + 42);
    const when = () => rng.int(openedDay, Math.max(openedDay, analysisEnd));
    for (let n = rng.int(0, 3); n > 0; n--) {
      this.t.network_person!.add([
        rng.uuid(),
        tenant.id,
        id,
        `${rng.pick(FEMALE_FIRST_NAMES)} (${rng.pick(NETWORK_NAMES)})`,
        rng.pick(['family', 'friend', 'neighbour', 'volunteer', 'informal_carer']),
        rng.pick(['supportive', 'supportive', 'mixed', 'stressful']),
        rng.pick(['daily', 'weekly', 'monthly', 'rarely']),
        rng.chance(0.3),
        worker,
        this.at(when(), rng),
      ]);
    }
    for (let n = rng.int(0, 2); n > 0; n--) {
      const p = rng.pick(PROFESSIONALS);
      this.t.involved_professional!.add([rng.uuid(), tenant.id, id, p[0], p[1], worker, this.at(when(), rng)]);
    }
    const adults = h.members.filter((m) => m.adult);
    const minors = h.members.some((m) => !m.adult);
    if (rng.chance(0.6)) {
      const d = when();
      this.t.participation_measure!.add([
        rng.uuid(),
        tenant.id,
        id,
        primary.id,
        rng.int(1, 4),
        this.day(d),
        worker,
        this.at(d, rng),
      ]);
      if (closedDay !== null)
        this.t.participation_measure!.add([
          rng.uuid(),
          tenant.id,
          id,
          primary.id,
          rng.int(2, 6),
          this.day(closedDay),
          worker,
          this.at(closedDay, rng),
        ]);
    }
    if (minors && (phase !== 'analysis' || rng.chance(0.5))) {
      const d = when();
      this.t.child_safety_assessment!.add([
        rng.uuid(),
        tenant.id,
        id,
        this.day(d),
        'Geen signalen van onveiligheid gezien tijdens het huisbezoek.',
        'Betrokken ouder(s), school in beeld.',
        rng.pickWeighted(['low', 'medium', 'high'] as const, [75, 95, 100]),
        'Volgen bij elk huisbezoek.',
        worker,
        this.at(d, rng),
      ]);
    }
    for (let n = rng.pickWeighted([0, 1, 2], [25, 80, 100]); n > 0; n--) {
      const d = when();
      this.t.information_consent!.add([
        rng.uuid(),
        tenant.id,
        id,
        primary.id,
        rng.pick(PROFESSIONALS)[0],
        'Informatie delen die nodig is voor de hulp.',
        rng.pick(['signed', 'email', 'verbal']),
        this.day(d),
        this.day(d + 365),
        worker,
        this.at(d, rng),
      ]);
    }
    if (rng.chance(0.05)) {
      for (let n = rng.int(1, 3); n > 0; n--)
        this.t.outreach_attempt!.add([
          rng.uuid(),
          tenant.id,
          id,
          this.day(when()),
          rng.pick(['home_visit', 'phone', 'letter', 'via_network']),
          n === 1,
          null,
          worker,
        ]);
    }
    if (minors && rng.chance(0.03)) {
      const record = rng.uuid();
      const d = when();
      this.t.meldcode_record!.add([record, tenant.id, id, closedDay === null ? 'open' : 'closed', this.day(d), worker]);
      this.t.meldcode_entry!.add([
        rng.uuid(),
        tenant.id,
        record,
        'signal',
        this.day(d),
        'Blauwe plek op de arm van het jongste kind gezien.',
        'eigen waarneming',
        worker,
        this.at(d, rng),
      ]);
    }

    // ZRM: a start measurement, one at about every evaluation (three months), and a closing one; a partner sometimes too.
    const zrmDomains = [...new Set(domains.map((d) => (d === 'parenting' ? 'domestic_relations' : d)))];
    const latest = new Map<string, { score: number; on: string }>();
    const scored = adults.length > 1 && rng.chance(0.5) ? adults.slice(0, 2) : [primary];
    for (const person of scored) {
      const days = [Math.min(openedDay + rng.int(7, 35), endDay)];
      for (let d = days[0]! + rng.int(65, 85); d < endDay - 20 && days.length < 10; d += rng.int(65, 85)) days.push(d);
      if (closedDay !== null || phase === 'closure' || phase === 'watch')
        days.push(Math.max(days.at(-1)!, endDay - rng.int(0, 10)));
      const level = new Map(zrmDomains.map((d) => [d, rng.int(1, 3)]));
      const extra = rng.chance(0.2)
        ? rng.sample(
            ZRM_DOMAINS.filter((d) => !level.has(d)),
            1,
          )
        : [];
      days.forEach((d, i) => {
        const a = rng.uuid();
        const kind =
          i === 0
            ? 'start'
            : i === days.length - 1 && (closedDay !== null || phase === 'closure' || phase === 'watch')
              ? 'closing'
              : 'interim';
        this.t.zrm_assessment!.add([
          a,
          tenant.id,
          id,
          person.id,
          'zrm2017',
          kind,
          this.day(d),
          worker,
          this.at(d, rng),
        ]);
        this.log(
          tenant.id,
          this.at(d, rng),
          worker,
          'case_worker',
          team.id,
          'create',
          'zrm.recorded',
          person.id,
          id,
          'assessment',
        );
        for (const [domain, score] of level) {
          const next = i === 0 ? score : Math.min(5, score + (rng.chance(0.45) ? 1 : 0));
          level.set(domain, next);
          this.t.zrm_score!.add([a, tenant.id, domain, next, null]);
          if (person === primary) latest.set(domain, { score: next, on: this.day(d) });
        }
        for (const domain of extra)
          this.t.zrm_score!.add([
            a,
            tenant.id,
            domain,
            rng.int(2, 5),
            'Kwam ter sprake in het gesprek en hangt samen met de hulpvraag.',
          ]);
      });
    }

    // The plan: cases past the analysis (and most closed ones).
    const reachedPlan = phase !== 'analysis' && (phase !== 'closed' || rng.chance(0.88));
    const plan = reachedPlan
      ? this.plan(tenant, team, rng, id, worker, zrmDomains, latest, phase, openedDay, endDay)
      : null;
    const goals = plan?.versions.at(-1)?.goalIds ?? [];

    // The contact log: weekly at first, less often later.
    const weeks = Math.max(1, (endDay - openedDay) / 7);
    const n = Math.min(rng.poisson(Math.min(weeks, 26) * 0.45 + Math.max(0, weeks - 26) * 0.18), 400);
    for (let k = 0; k < n; k++) {
      const d = rng.int(openedDay, endDay);
      const cid = rng.uuid();
      const by = tandem && rng.chance(0.3) ? tandem : worker;
      const recorded = this.at(d, rng);
      this.t.contact_entry!.add([
        cid,
        tenant.id,
        id,
        rng.pickWeighted(CONTACT_KINDS, CONTACT_KIND_WEIGHTS),
        this.day(d),
        rng.pick([10, 15, 20, 30, 45, 60, 60, 90, 120]),
        null,
        rng.pick(CONTACT_NOTES),
        rng.chance(0.05),
        by,
        recorded,
      ]);
      if (goals.length && rng.chance(0.3)) this.t.contact_goal!.add([tenant.id, cid, rng.pick(goals)]);
      this.log(
        tenant.id,
        recorded,
        by,
        'case_worker',
        team.id,
        'create',
        'contact.logged',
        primary.id,
        id,
        'contact_log',
      );
    }

    const viaWatch = phase === 'closed' && closedDay! - openedDay > 150 && rng.chance(0.08);
    const closeDay =
      phase === 'watch'
        ? rng.int(Math.max(openedDay + 90, -650), -20)
        : phase === 'closed'
          ? viaWatch
            ? closedDay! - rng.int(60, Math.min(300, closedDay! - openedDay - 60))
            : closedDay
          : null;
    this.lifecycle(tenant, team, rng, id, worker, primary.id, phase, plan, latest, closeDay, viaWatch, closedDay);

    // Open tasks of current case files: a manual reminder now and then.
    if (closedDay === null && rng.chance(0.25)) {
      this.t.task!.add([
        rng.uuid(),
        tenant.id,
        team.id,
        id,
        'manual',
        'Terugbellen over de voortgang',
        this.day(rng.int(-5, 20)),
        worker,
        worker,
        this.at(-rng.int(1, 20), rng),
      ]);
    }
  }

  /** A plan with one or two versions, a goal per help-question domain and actions. */
  private plan(
    tenant: Tenant,
    team: Team,
    rng: Prng,
    caseId: string,
    worker: string,
    domains: string[],
    latest: Map<string, { score: number; on: string }>,
    phase: Phase,
    openedDay: number,
    endDay: number,
  ): PlanFacts {
    const planId = rng.uuid();
    const start = Math.min(openedDay + rng.int(20, 45), endDay);
    this.t.plan!.add([planId, tenant.id, caseId, worker, this.at(start, rng)]);
    const revised = phase !== 'plan' && rng.chance(0.22);
    const versions = revised ? 2 : 1;
    const facts: PlanFacts = { versions: [], agreedDay: null };
    for (let v = 1; v <= versions; v++) {
      const vid = rng.uuid();
      const last = v === versions;
      const status = phase === 'plan' && last ? 'draft' : last ? 'agreed' : 'superseded';
      const day = v === 1 ? start : Math.min(start + rng.int(90, 200), endDay);
      const agreedDay = Math.min(day + rng.int(3, 20), endDay);
      const agreed = status !== 'draft';
      this.t.plan_version!.add([
        vid,
        tenant.id,
        planId,
        v,
        status,
        this.day(day),
        v === 1 ? null : 'Nieuwe afspraken na de evaluatie.',
        'case',
        team.workerNames.get(worker) ?? null,
        agreed ? rng.pick(['typed_signature', 'signed_paper', 'verbal']) : null,
        agreed ? this.day(agreedDay) : null,
        agreed ? 'het huishouden' : null,
        agreed ? worker : null,
        agreed ? this.at(agreedDay, rng) : null,
        worker,
        this.at(day, rng),
      ]);
      if (agreed)
        this.log(
          tenant.id,
          this.at(agreedDay, rng),
          worker,
          'case_worker',
          team.id,
          'update',
          'plan.agreed',
          null,
          caseId,
          'plan',
        );
      if (agreed && v === 1) facts.agreedDay = agreedDay;
      const goalIds: string[] = [];
      domains.forEach((domain, position) => {
        const gid = rng.uuid();
        goalIds.push(gid);
        const [problem, goal] = GOALS[domain] ?? GOALS.finances!;
        const score = latest.get(domain);
        this.t.plan_goal!.add([
          gid,
          tenant.id,
          vid,
          position,
          domain,
          score?.score ?? null,
          score?.on ?? null,
          problem,
          goal,
          null,
        ]);
        const actions = ACTIONS[domain] ?? ACTIONS.finances!;
        const actionCount = rng.int(1, 2);
        for (let a = 0; a < actionCount; a++) {
          const performer = rng.pickWeighted(PERFORMERS, PERFORMER_WEIGHTS);
          const status =
            phase === 'closed' || !last
              ? rng.pick(['done', 'done', 'stopped'])
              : phase === 'plan'
                ? 'open'
                : rng.pick(['open', 'in_progress', 'in_progress', 'done']);
          this.t.plan_action!.add([
            rng.uuid(),
            tenant.id,
            gid,
            a,
            actions[a % actions.length]!,
            performer,
            performer === 'other_organisation' && rng.chance(0.5) ? rng.pick(tenant.services) : null,
            this.day(day + rng.int(14, 120)),
            status,
          ]);
        }
      });
      facts.versions.push({ id: vid, fromDay: day, goalIds, agreed });
    }
    return facts;
  }

  /**
   * Execution and closure: evaluations about every thirteen weeks after the plan is agreed; for cases that
   * are closing, closed or watched, the closing question and the closure; the watch with its check-ins.
   */
  private lifecycle(
    tenant: Tenant,
    team: Team,
    rng: Prng,
    caseId: string,
    worker: string,
    primaryId: string,
    phase: Phase,
    plan: PlanFacts | null,
    latest: Map<string, { score: number; on: string }>,
    closeDay: number | null,
    viaWatch: boolean,
    closedDay: number | null,
  ): void {
    const closing = phase === 'closure' || phase === 'watch' || phase === 'closed';
    const endDay = closeDay ?? 0;
    if (plan?.agreedDay !== null && plan !== null && plan.agreedDay !== null) {
      for (let d = plan.agreedDay + rng.int(84, 100); d < endDay - 7; d += rng.int(84, 100)) {
        const version = [...plan.versions].reverse().find((v) => v.fromDay <= d && v.agreed) ?? plan.versions[0]!;
        const evaluation = rng.uuid();
        const last = d + 100 >= endDay - 7;
        const conclusion = last && closing ? 'closure' : rng.chance(0.15) ? 'adjust_plan' : 'continue';
        this.t.case_evaluation!.add([
          evaluation,
          tenant.id,
          caseId,
          1,
          this.day(d),
          'het huishouden, de wijkteamwerker',
          version.id,
          conclusion,
          'Voortgang besproken met het huishouden.',
          worker,
          this.at(d, rng),
        ]);
        for (const goal of version.goalIds)
          this.t.case_evaluation_goal!.add([
            tenant.id,
            evaluation,
            goal,
            rng.pick(['achieved', 'partly', 'partly', 'ongoing', 'not_achieved']),
          ]);
        this.log(
          tenant.id,
          this.at(d, rng),
          worker,
          'case_worker',
          team.id,
          'create',
          'evaluation.recorded',
          primaryId,
          caseId,
          'evaluation',
        );
      }
    }
    if (closeDay === null) return;
    const answer = rng.uuid();
    this.t.closing_question_answer!.add([answer, tenant.id, caseId, 1, false, worker, this.at(closeDay, rng)]);
    const closure = rng.uuid();
    const toWatch = phase === 'watch' || viaWatch;
    const reason = rng.pickWeighted(
      ['goals_reached', 'referred_elsewhere', 'household_stopped', 'no_contact_after_outreach', 'moved'] as const,
      [60, 78, 90, 95, 100],
    );
    const snapshot = {
      zrm: [
        {
          personId: primaryId,
          personName: '',
          startOn: null,
          closingOn: null,
          closingKind: 'closing',
          domains: [...latest].map(([domain, s]) => ({
            domain,
            start: null,
            closing: s.score,
            change: 'not_compared',
          })),
        },
      ],
      participation: [],
    };
    this.t.case_closure!.add([
      closure,
      tenant.id,
      caseId,
      1,
      this.day(closeDay),
      toWatch ? 'watch' : 'closed',
      reason,
      reason === 'referred_elsewhere' ? rng.pick(PROFESSIONALS)[0] : null,
      'De vaste contactpersoon en de korte lijnen werkten goed.',
      'Eerder het netwerk betrekken.',
      answer,
      plan?.versions.at(-1)?.id ?? null,
      JSON.stringify(snapshot),
      worker,
      this.at(closeDay, rng),
    ]);
    for (const goal of plan?.versions.at(-1)?.goalIds ?? []) {
      this.t.case_closure_goal!.add([
        tenant.id,
        closure,
        goal,
        rng.pick(['achieved', 'achieved', 'partly', 'not_achieved']),
        'Besproken bij de afsluiting.',
      ]);
    }
    this.log(
      tenant.id,
      this.at(closeDay, rng),
      worker,
      'case_worker',
      team.id,
      'update',
      toWatch ? 'case_file.watch_started' : 'case_file.closed',
      primaryId,
      caseId,
      'evaluation',
    );
    if (!toWatch) return;
    const watch = rng.uuid();
    const interval = rng.pick([4, 6, 8, 13]);
    const ended = phase === 'closed' ? closedDay : null;
    const ends = Math.max(closeDay + rng.int(180, 700), ended ?? 0);
    let d = closeDay + interval * 7;
    for (; d < (ended ?? 0); d += interval * 7) {
      this.t.watch_check_in!.add([
        rng.uuid(),
        tenant.id,
        watch,
        caseId,
        this.day(d),
        rng.pick(['phone', 'phone', 'home_visit', 'message']),
        rng.chance(0.9),
        worker,
        this.at(d, rng),
      ]);
    }
    this.t.case_watch!.add([
      watch,
      tenant.id,
      caseId,
      1,
      closure,
      this.day(closeDay),
      interval,
      this.day(d),
      this.day(ends),
      ended === null ? null : this.day(ended),
      ended === null ? null : 'ended',
      ended === null ? null : worker,
    ]);
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
