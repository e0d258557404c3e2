/**
 * The expected outcome of every route of the app, per role and relation (issue #7 item 9). Written from the access
 * model in docs/privacy.md and the capability docs it links (intake, analysis, plan, execution, coordination,
 * management information, resident portal) — NOT computed from the policy code under test. A route that is not in
 * this table fails the matrix test, so every new route needs a line here.
 *
 * Reading a line: `resource` says which record the request addresses (and so what "own", "team", "otherTeam" and
 * "otherTenant" mean, see RESOURCE_RELATIONS), `allow` lists who may, and on which relations. Everyone else is
 * denied: `401` without the right kind of login, else `403` or — where existence must not show, always for another
 * municipality — `404`. A `403` must be in the access log with outcome `denied`.
 */
import type { Relation, Subject } from './authorisation-matrix.fixtures';

export type Who = Subject | 'anonymous';

/** Which record a route addresses; `none` for routes without one (lists of one's own scope, configuration, …). */
export type Resource =
  | 'none'
  /** a case file (and everything in it); for the behavioural scientist "own" is a case of another team they are consulted on */
  | 'case'
  /** the case review meeting of the case's team (with the case's agenda item): relations as for `case` */
  | 'caseReview'
  /** a referral of the intake: "own" is an open referral of the own team, "team" one of the own team that already became a case */
  | 'referral'
  /** an intake meeting: "own" is one the subject takes part in (or chairs), "team" one of the own team without them */
  | 'meeting'
  /** a person (the adult of the case of that relation) */
  | 'person'
  | 'household'
  /** a team: the own team, another team of the municipality, a team of another municipality */
  | 'team'
  /** a user account (never a subject): of the own team, another team, another municipality */
  | 'user'
  /** a service of the catalogue: of the own municipality or another */
  | 'service'
  /** an AVG request about the adult of the case of that relation */
  | 'avgRequest'
  /** an (ended) emergency access to a case of the own team, another team, another municipality */
  | 'emergencyGrant'
  /** a signal to policy: by the subject's own team ("own": recorded by the case worker, "team": by a colleague), another team, elsewhere */
  | 'signal'
  /** a referral letter (of the referral of that relation) */
  | 'letter'
  /** a task on the case of that relation */
  | 'task'
  /** a person in the resident portal: "own" is the resident themself, the others are people of other households */
  | 'residentPerson';

/** The relations that mean something for a resource (the others would repeat a cell). */
export const RESOURCE_RELATIONS: Record<Resource, readonly Relation[]> = {
  none: ['own'],
  case: ['own', 'team', 'otherTeam', 'otherTenant'],
  caseReview: ['own', 'team', 'otherTeam', 'otherTenant'],
  referral: ['own', 'team', 'otherTeam', 'otherTenant'],
  meeting: ['own', 'team', 'otherTeam', 'otherTenant'],
  person: ['own', 'team', 'otherTeam', 'otherTenant'],
  household: ['own', 'team', 'otherTeam', 'otherTenant'],
  team: ['own', 'otherTeam', 'otherTenant'],
  user: ['own', 'otherTeam', 'otherTenant'],
  service: ['own', 'otherTenant'],
  avgRequest: ['own', 'team', 'otherTeam', 'otherTenant'],
  emergencyGrant: ['own', 'otherTeam', 'otherTenant'],
  signal: ['own', 'team', 'otherTeam', 'otherTenant'],
  letter: ['own', 'team', 'otherTeam', 'otherTenant'],
  task: ['own', 'team', 'otherTeam', 'otherTenant'],
  residentPerson: ['own', 'team', 'otherTeam', 'otherTenant'],
};

/** Who may, on which relations (`'any'`: whatever the relation; for resource `none` the only value). */
export type Grants = Partial<Record<Who, readonly Relation[] | 'any'>>;

export interface Expectation {
  resource: Resource;
  allow: Grants;
  /** Where in the docs the rule comes from. */
  source: string;
  /** The route answers a refusal in the own municipality with 404 (existence hidden), as the docs say. */
  hidesExistence?: true;
  /** The privacy officer needs a session confirmed with a second factor (privacy.md "The privacy officer's log viewer"). */
  secondFactor?: true;
  /** The response holds case content by design (the privacy officer's inspection copy): not scanned for case content. */
  caseContentByDesign?: true;
}

// ---------- who is who (docs/privacy.md "Roles and what they may do now") ----------
const STAFF: readonly Subject[] = [
  'case_worker',
  'tandem_partner',
  'team_coordinator',
  'behavioural_scientist',
  'intake_desk',
  'municipal_consultant',
  'volunteer_host',
  'privacy_officer',
  'functional_admin',
  'policy_advisor',
];
const any = (...who: readonly Who[]): Grants => Object.fromEntries(who.map((w) => [w, 'any']));
const on = (relations: readonly Relation[], ...who: readonly Who[]): Grants =>
  Object.fromEntries(who.map((w) => [w, relations]));
const merge = (...grants: Grants[]): Grants => grants.reduce<Grants>((all, g) => ({ ...all, ...g }), {});
const OWN_TENANT: readonly Relation[] = ['own', 'team', 'otherTeam'];

/** Public: everyone, also without a login. */
const PUBLIC: Grants = any('anonymous', ...STAFF, 'resident');
/** Any staff login (also half-way, for the login steps). */
const ANY_STAFF: Grants = any(...STAFF);
/** "persons and households: search, view" — tenant-wide until the relation-based narrowing comes (privacy.md). */
const PERSON_READERS = [
  'case_worker',
  'tandem_partner',
  'team_coordinator',
  'behavioural_scientist',
  'intake_desk',
  'municipal_consultant',
] as const;
/** "persons and households: register, change". */
const PERSON_WRITERS = ['case_worker', 'tandem_partner', 'team_coordinator', 'intake_desk'] as const;
/** Roles that work with case files (their relation decides which). */
const CASE_ROLES = ['case_worker', 'tandem_partner', 'team_coordinator', 'behavioural_scientist'] as const;
/** Meetings they take part in (intake.md "Who sees what"). */
const MEETING_READERS = [
  'case_worker',
  'tandem_partner',
  'team_coordinator',
  'behavioural_scientist',
  'intake_desk',
  'municipal_consultant',
] as const;

// ---------- case files: need to know (privacy.md "Case files: need to know", ADR 0011 and 0015) ----------
/** "visible to its case worker and tandem partner, to the coordinator of its team and to the behavioural scientist of its team"; consulted scientists may view. */
const CASE_VIEW: Grants = merge(
  on(['own'], 'case_worker', 'tandem_partner'),
  on(['own', 'team'], 'team_coordinator', 'behavioural_scientist'),
);
/** The case overview and the plan are also read by the municipal consultant linked to the case as process coordinator ("own": the case they are linked to; ADR 0033, coordination.md). */
const LINKED_VIEW: Grants = merge(CASE_VIEW, on(['own'], 'municipal_consultant'));
/** Changes: "the case worker, the tandem partner and the coordinator" (execution.md, plan.md); viewing is not working (coordination.md). */
const CASE_WORK: Grants = merge(on(['own'], 'case_worker', 'tandem_partner'), on(['own', 'team'], 'team_coordinator'));
/** "Meldcode records are shielded: visible only to the case's worker and tandem partner, the team coordinator and the team's behavioural scientist" — not a consulted one. */
const MELDCODE: Grants = merge(
  on(['own'], 'case_worker', 'tandem_partner'),
  on(['own', 'team'], 'team_coordinator'),
  on(['team'], 'behavioural_scientist'),
);
/** Only the case's own workers put it on the agenda of the case review meeting (coordination.md). */
const ON_CASE: Grants = on(['own'], 'case_worker', 'tandem_partner');
/** Emergency access: any user who may read case files, for a case of the own municipality (privacy.md "Emergency access"). */
const EMERGENCY: Grants = on(OWN_TENANT, ...CASE_ROLES);

// ---------- intake (intake.md "Who sees what") ----------
/** "intake desk: referrals of own teams"; "team coordinator: as the intake desk". */
const REFERRAL_WORK: Grants = on(['own', 'team'], 'intake_desk', 'team_coordinator');
/** Plan meetings, agenda, decide: the desk and the coordinator of the team; "Participants see only the meetings they take part in". */
const MEETING_VIEW: Grants = merge(
  on(['own', 'team'], 'intake_desk', 'team_coordinator'),
  on(['own'], 'case_worker', 'tandem_partner', 'behavioural_scientist', 'municipal_consultant'),
);
const MEETING_MANAGE: Grants = on(['own', 'team'], 'intake_desk', 'team_coordinator');

// ---------- the privacy officer, the functional administrator, management information ----------
const OFFICER: Grants = any('privacy_officer');
const OFFICER_IN_TENANT: Grants = on(OWN_TENANT, 'privacy_officer');
const ADMIN: Grants = any('functional_admin');
/** MI: "team coordinator: own teams; policy advisor: every team of the municipality; everyone else — (403, logged)". */
const MI_VIEW: Grants = merge(on(['own'], 'team_coordinator'), on(['own', 'otherTeam'], 'policy_advisor'));

const RESIDENT_SELF: Grants = on(['own'], 'resident');

export const EXPECTATIONS: Record<string, Expectation> = {
  // ---- infrastructure and login ----
  'GET /health/live': { resource: 'none', allow: PUBLIC, source: 'reliability.md: liveness probe' },
  'GET /health/ready': { resource: 'none', allow: PUBLIC, source: 'reliability.md: readiness probe' },
  'GET /metrics': { resource: 'none', allow: PUBLIC, source: 'reliability.md: Prometheus scrape, no personal data' },
  'GET /openapi.json': { resource: 'none', allow: PUBLIC, source: 'docs/api.md: the OpenAPI document (no data)' },
  'GET /robots.txt': { resource: 'none', allow: PUBLIC, source: 'privacy.md: which pages search engines may index' },
  'GET /api/public/organisation': {
    resource: 'none',
    allow: PUBLIC,
    source: 'privacy.md: the public statements and contact page (municipality and team channels, no personal data)',
  },
  'GET /api/docs': { resource: 'none', allow: PUBLIC, source: 'API documentation (no data)' },
  'GET /api/docs/json': { resource: 'none', allow: PUBLIC, source: 'API documentation (no data)' },
  'GET /api/docs/yaml': { resource: 'none', allow: PUBLIC, source: 'API documentation (no data)' },
  'GET /api/docs/static/index.html': { resource: 'none', allow: PUBLIC, source: 'API documentation (no data)' },
  'GET /api/docs/static/swagger-initializer.js': {
    resource: 'none',
    allow: PUBLIC,
    source: 'API documentation (no data)',
  },
  'GET /api/docs/static/*': { resource: 'none', allow: PUBLIC, source: 'API documentation (no data)' },
  'HEAD /api/docs/': { resource: 'none', allow: PUBLIC, source: 'API documentation (no data)' },
  'GET /api/auth/session': { resource: 'none', allow: PUBLIC, source: 'privacy.md "Accounts and sessions"' },
  'POST /api/auth/login': { resource: 'none', allow: PUBLIC, source: 'the login itself' },
  'POST /api/auth/logout': { resource: 'none', allow: PUBLIC, source: 'logging out always works' },
  'POST /api/auth/keep-alive': {
    resource: 'none',
    allow: ANY_STAFF,
    source: 'README "Session timeouts": Ingelogd blijven, every logged-in user',
  },
  'GET /api/auth/draft-keys': {
    resource: 'none',
    allow: ANY_STAFF,
    source: 'ADR 0035: the own draft keys of every logged-in user',
  },
  'GET /api/auth/oidc/start': { resource: 'none', allow: PUBLIC, source: 'oidc.md' },
  'GET /api/auth/oidc/callback': { resource: 'none', allow: PUBLIC, source: 'oidc.md' },
  'POST /api/auth/totp': { resource: 'none', allow: ANY_STAFF, source: 'privacy.md: two-factor, a login step' },
  'POST /api/auth/recovery': { resource: 'none', allow: ANY_STAFF, source: 'privacy.md: recovery codes, a login step' },
  'POST /api/auth/totp/enrolment': {
    resource: 'none',
    allow: ANY_STAFF,
    source: 'privacy.md: two-factor set-up in the session',
  },
  'POST /api/auth/totp/enrolment/confirm': {
    resource: 'none',
    allow: ANY_STAFF,
    source: 'privacy.md: two-factor set-up in the session',
  },
  'POST /api/auth/password': { resource: 'none', allow: ANY_STAFF, source: 'privacy.md: password change' },
  'GET /api/home': { resource: 'none', allow: ANY_STAFF, source: 'Mijn werk: every staff login' },
  'GET /api/dev/outbox': {
    resource: 'none',
    allow: ADMIN,
    source:
      'privacy.md / resident-portal.md: the development outbox (/beheer/outbox) holds login codes — functional administrator only, every read logged (issue #21 item 9); not registered in production',
  },

  // ---- persons and households (privacy.md roles table; tenant-wide for now) ----
  'POST /api/persons/search': {
    resource: 'none',
    allow: any(...PERSON_READERS),
    source: 'privacy.md: persons — search',
  },
  'GET /api/search': {
    resource: 'none',
    allow: any(...PERSON_READERS),
    source: 'intake.md: finding persons — the search box',
  },
  'POST /api/persons': { resource: 'none', allow: any(...PERSON_WRITERS), source: 'privacy.md: persons — register' },
  'GET /api/persons/:id': {
    resource: 'person',
    allow: on(OWN_TENANT, ...PERSON_READERS),
    source: 'privacy.md: persons — view; other municipalities 404',
  },
  'GET /api/persons/:id/bsn': {
    resource: 'person',
    allow: on(OWN_TENANT, ...PERSON_WRITERS),
    source:
      'privacy.md / ADR 0051: "Toon BSN" — the full BSN for the roles that register and change persons, logged; other municipalities 404',
  },
  'PUT /api/persons/:id': {
    resource: 'person',
    allow: on(OWN_TENANT, ...PERSON_WRITERS),
    source: 'privacy.md: persons — change',
  },
  'POST /api/households': {
    resource: 'person',
    allow: on(OWN_TENANT, ...PERSON_WRITERS),
    source: 'privacy.md: households — register',
  },
  'POST /api/households/:id/members': {
    resource: 'household',
    allow: on(OWN_TENANT, ...PERSON_WRITERS),
    source: 'privacy.md: households — change',
  },
  'DELETE /api/households/:id/members/:personId': {
    resource: 'household',
    allow: on(OWN_TENANT, ...PERSON_WRITERS),
    source: 'privacy.md: households — change',
  },
  'PUT /api/households/:id/members/:personId': {
    resource: 'household',
    allow: on(OWN_TENANT, ...PERSON_WRITERS),
    source: 'privacy.md: households — change',
  },
  // Merging persons (ADR 0031): candidates and the comparison like reading and changing a person; the merge itself only
  // for a person writer who may see every case file of both persons; undoing it for the functional administrator.
  'GET /api/persons/:id/merge-candidates': {
    resource: 'person',
    allow: on(OWN_TENANT, ...PERSON_WRITERS),
    source: 'privacy.md: persons — merge',
  },
  'POST /api/persons/:id/merge-preview': {
    resource: 'person',
    allow: on(OWN_TENANT, ...PERSON_WRITERS),
    source: 'privacy.md: persons — merge',
  },
  'POST /api/persons/:id/merge': {
    resource: 'person',
    allow: merge(on(['own'], 'case_worker', 'tandem_partner'), on(['own', 'team'], 'team_coordinator')),
    source: 'privacy.md: persons — merge, with access to every case file of both',
  },
  'GET /api/persons/:id/merges': {
    resource: 'person',
    allow: on(OWN_TENANT, ...PERSON_READERS),
    source: 'privacy.md: persons — merge shown on the person',
  },
  'GET /api/person-merges': {
    resource: 'none',
    allow: ADMIN,
    source: 'privacy.md: persons — undoing a merge (functional administrator, no personal data)',
  },
  'POST /api/person-merges/:id/undo': {
    resource: 'none',
    allow: ADMIN,
    source: 'privacy.md: persons — undoing a merge (functional administrator)',
  },

  // ---- the functional administrator (privacy.md: users, letter templates, team channels in own municipality; plan.md: catalogue; analysis.md: ZRM criteria; execution.md: failed jobs) ----
  'GET /api/admin/users': { resource: 'none', allow: ADMIN, source: 'privacy.md: accounts' },
  'POST /api/admin/users': { resource: 'none', allow: ADMIN, source: 'privacy.md: accounts' },
  'POST /api/admin/users/:id/deactivate': {
    resource: 'user',
    allow: on(['own', 'otherTeam'], 'functional_admin'),
    source: 'privacy.md: accounts in own municipality',
  },
  'POST /api/admin/users/:id/activate': {
    resource: 'user',
    allow: on(['own', 'otherTeam'], 'functional_admin'),
    source: 'privacy.md: accounts in own municipality',
  },
  'POST /api/admin/users/:id/reset': {
    resource: 'user',
    allow: on(['own', 'otherTeam'], 'functional_admin'),
    source: 'privacy.md: accounts in own municipality',
  },
  'PUT /api/admin/users/:id/expertise': {
    resource: 'user',
    allow: on(['own', 'otherTeam'], 'functional_admin'),
    source: 'privacy.md: accounts in own municipality',
  },
  'GET /api/admin/teams': { resource: 'none', allow: ADMIN, source: 'intake.md: configuring channels' },
  'PUT /api/admin/teams/:id': {
    resource: 'team',
    allow: on(['own', 'otherTeam'], 'functional_admin'),
    source: 'intake.md: configuring channels (own municipality)',
  },
  'GET /api/admin/letter-templates': { resource: 'none', allow: ADMIN, source: 'intake.md: templates' },
  'GET /api/admin/house-style': { resource: 'none', allow: ADMIN, source: 'intake.md: house style (ADR 0054)' },
  'PUT /api/admin/house-style': { resource: 'none', allow: ADMIN, source: 'intake.md: house style (ADR 0054)' },
  'GET /api/public/house-style/:tenantSlug': {
    resource: 'none',
    allow: PUBLIC,
    source: 'ADR 0054: the municipality in every header, also before login; no personal data',
  },
  'GET /api/public/house-style/:tenantSlug/theme.css': {
    resource: 'none',
    allow: PUBLIC,
    source: 'ADR 0054: the stylesheet of the house style; no personal data',
  },
  'GET /api/public/house-style/:tenantSlug/logo': {
    resource: 'none',
    allow: PUBLIC,
    source: 'ADR 0054: the logo of the house style; no personal data',
  },
  'PUT /api/admin/letter-templates/:kind': { resource: 'none', allow: ADMIN, source: 'intake.md: templates' },
  'GET /api/admin/services': { resource: 'none', allow: ADMIN, source: 'plan.md: service catalogue' },
  'POST /api/admin/services': { resource: 'none', allow: ADMIN, source: 'plan.md: service catalogue' },
  'PUT /api/admin/services/:id': {
    resource: 'service',
    allow: on(['own'], 'functional_admin'),
    source: 'plan.md: service catalogue',
  },
  'GET /api/admin/services/export.csv': { resource: 'none', allow: ADMIN, source: 'plan.md: service catalogue' },
  'POST /api/admin/services/import': { resource: 'none', allow: ADMIN, source: 'plan.md: service catalogue' },
  'PUT /api/admin/zrm-criteria': { resource: 'none', allow: ADMIN, source: 'analysis.md: ZRM criteria import' },
  'GET /api/admin/jobs/failed': {
    resource: 'none',
    allow: ADMIN,
    source: 'execution.md: failed background jobs (job:monitor)',
  },

  // ---- intake (intake.md) ----
  'GET /api/public/referral-form/:tenantSlug': {
    resource: 'none',
    allow: PUBLIC,
    source: 'intake.md: the public form',
  },
  'POST /api/public/referrals/:tenantSlug': { resource: 'none', allow: PUBLIC, source: 'intake.md: the public form' },
  'POST /api/host-questions': {
    resource: 'team',
    allow: on(['own'], 'volunteer_host', 'intake_desk'),
    source: 'intake.md: desk questions and hand-overs for own team',
  },
  'GET /api/host-questions/today': {
    resource: 'team',
    allow: on(['own'], 'volunteer_host', 'intake_desk'),
    source: 'privacy.md: desk tally, own team',
  },
  'GET /api/referrals': {
    resource: 'none',
    allow: any('intake_desk', 'team_coordinator'),
    source: 'intake.md: the inbox of the own teams',
  },
  'POST /api/referrals': {
    resource: 'team',
    allow: on(['own'], 'intake_desk', 'team_coordinator'),
    source: 'intake.md: the desk registers referrals (own teams)',
  },
  'GET /api/referrals/:id': {
    resource: 'referral',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: "privacy.md: other teams' referrals 404",
  },
  'POST /api/referrals/:id/status': {
    resource: 'referral',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: 'intake.md §2',
  },
  'POST /api/referrals/:id/contacts': {
    resource: 'referral',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: 'intake.md §2',
  },
  'GET /api/referrals/:id/regiecheck': {
    resource: 'referral',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: 'intake.md §2',
  },
  'POST /api/referrals/:id/regiecheck': {
    resource: 'referral',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: 'intake.md §2',
  },
  'GET /api/referrals/:id/attachments/:attachmentId': {
    resource: 'referral',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: 'intake.md §2',
  },
  'POST /api/referrals/:id/close': {
    resource: 'referral',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: 'intake.md §6',
  },
  'POST /api/referrals/:id/correction': {
    resource: 'referral',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: 'intake.md §2: completing and correcting a referral',
  },
  'GET /api/team-consultations': {
    resource: 'none',
    allow: any('intake_desk', 'team_coordinator'),
    source: 'intake.md §1: consultations without a case, own teams',
  },
  'POST /api/team-consultations': {
    resource: 'team',
    allow: on(['own'], 'intake_desk', 'team_coordinator'),
    source: 'intake.md §1: consultations without a case, own teams',
  },
  'GET /api/referrals/:id/letter-draft': {
    resource: 'referral',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: 'intake.md §4',
  },
  'POST /api/referrals/:id/letters': {
    resource: 'referral',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: 'intake.md §4',
  },
  'GET /api/letters/:id/pdf': {
    resource: 'letter',
    allow: REFERRAL_WORK,
    hidesExistence: true,
    source: 'intake.md §4',
  },
  'GET /api/staff': { resource: 'none', allow: any(...MEETING_READERS), source: 'intake.md §3: choosing participants' },
  'GET /api/meetings': { resource: 'none', allow: any(...MEETING_READERS), source: 'intake.md §3' },
  'POST /api/meetings': {
    resource: 'team',
    allow: on(['own'], 'intake_desk', 'team_coordinator'),
    source: 'intake.md §3: the coordinator or the desk plans a meeting per team',
  },
  'GET /api/meetings/:id': {
    resource: 'meeting',
    allow: MEETING_VIEW,
    source: 'intake.md §3: participants see only the meetings they take part in',
  },
  'POST /api/meetings/:id/items': { resource: 'meeting', allow: MEETING_MANAGE, source: 'intake.md §3' },
  'POST /api/meetings/:id/items/:referralId/decision': {
    resource: 'meeting',
    // The chair (the coordinator chairs "own") records the decision; the desk and the coordinator decide in their team's meetings.
    allow: MEETING_MANAGE,
    source: 'intake.md §3 and privacy.md: intake desk and coordinator "plan, agenda, decide"',
  },
  'GET /api/meetings/:id/minutes.pdf': { resource: 'meeting', allow: MEETING_VIEW, source: 'intake.md §3' },
  'GET /api/assignments': {
    resource: 'none',
    allow: any('team_coordinator'),
    source: 'intake.md §5 (team coordinator)',
  },
  'POST /api/referrals/:id/assignment': {
    resource: 'referral',
    allow: on(['own', 'team'], 'team_coordinator'),
    hidesExistence: true,
    source: 'intake.md §5',
  },
  'POST /api/referrals/:id/join-case': {
    resource: 'referral',
    allow: on(['own', 'team'], 'team_coordinator'),
    hidesExistence: true,
    source: "intake.md §5: the coordinator adds the referral to the household's open case",
  },

  // ---- case files (analysis.md, privacy.md) ----
  'GET /api/cases/mine': {
    resource: 'none',
    allow: any('case_worker', 'tandem_partner', 'team_coordinator', 'municipal_consultant'),
    source: 'privacy.md: "Mijn dossiers"; the consultant\'s linked cases (coordination.md)',
  },
  'GET /api/cases/:id': {
    resource: 'case',
    allow: LINKED_VIEW,
    source: 'privacy.md: case files; coordination.md: the process coordinator reads the case',
  },
  'GET /api/cases/:id/referrals': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'intake.md §2: the case worker, tandem partner and coordinator complete the referral from the case',
  },
  'POST /api/cases/:id/referrals/:referralId/correction': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'intake.md §2: the case worker, tandem partner and coordinator complete the referral from the case',
  },
  'GET /api/cases/:id/ecogram.svg': {
    resource: 'case',
    allow: CASE_VIEW,
    source: 'analysis.md: ecogram; privacy.md: emergency access views the network drawing',
  },
  'POST /api/cases/:id/network': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'DELETE /api/cases/:id/network/:entryId': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'POST /api/cases/:id/professionals': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'DELETE /api/cases/:id/professionals/:entryId': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'POST /api/cases/:id/network-meetings': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'PUT /api/cases/:id/network-meetings/:entryId': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'PUT /api/cases/:id/analysis-conclusion': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'POST /api/cases/:id/zrm': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'POST /api/cases/:id/participation': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'POST /api/cases/:id/child-safety': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'POST /api/cases/:id/outreach': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'POST /api/cases/:id/consents': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'POST /api/cases/:id/consents/:entryId/withdraw': { resource: 'case', allow: CASE_WORK, source: 'analysis.md' },
  'GET /api/zrm/:instrument': {
    resource: 'none',
    allow: any(...CASE_ROLES),
    source: 'analysis.md: instruments are configuration, for those who score',
  },
  'POST /api/cases/:id/meldcode': {
    resource: 'case',
    allow: MELDCODE,
    source: 'privacy.md: Meldcode records are shielded',
  },
  'GET /api/cases/:id/meldcode/:recordId': {
    resource: 'case',
    allow: MELDCODE,
    source: 'privacy.md: Meldcode records are shielded',
  },
  'POST /api/cases/:id/meldcode/:recordId/signals': {
    resource: 'case',
    allow: MELDCODE,
    source: 'privacy.md: Meldcode records are shielded',
  },
  'POST /api/cases/:id/meldcode/:recordId/consultations': {
    resource: 'case',
    allow: MELDCODE,
    source: 'privacy.md: Meldcode records are shielded',
  },
  'POST /api/cases/:id/meldcode/:recordId/conversations': {
    resource: 'case',
    allow: MELDCODE,
    source: 'privacy.md: Meldcode records are shielded',
  },
  'POST /api/cases/:id/meldcode/:recordId/decision': {
    resource: 'case',
    allow: MELDCODE,
    source: 'privacy.md: Meldcode records are shielded',
  },

  // ---- the plan (plan.md: "the case worker, the tandem partner and the team coordinator read and change; the team's behavioural scientist reads") ----
  'GET /api/cases/:id/plan': {
    resource: 'case',
    allow: LINKED_VIEW,
    source: 'plan.md; coordination.md: the process coordinator reads the plan',
  },
  'POST /api/cases/:id/plan': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'GET /api/cases/:id/plan/versions/:number': {
    resource: 'case',
    allow: LINKED_VIEW,
    source: 'plan.md; coordination.md: the process coordinator reads the plan',
  },
  'GET /api/cases/:id/plan/document.pdf': {
    resource: 'case',
    allow: LINKED_VIEW,
    source: 'plan.md; coordination.md: the process coordinator reads the plan',
  },
  'GET /api/cases/:id/plan/files/:fileId': { resource: 'case', allow: CASE_VIEW, source: 'plan.md' },
  'GET /api/cases/:id/plan/suggestions': { resource: 'case', allow: CASE_VIEW, source: 'plan.md' },
  'POST /api/cases/:id/plan/goals': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'PUT /api/cases/:id/plan/goals/:goalId': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'DELETE /api/cases/:id/plan/goals/:goalId': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'POST /api/cases/:id/plan/goals/:goalId/actions': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'PUT /api/cases/:id/plan/actions/:actionId': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'DELETE /api/cases/:id/plan/actions/:actionId': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'POST /api/cases/:id/plan/actions/:actionId/progress': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'PUT /api/cases/:id/plan/coordination': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'POST /api/cases/:id/plan/parties': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'DELETE /api/cases/:id/plan/parties/:partyId': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'PUT /api/cases/:id/plan/resident-plan': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'POST /api/cases/:id/plan/agreement': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },
  'POST /api/cases/:id/plan/revisions': { resource: 'case', allow: CASE_WORK, source: 'plan.md' },

  // ---- the privacy officer's log viewer (privacy.md) and emergency access ----
  'GET /api/privacy/access-log': {
    resource: 'none',
    secondFactor: true,
    allow: OFFICER,
    source: 'privacy.md: the log viewer',
  },
  'GET /api/privacy/access-log/export.csv': {
    resource: 'none',
    secondFactor: true,
    allow: OFFICER,
    source: 'privacy.md: the log viewer',
  },
  'GET /api/privacy/access-log/filters': {
    resource: 'none',
    secondFactor: true,
    allow: OFFICER,
    source: 'privacy.md: the log viewer',
  },
  'POST /api/privacy/access-log/verify': {
    resource: 'none',
    secondFactor: true,
    allow: OFFICER,
    source: 'privacy.md: integrity check',
  },
  'GET /api/privacy/clients': {
    resource: 'none',
    secondFactor: true,
    allow: OFFICER,
    source: 'privacy.md: find a client',
  },
  'GET /api/privacy/clients/:id/overview': {
    resource: 'person',
    secondFactor: true,
    allow: OFFICER_IN_TENANT,
    source: 'privacy.md: "Wie bekeek de gegevens van …?"',
  },
  'GET /api/privacy/emergency-accesses': {
    resource: 'none',
    secondFactor: true,
    allow: OFFICER,
    source: 'privacy.md: the daily overview',
  },
  'PUT /api/privacy/emergency-accesses/:id/review': {
    resource: 'emergencyGrant',
    secondFactor: true,
    allow: on(['own', 'otherTeam'], 'privacy_officer'),
    source: 'privacy.md: reviewed with a note',
  },
  'GET /api/cases/:id/emergency-access': {
    resource: 'case',
    allow: EMERGENCY,
    source: 'privacy.md: emergency access — offered to users with case:read',
  },
  'POST /api/cases/:id/emergency-access': {
    resource: 'case',
    allow: EMERGENCY,
    source: 'privacy.md: emergency access (409 when not needed, 404 elsewhere)',
  },
  'POST /api/cases/:id/emergency-access/end': {
    resource: 'case',
    allow: EMERGENCY,
    source: 'privacy.md: "Noodtoegang stoppen"',
  },

  // ---- AVG rights and retention (privacy.md "Access summary for the privacy functions") ----
  'GET /api/avg/persons': { resource: 'none', allow: OFFICER, source: 'privacy.md: the register' },
  'GET /api/avg/requests': { resource: 'none', allow: OFFICER, source: 'privacy.md: the register' },
  'POST /api/avg/requests': { resource: 'person', allow: OFFICER_IN_TENANT, source: 'privacy.md: the register' },
  'GET /api/avg/requests/:id': { resource: 'avgRequest', allow: OFFICER_IN_TENANT, source: 'privacy.md: the register' },
  'PUT /api/avg/requests/:id/status': {
    resource: 'avgRequest',
    allow: OFFICER_IN_TENANT,
    source: 'privacy.md: the register',
  },
  'POST /api/avg/requests/:id/extension': {
    resource: 'avgRequest',
    allow: OFFICER_IN_TENANT,
    source: 'privacy.md: the register',
  },
  'PUT /api/avg/requests/:id/decisions/:category': {
    resource: 'avgRequest',
    allow: OFFICER_IN_TENANT,
    source: 'privacy.md: inspection decisions',
  },
  'GET /api/avg/requests/:id/copy.pdf': {
    resource: 'avgRequest',
    allow: OFFICER_IN_TENANT,
    caseContentByDesign: true,
    source: 'privacy.md: "The privacy officer sees case content only through an inspection copy"',
  },
  'GET /api/avg/requests/:id/copy.json': {
    resource: 'avgRequest',
    allow: OFFICER_IN_TENANT,
    caseContentByDesign: true,
    source: 'privacy.md: "The privacy officer sees case content only through an inspection copy"',
  },
  'POST /api/avg/requests/:id/corrections': {
    resource: 'avgRequest',
    allow: OFFICER_IN_TENANT,
    source: 'privacy.md: correction',
  },
  'POST /api/avg/requests/:id/statements': {
    resource: 'avgRequest',
    allow: OFFICER_IN_TENANT,
    source: 'privacy.md: own statement "through a request"',
  },
  'POST /api/avg/requests/:id/erasure': {
    resource: 'avgRequest',
    allow: OFFICER_IN_TENANT,
    source: 'privacy.md: erasure',
  },
  'GET /api/avg/requests/:id/erasure-preview': {
    resource: 'avgRequest',
    allow: OFFICER_IN_TENANT,
    source: 'privacy.md: erasure — what is erased and what is kept, before confirming',
  },
  'GET /api/cases/:id/privacy': {
    resource: 'case',
    allow: CASE_VIEW,
    source:
      'privacy.md: legal basis and purpose — workers see and record, behavioural scientist (team or consulted) sees',
  },
  'PUT /api/cases/:id/privacy/processing': { resource: 'case', allow: CASE_WORK, source: 'privacy.md: access summary' },
  'POST /api/cases/:id/statements': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'privacy.md: access summary ("see and add, on their cases")',
  },
  'GET /api/retention': { resource: 'none', allow: OFFICER, source: 'privacy.md: "Te vernietigen"' },
  'PUT /api/retention/settings': { resource: 'none', allow: OFFICER, source: 'privacy.md: retention terms' },
  'POST /api/retention/cases/:id/destroy': {
    resource: 'case',
    allow: OFFICER_IN_TENANT,
    source: 'privacy.md: "see and destroy per case"',
  },
  'POST /api/retention/cases/:id/postpone': {
    resource: 'case',
    allow: OFFICER_IN_TENANT,
    source: 'privacy.md: "Langer bewaren"',
  },

  // ---- evaluation, closure, watch (execution.md: "reads for the case's workers, the team coordinator and the team's behavioural scientist, changes for the case worker, the tandem partner and the coordinator") ----
  'GET /api/cases/:id/course': { resource: 'case', allow: CASE_VIEW, source: 'execution.md' },
  'POST /api/cases/:id/evaluations': { resource: 'case', allow: CASE_WORK, source: 'execution.md' },
  'POST /api/cases/:id/closing-question': { resource: 'case', allow: CASE_WORK, source: 'execution.md' },
  'POST /api/cases/:id/closure': { resource: 'case', allow: CASE_WORK, source: 'execution.md' },
  'GET /api/cases/:id/closure-letters/draft': {
    resource: 'case',
    allow: CASE_VIEW,
    source:
      'execution.md: a read ("reads for the case\'s workers, the team coordinator and the team\'s behavioural scientist")',
  },
  'POST /api/cases/:id/closure-letters': { resource: 'case', allow: CASE_WORK, source: 'execution.md' },
  'GET /api/cases/:id/closure-letters/:letterId/pdf': { resource: 'case', allow: CASE_VIEW, source: 'execution.md' },
  'POST /api/cases/:id/watch/check-ins': { resource: 'case', allow: CASE_WORK, source: 'execution.md' },
  'POST /api/cases/:id/watch/end': { resource: 'case', allow: CASE_WORK, source: 'execution.md' },
  'POST /api/cases/:id/reactivation': { resource: 'case', allow: CASE_WORK, source: 'execution.md' },

  // ---- coordination (coordination.md) ----
  'GET /api/case-reviews': {
    resource: 'none',
    allow: any(...CASE_ROLES),
    source: "coordination.md: meetings of the user's teams",
  },
  'POST /api/case-reviews': {
    resource: 'team',
    allow: on(['own'], ...CASE_ROLES),
    source: 'coordination.md: any team member who works with cases plans a meeting',
  },
  'GET /api/case-reviews/:id': {
    resource: 'caseReview',
    // The meeting of the case's team, shown to every team member who works with cases (the items by need to know).
    allow: merge(
      on(['own', 'team'], 'case_worker', 'tandem_partner', 'team_coordinator'),
      on(['team'], 'behavioural_scientist'),
    ),
    source:
      'coordination.md: the meeting page shows every team member the reference, contact person and kind of question',
  },
  'PUT /api/case-reviews/:id/items/:itemId/outcome': {
    resource: 'caseReview',
    allow: CASE_WORK,
    source: 'coordination.md: "The case\'s workers and the team coordinator may"',
  },
  'GET /api/cases/:id/coordination': { resource: 'case', allow: CASE_VIEW, source: 'coordination.md' },
  'POST /api/cases/:id/case-review-items': {
    resource: 'case',
    allow: ON_CASE,
    source: "coordination.md: only the case's own workers; 403 logged",
  },
  'DELETE /api/cases/:id/case-review-items/:itemId': {
    resource: 'case',
    allow: ON_CASE,
    source: "coordination.md: only the case's own workers",
  },
  'POST /api/cases/:id/consultations': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'coordination.md: "the case\'s workers or the team coordinator"',
  },
  'PUT /api/cases/:id/consultations/:consultationId/advice': {
    resource: 'case',
    allow: on(['own'], 'behavioural_scientist'),
    source: 'coordination.md: "Only the consulted scientist records the advice"; 403 logged',
  },
  'GET /api/consultations/mine': {
    resource: 'none',
    allow: any(...CASE_ROLES),
    source: 'coordination.md: "Mijn consultaties"',
  },
  'POST /api/cases/:id/agreed-actions': { resource: 'case', allow: CASE_WORK, source: 'coordination.md' },
  'PUT /api/cases/:id/agreed-actions/:actionId': { resource: 'case', allow: CASE_WORK, source: 'coordination.md' },
  'POST /api/cases/:id/care-transfers': { resource: 'case', allow: CASE_WORK, source: 'coordination.md' },
  'POST /api/cases/:id/care-transfers/:transferId/end': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'coordination.md',
  },
  'PUT /api/cases/:id/tandem-worker': {
    resource: 'case',
    allow: on(['own', 'team'], 'team_coordinator'),
    source: 'coordination.md: "the tandem partner set by anyone but the team coordinator: 403, logged"',
  },
  'PUT /api/cases/:id/case-worker': {
    resource: 'case',
    allow: on(['own', 'team'], 'team_coordinator'),
    source: "coordination.md: the coordinator of the case's team changes the contact person; others 403, logged",
  },
  'GET /api/caseload': {
    resource: 'none',
    allow: any('team_coordinator'),
    source: 'coordination.md: "Dossiers overdragen", the coordinator\'s teams',
  },
  'POST /api/caseload-moves': {
    resource: 'case',
    allow: on(['own', 'team'], 'team_coordinator'),
    source:
      'coordination.md: the coordinator moves cases of their own teams; a case of another team 403, logged with the case',
  },
  'POST /api/cases/:id/process-coordinators': {
    resource: 'case',
    allow: CASE_WORK,
    source: "coordination.md: the case's workers and the coordinator link a process coordinator",
  },
  'POST /api/cases/:id/process-coordinators/unlink': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'coordination.md: … and unlink',
  },
  'POST /api/cases/:id/scaling-decisions': { resource: 'case', allow: CASE_WORK, source: 'coordination.md' },
  'POST /api/policy-signals': {
    resource: 'case',
    allow: CASE_VIEW,
    source:
      'coordination.md: a worker, coordinator or behavioural scientist records a signal; the case link only to those who may see the case',
  },
  'GET /api/policy-signals/mine': { resource: 'none', allow: any(...CASE_ROLES), source: 'coordination.md' },
  'GET /api/policy-signals': {
    resource: 'none',
    allow: any('team_coordinator', 'municipal_consultant'),
    source: 'coordination.md: the coordinator (own teams) and the municipal consultant (all teams)',
  },
  'POST /api/policy-signals/:id/forward': {
    resource: 'signal',
    allow: on(['own', 'team'], 'team_coordinator'),
    source: 'coordination.md: the coordinator marks signals of their team as forwarded',
  },

  // ---- journaal and tasks (execution.md "Journaal en taken") ----
  'GET /api/cases/:id/contacts': {
    resource: 'case',
    allow: CASE_VIEW,
    source: 'execution.md: the behavioural scientist reads the journaal',
  },
  'POST /api/cases/:id/contacts': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'execution.md: the behavioural scientist gets no form',
  },
  'GET /api/cases/:id/contact-attachments/:attachmentId': {
    resource: 'case',
    allow: CASE_VIEW,
    source: 'execution.md',
  },
  'GET /api/tasks/mine': {
    resource: 'none',
    allow: any('case_worker', 'tandem_partner', 'team_coordinator'),
    source: 'execution.md: Mijn taken',
  },
  'GET /api/resident-messages/unread': {
    resource: 'none',
    allow: any(...CASE_ROLES),
    source: 'execution.md: unread messages from residents on Mijn werk (issue #19 item 8)',
  },
  'POST /api/tasks': {
    resource: 'none',
    allow: any('case_worker', 'tandem_partner', 'team_coordinator'),
    source: 'execution.md: an own task without a case',
  },
  'GET /api/tasks/team': {
    resource: 'none',
    allow: any('team_coordinator'),
    source: 'execution.md: Taken van het team (task:read_team)',
  },
  'POST /api/cases/:id/tasks': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'execution.md: Taak toevoegen on the case',
  },
  'POST /api/tasks/:id/done': {
    resource: 'task',
    allow: CASE_WORK,
    source: 'execution.md: "Klaar" on the case\'s open tasks',
  },
  'POST /api/tasks/:id/reopen': {
    resource: 'task',
    allow: CASE_WORK,
    source: 'execution.md: "Ongedaan maken" after "Klaar" (issue #19 item 8)',
  },
  'GET /api/tasks/digest': {
    resource: 'none',
    allow: any('case_worker', 'tandem_partner', 'team_coordinator'),
    source: 'execution.md: the morning e-mail',
  },
  'PUT /api/tasks/digest': {
    resource: 'none',
    allow: any('case_worker', 'tandem_partner', 'team_coordinator'),
    source: 'execution.md: the morning e-mail',
  },

  // ---- management information (management-information.md "Who sees what") ----
  'GET /api/management-information/dashboard': {
    resource: 'team',
    allow: MI_VIEW,
    source: 'management-information.md',
  },
  'GET /api/management-information/dashboard/export.csv': {
    resource: 'team',
    allow: MI_VIEW,
    source: 'management-information.md',
  },
  'GET /api/management-information/dashboard/export.xlsx': {
    resource: 'team',
    allow: MI_VIEW,
    source: 'management-information.md',
  },
  'GET /api/management-information/dashboard/report.pdf': {
    resource: 'team',
    allow: MI_VIEW,
    source: 'management-information.md',
  },
  'GET /api/management-information/quality-mirror': {
    resource: 'team',
    allow: MI_VIEW,
    source: 'management-information.md: quality mirror — coordinator own teams, policy advisor every team (read only)',
  },
  'PUT /api/management-information/quality-mirror/assessment': {
    resource: 'team',
    allow: on(['own'], 'team_coordinator'),
    source: 'management-information.md: the coordinator records the self-assessment',
  },

  // ---- the resident portal (resident-portal.md; a staff session never works there, a resident session never in the staff app) ----
  'GET /api/resident/session': { resource: 'none', allow: PUBLIC, source: 'resident-portal.md' },
  'POST /api/resident/login/code': { resource: 'none', allow: PUBLIC, source: 'resident-portal.md' },
  'POST /api/resident/login/verify': { resource: 'none', allow: PUBLIC, source: 'resident-portal.md' },
  'POST /api/resident/logout': { resource: 'none', allow: PUBLIC, source: 'resident-portal.md' },
  'GET /api/resident/digid/start': { resource: 'none', allow: PUBLIC, source: 'resident-portal.md' },
  'GET /api/resident/digid/callback': { resource: 'none', allow: PUBLIC, source: 'resident-portal.md' },
  'GET /api/resident/persons/:personId/home': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'GET /api/resident/persons/:personId/plan': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'POST /api/resident/persons/:personId/plan/agreement': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'POST /api/resident/persons/:personId/plan/actions/:actionId/done': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'GET /api/resident/persons/:personId/contacts': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'GET /api/resident/persons/:personId/messages': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'POST /api/resident/persons/:personId/messages': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'GET /api/resident/persons/:personId/documents': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'GET /api/resident/persons/:personId/letters/:letterId/pdf': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'execution.md: the household letter in Mijn Nabij',
  },
  'POST /api/resident/persons/:personId/own-plans': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'POST /api/resident/persons/:personId/statements': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'GET /api/resident/persons/:personId/consents': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'POST /api/resident/persons/:personId/consents/:consentId/withdrawal': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'GET /api/resident/persons/:personId/access-log': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'GET /api/resident/persons/:personId/copy-requests': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'POST /api/resident/persons/:personId/copy-requests': {
    resource: 'residentPerson',
    allow: RESIDENT_SELF,
    source: 'resident-portal.md',
  },
  'GET /api/cases/:id/resident-portal': {
    resource: 'case',
    allow: CASE_VIEW,
    source: "resident-portal.md: the worker's side (reads)",
  },
  'POST /api/cases/:id/resident-portal/accounts': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'resident-portal.md: the worker gives accounts',
  },
  'POST /api/cases/:id/resident-portal/accounts/:accountId/deactivation': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'resident-portal.md',
  },
  'POST /api/cases/:id/resident-portal/accounts/:accountId/activation': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'resident-portal.md',
  },
  'POST /api/cases/:id/resident-portal/representations': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'resident-portal.md',
  },
  'POST /api/cases/:id/resident-portal/representations/:representationId/end': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'resident-portal.md',
  },
  'POST /api/cases/:id/resident-portal/messages/:messageId/read': {
    resource: 'case',
    allow: CASE_WORK,
    source: 'resident-portal.md',
  },
  'POST /api/cases/:id/resident-portal/offer': { resource: 'case', allow: CASE_WORK, source: 'resident-portal.md' },
  'GET /api/cases/:id/resident-portal/own-plans/:ownPlanId/file': {
    resource: 'case',
    allow: CASE_VIEW,
    source: 'resident-portal.md',
  },
};

/** The relations a subject is granted on a route (an empty list: denied everywhere). */
export function allowedRelations(e: Expectation, who: Who): readonly Relation[] {
  const g = e.allow[who];
  if (!g) return [];
  return g === 'any' ? RESOURCE_RELATIONS[e.resource] : g;
}

/** May `who` see the content of a case of this relation (for the scan of every response for case content)? */
export const mayViewCaseContent = (who: Who, relation: Relation): boolean =>
  allowedRelations({ resource: 'case', allow: LINKED_VIEW, source: '' }, who).includes(relation);
export const mayViewMeldcode = (who: Who, relation: Relation): boolean =>
  allowedRelations({ resource: 'case', allow: MELDCODE, source: '' }, who).includes(relation);
