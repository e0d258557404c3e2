// How the authorisation matrix addresses a record: the path parameters, query and body of a request to a route for a
// subject and a relation. Bodies are valid (so that a request reaches the record-level check after validation);
// changes that would alter the world (versions, decisions) carry a stale version, so an allowed request is refused
// with 409 after the access check and changes nothing. A route without a body here gets one generated from its
// OpenAPI schema with the input fuzzer's generator.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { municipalDate } from '../../src/shared/clock';
import { TINY_PDF, yesterday } from '../privacy-fixtures';
import { valueFor, type JsonSchema } from '../reliability/schema-arbitrary';
import type { CaseFixture, CaseKey, ReferralFixture, Relation, World } from './authorisation-matrix.fixtures';
import type { Resource, Who } from './authorisation-matrix.expectations';

/** A version no record has: an allowed change gets 409 after the access check and stores nothing. */
export const STALE = 999_999;

/** The records a request of one subject and relation addresses. */
export interface Target {
  caseKey: CaseKey;
  kase: CaseFixture;
  referral: ReferralFixture;
  meetingId: string;
  teamId: string;
  userId: string;
  serviceId: string;
  grantId: string;
  signalId: string;
}

/** The case a relation means for a subject: the behavioural scientist's own relation is the case they are consulted on. */
export function caseKeyFor(who: Who, relation: Relation): CaseKey {
  if (who === 'behavioural_scientist' && relation === 'own') return 'consulted';
  return relation;
}

/** The relation of a subject to a case (the inverse of caseKeyFor), for the scan of responses for case content. */
export function relationToCase(who: Who, key: CaseKey): Relation {
  if (key === 'consulted') return who === 'behavioural_scientist' ? 'own' : 'otherTeam';
  if (who === 'behavioural_scientist' && key === 'own') return 'team';
  return key;
}

export function targetFor(world: World, resource: Resource, who: Who, relation: Relation): Target {
  // The resident portal: "own" is the resident themself (the adult of the own case), whoever asks.
  const caseKey = resource === 'residentPerson' ? relation : caseKeyFor(who, relation);
  const pick = <T>(byRelation: Partial<Record<Relation, T>>, fallback: T): T => byRelation[relation] ?? fallback;
  return {
    caseKey,
    kase: world.cases[caseKey],
    referral: world.referrals[relation],
    meetingId: world.meetings[relation],
    teamId: pick({ otherTeam: world.teams.otherTeam, otherTenant: world.teams.otherTenant }, world.teams.own),
    userId: pick({ otherTeam: world.victims.otherTeam, otherTenant: world.victims.otherTenant }, world.victims.own),
    serviceId: pick({ otherTenant: world.services.otherTenant }, world.services.own),
    grantId: pick(
      { otherTeam: world.emergencyGrants.otherTeam, otherTenant: world.emergencyGrants.otherTenant },
      world.emergencyGrants.own,
    ),
    signalId: world.signals[relation],
  };
}

/** The value of a path parameter of a route for a target. */
export function paramValue(route: string, name: string, tg: Target, world: World): string {
  const path = route.slice(route.indexOf(' ') + 1);
  const under = (prefix: string) => path.startsWith(prefix);
  switch (name) {
    case 'id':
      if (under('/api/cases/') || under('/api/retention/cases/')) return tg.kase.id;
      if (under('/api/case-reviews/')) return tg.kase.reviewMeetingId;
      if (under('/api/referrals/')) return tg.referral.id;
      if (under('/api/letters/')) return tg.referral.letterId;
      if (under('/api/meetings/')) return tg.meetingId;
      if (under('/api/persons/') || under('/api/privacy/clients/')) return tg.kase.adultId;
      if (under('/api/households/')) return tg.kase.householdId;
      if (under('/api/admin/users/')) return tg.userId;
      if (under('/api/admin/teams/')) return tg.teamId;
      if (under('/api/admin/services/')) return tg.serviceId;
      if (under('/api/avg/requests/')) return tg.kase.avgRequestId;
      if (under('/api/privacy/emergency-accesses/')) return tg.grantId;
      if (under('/api/policy-signals/')) return tg.signalId;
      if (under('/api/tasks/')) return tg.kase.taskId;
      if (under('/api/person-merges/')) return world.personMergeId;
      break;
    case 'entryId':
      if (path.includes('/network/')) return tg.kase.networkEntryId;
      if (path.includes('/network-meetings/')) return tg.kase.networkMeetingId;
      if (path.includes('/professionals/')) return tg.kase.professionalEntryId;
      if (path.includes('/consents/')) return tg.kase.consentId;
      break;
    case 'actionId':
      return path.includes('/agreed-actions/') ? tg.kase.agreedActionId : tg.kase.actionId;
    case 'attachmentId':
      return under('/api/referrals/') ? tg.referral.attachmentId : tg.kase.contactAttachmentId;
    case 'personId':
      // Removing a member of a household: the child; everything else: the adult (the resident).
      return under('/api/households/') ? tg.kase.childId : tg.kase.adultId;
    case 'recordId':
      return tg.kase.recordId;
    case 'goalId':
      return tg.kase.goalId;
    case 'partyId':
      return tg.kase.partyId;
    case 'fileId':
      return tg.kase.planFileId;
    case 'number':
      return '1';
    case 'letterId':
      return tg.kase.caseLetterId;
    case 'itemId':
      return tg.kase.reviewItemId;
    case 'consultationId':
      return tg.kase.consultationId;
    case 'transferId':
      return tg.kase.transferId;
    case 'accountId':
      return tg.kase.secondAccountId;
    case 'representationId':
      return tg.kase.representationId;
    case 'messageId':
      return tg.kase.messageId;
    case 'ownPlanId':
      return tg.kase.ownPlanId;
    case 'consentId':
      return tg.kase.consentId;
    case 'referralId':
      // A case's referral (the one that opened it) under /api/cases/; the intake's referral elsewhere.
      return under('/api/cases/') ? tg.kase.referralId : tg.referral.id;
    case 'category':
      return 'meldcode';
    case 'kind':
      return 'closure';
    case 'instrument':
      return 'zrm2017';
    case 'tenantSlug':
      return world.tenantSlug;
    case '*':
      return 'swagger-ui.css';
  }
  throw new Error(`The matrix has no value for the parameter "${name}" of ${route}: add it to paramValue.`);
}

const today = () => municipalDate(new Date());
const inDays = (n: number) => new Date(Date.parse(`${today()}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const quarterNow = () => `${today().slice(0, 4)}-Q${Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1}`;

/** Query strings (routes that need one, or address a team through it). */
export const QUERIES: Record<string, (tg: Target, world: World) => Record<string, string>> = {
  // The municipality of the statements and contact page; without it a world of several municipalities answers 404.
  'GET /api/public/organisation': (_tg, world) => ({ gemeente: world.tenantSlug }),
  'GET /api/host-questions/today': (tg) => ({ teamId: tg.teamId }),
  'GET /api/cases/:id/plan/suggestions': () => ({ domain: 'finances' }),
  'GET /api/cases/:id/closure-letters/draft': () => ({ kind: 'case_closure_household' }),
  'GET /api/referrals/:id/letter-draft': () => ({ kind: 'closure' }),
  'DELETE /api/cases/:id/plan/goals/:goalId': () => ({ version: String(STALE) }),
  'DELETE /api/cases/:id/plan/actions/:actionId': () => ({ version: String(STALE) }),
  'DELETE /api/cases/:id/plan/parties/:partyId': () => ({ version: String(STALE) }),
  'DELETE /api/cases/:id/case-review-items/:itemId': () => ({ version: String(STALE) }),
  'DELETE /api/households/:id/members/:personId': () => ({ version: String(STALE) }),
  'GET /api/privacy/clients': () => ({ name: 'Testhuis' }),
  'GET /api/avg/persons': () => ({ name: 'Testhuis' }),
  'GET /api/search': () => ({ q: 'Testhuis' }),
  'GET /api/management-information/dashboard': (tg) => ({ teamId: tg.teamId }),
  'GET /api/management-information/dashboard/export.csv': (tg) => ({ teamId: tg.teamId }),
  'GET /api/management-information/dashboard/export.xlsx': (tg) => ({ teamId: tg.teamId }),
  'GET /api/management-information/dashboard/report.pdf': (tg) => ({ teamId: tg.teamId }),
  'GET /api/management-information/quality-mirror': (tg) => ({ teamId: tg.teamId }),
};

type BodyOf = (tg: Target, who: Who, world: World) => unknown;
const day = () => yesterday();
const pdf = (filename: string) => ({ filename, contentBase64: TINY_PDF });

/** Valid bodies per route (for the routes that take one). Login routes get an empty body on purpose: they never change a credential. */
export const BODIES: Record<string, BodyOf> = {
  // ---- staff changes and the process coordinator (issue #17 items 6 and 8): a stale version, so an allowed request changes nothing ----
  'PUT /api/cases/:id/case-worker': (tg, who, world) => ({
    version: STALE,
    caseWorkerId: world.userIds.tandem_partner,
    reason: 'workload',
    handoverNote: 'Overdracht in het team.',
  }),
  'POST /api/caseload-moves': (tg, who, world) => ({
    fromWorkerId: world.userIds.case_worker,
    reason: 'illness',
    moves: [{ caseId: tg.kase.id, version: STALE, newWorkerId: world.userIds.tandem_partner }],
  }),
  'POST /api/cases/:id/process-coordinators': (tg, who, world) => ({
    version: STALE,
    userId: world.userIds.municipal_consultant,
  }),
  'POST /api/cases/:id/process-coordinators/unlink': (tg, who, world) => ({
    version: STALE,
    userId: world.userIds.municipal_consultant,
  }),
  'POST /api/referrals/:id/join-case': (tg) => ({ version: STALE, caseId: tg.kase.id }),
  'POST /api/auth/login': () => ({}),
  'POST /api/auth/totp': () => ({}),
  'POST /api/auth/recovery': () => ({}),
  'POST /api/auth/totp/enrolment/confirm': () => ({}),
  'POST /api/auth/password': () => ({}),
  'POST /api/public/referrals/:tenantSlug': () => ({}),
  'POST /api/resident/login/code': () => ({}),
  'POST /api/resident/login/verify': () => ({}),
  // ---- persons ----
  'POST /api/persons/search': () => ({ name: 'Testhuis' }),
  'POST /api/persons': () => ({
    firstName: 'Nieuw',
    lastName: 'Matrixpersoon',
    dateOfBirth: '1990-09-09',
    acknowledgeDuplicates: true,
  }),
  'PUT /api/persons/:id': () => ({
    firstName: 'Anna',
    lastName: 'Testhuis',
    dateOfBirth: '1985-01-01',
    version: STALE,
  }),
  'POST /api/households': (tg) => ({
    name: 'Huishouden Matrix',
    members: [{ personId: tg.kase.adultId, relation: 'parent' }],
  }),
  'POST /api/households/:id/members': (tg) => ({ personId: tg.kase.childId, relation: 'child', version: STALE }),
  'PUT /api/households/:id/members/:personId': () => ({ relation: 'partner', version: STALE }),
  'POST /api/persons/:id/merge-preview': (tg) => ({ otherId: tg.kase.childId }),
  'POST /api/persons/:id/merge': (tg) => ({
    otherId: tg.kase.childId,
    version: STALE,
    otherVersion: STALE,
    confirm: true,
  }),
  'POST /api/person-merges/:id/undo': () => ({ version: STALE, reason: 'Matrix: geen echte samenvoeging.' }),
  // ---- administration ----
  'POST /api/admin/users': () => ({
    username: `matrix-${randomUUID().slice(0, 8)}`,
    displayName: 'Matrix Gebruiker',
    email: '',
    roles: ['case_worker'],
    teamIds: [],
  }),
  'PUT /api/admin/users/:id/expertise': () => ({ expertise: ['schulden'], version: STALE }),
  'PUT /api/admin/teams/:id': () => ({
    acceptsWebReferrals: true,
    acceptsSelfReferrals: true,
    analysisWeeks: 6,
    outreachWeeks: 8,
    version: STALE,
  }),
  'PUT /api/admin/house-style': () => ({
    displayName: 'Gemeente Matrix',
    primaryColor: '#0b4f6c',
    primaryTextColor: '#ffffff',
    linkColor: '#0b5e7e',
    focusColor: '#1a1a2e',
    fontFamily: 'system',
    version: STALE,
  }),
  'PUT /api/admin/letter-templates/:kind': () => ({
    subject: 'Afsluiting {referentie}',
    body: 'Beste {verwijzer}, tekst.',
    version: STALE,
  }),
  'POST /api/admin/services': () => ({
    organisation: 'Buurthuis',
    name: 'Koffieochtend',
    domains: ['social_network'],
    type: 'general',
  }),
  'PUT /api/admin/services/:id': () => ({
    organisation: 'Buurthuis',
    name: 'Taalcafé',
    domains: ['community_participation'],
    type: 'group',
    version: STALE,
  }),
  'POST /api/admin/services/import': () => ({
    csv: 'organisation,name,domains,type\nBuurthuis De Schakel,Breiclub,social_network,group',
  }),
  'PUT /api/admin/zrm-criteria': () => ({
    instrument: 'zrm2017',
    criteria: [{ domain: 'finances', level: 1, text: 'Groeiende complexe schulden' }],
  }),
  // ---- intake ----
  'POST /api/host-questions': (tg) => ({ teamId: tg.teamId, category: 'money', outcome: 'answered' }),
  'POST /api/referrals': (tg) => ({
    teamId: tg.teamId,
    channel: 'phone',
    referrerKind: 'self',
    referrer: { phone: '0612345678' },
    residents: [{ firstName: 'Mila', lastName: 'Matrix', dateOfBirth: '1988-08-08' }],
    lifeDomains: ['housing'],
    question: 'Huurachterstand',
    idempotencyKey: randomUUID(),
  }),
  'POST /api/referrals/:id/status': () => ({ status: 'waiting_for_information', version: STALE }),
  'POST /api/referrals/:id/contacts': () => ({ channel: 'phone', note: 'Verwijzer teruggebeld' }),
  'POST /api/referrals/:id/regiecheck': () => ({ version: STALE, links: [], householdId: null }),
  'POST /api/referrals/:id/close': () => ({ version: STALE }),
  'POST /api/referrals/:id/correction': () => ({
    version: STALE,
    reason: 'Gegevens aangevuld',
    residentAwareness: 'agrees',
  }),
  'POST /api/cases/:id/referrals/:referralId/correction': () => ({
    version: STALE,
    reason: 'Bij het huisbezoek nagevraagd',
    residentAwareness: 'agrees',
  }),
  'POST /api/team-consultations': (tg) => ({
    teamId: tg.teamId,
    asker: 'professional',
    channel: 'phone',
    topic: 'housing',
    advice: 'Verwezen naar het juridisch loket.',
    minutesSpent: 15,
  }),
  'POST /api/meetings': (tg, _who, world) => ({
    teamId: tg.teamId,
    date: inDays(30),
    chairUserId: world.userIds.team_coordinator,
    participants: [],
  }),
  'POST /api/meetings/:id/items': (tg) => ({ referralId: tg.referral.id }),
  'POST /api/meetings/:id/items/:referralId/decision': () => ({
    version: STALE,
    triage: {
      situation: 'Schulden',
      lifeDomains: ['finances'],
      multipleProblems: false,
      urgency: 'medium',
      safety: 'Geen zorgen',
    },
    decision: { outcome: 'advice', reasoning: 'Advies volstaat', discussedWithResident: true },
  }),
  'POST /api/referrals/:id/letters': () => ({
    kind: 'closure',
    subject: 'Uw verwijzing',
    body: 'Beste verwijzer, wij sluiten af.',
    idempotencyKey: randomUUID(),
  }),
  'POST /api/referrals/:id/assignment': (_tg, _who, world) => ({
    version: STALE,
    caseWorkerId: world.userIds.case_worker,
    consent: 'verbal',
    consentDate: day(),
  }),
  // ---- the case file ----
  'POST /api/cases/:id/network': () => ({
    name: 'Buurman Matrix',
    relationType: 'neighbour',
    quality: 'supportive',
    contactFrequency: 'monthly',
  }),
  'POST /api/cases/:id/professionals': () => ({ organisation: 'Schuldhulp Matrix' }),
  'POST /api/cases/:id/network-meetings': () => ({ kind: 'network_meeting', status: 'proposed' }),
  'PUT /api/cases/:id/network-meetings/:entryId': () => ({
    version: STALE,
    kind: 'family_group_conference',
    status: 'planned',
    plannedOn: day(),
  }),
  'PUT /api/cases/:id/analysis-conclusion': () => ({ version: STALE, questionBehind: 'Matrix' }),
  'POST /api/cases/:id/zrm': (tg) => ({
    personId: tg.kase.adultId,
    kind: 'interim',
    assessedOn: day(),
    scores: [{ domain: 'finances', score: 3 }],
  }),
  'POST /api/cases/:id/participation': (tg) => ({ personId: tg.kase.adultId, rung: 3, measuredOn: day() }),
  'POST /api/cases/:id/child-safety': () => ({
    assessedOn: day(),
    signs: 'Geen',
    protectiveFactors: 'Oma',
    riskLevel: 'low',
    actions: 'Volgen',
  }),
  'POST /api/cases/:id/outreach': () => ({ attemptedOn: day(), way: 'phone', contactMade: true }),
  'POST /api/cases/:id/consents': (tg) => ({
    personId: tg.kase.adultId,
    recipient: 'Huisarts Matrix',
    scope: 'Gezondheid',
    form: 'verbal',
    givenOn: day(),
  }),
  'POST /api/cases/:id/consents/:entryId/withdraw': () => undefined,
  'POST /api/cases/:id/meldcode': () => ({}),
  'POST /api/cases/:id/meldcode/:recordId/signals': () => ({
    observedOn: day(),
    fact: 'Kind kwam zonder jas',
    source: 'school',
  }),
  'POST /api/cases/:id/meldcode/:recordId/consultations': () => ({
    consultedOn: day(),
    withWhom: 'Veilig Thuis',
    advice: 'Gesprek voeren',
  }),
  'POST /api/cases/:id/meldcode/:recordId/conversations': () => ({
    heldOn: day(),
    withWhom: 'Moeder',
    summary: 'Herkent de zorgen',
  }),
  'POST /api/cases/:id/meldcode/:recordId/decision': () => ({
    suspicion: false,
    weighing: 'Geen vermoeden meer na het gesprek.',
    reportToVeiligThuis: false,
    provideOrOrganiseHelp: true,
    consentAsked: false,
  }),
  // ---- the plan ----
  'POST /api/cases/:id/plan': () => ({ startsOn: day() }),
  'POST /api/cases/:id/plan/goals': () => ({
    version: STALE,
    domain: 'housing',
    problem: 'Huurachterstand',
    goal: 'Betalingsregeling',
  }),
  'PUT /api/cases/:id/plan/goals/:goalId': () => ({
    version: STALE,
    domain: 'finances',
    problem: 'Schulden',
    goal: 'Overzicht',
  }),
  'POST /api/cases/:id/plan/goals/:goalId/actions': () => ({
    version: STALE,
    description: 'Budgetcursus',
    performer: 'self',
  }),
  'PUT /api/cases/:id/plan/actions/:actionId': () => ({
    version: STALE,
    description: 'Budgetcursus',
    performer: 'self',
  }),
  'POST /api/cases/:id/plan/actions/:actionId/progress': () => ({ version: STALE, status: 'in_progress' }),
  'PUT /api/cases/:id/plan/coordination': () => ({ version: STALE, coordination: 'case' }),
  'POST /api/cases/:id/plan/parties': () => ({ version: STALE, name: 'Buurvrouw', part: 'Helpt met post' }),
  'PUT /api/cases/:id/plan/resident-plan': () => ({ version: STALE, kind: 'personal_plan', text: 'Ons plan' }),
  'POST /api/cases/:id/plan/agreement': () => ({
    version: STALE,
    form: 'verbal',
    agreedOn: day(),
    agreedByName: 'Anna Testhuis',
  }),
  'POST /api/cases/:id/plan/revisions': () => ({ version: STALE, reason: 'Nieuwe afspraken' }),
  // ---- privacy ----
  'POST /api/privacy/access-log/verify': () => undefined,
  'PUT /api/privacy/emergency-accesses/:id/review': () => ({ note: 'Terecht gebruikt', version: STALE }),
  'POST /api/cases/:id/emergency-access': () => ({
    reason: 'Crisis in de avond, vaste werker onbereikbaar.',
    hours: 1,
  }),
  'POST /api/cases/:id/emergency-access/end': () => undefined,
  'POST /api/avg/requests': (tg) => ({
    personId: tg.kase.adultId,
    kind: 'objection',
    channel: 'letter',
    receivedOn: day(),
    description: 'Bezwaar',
  }),
  'PUT /api/avg/requests/:id/status': () => ({ status: 'in_progress', version: STALE }),
  'POST /api/avg/requests/:id/extension': () => ({
    extendedUntil: inDays(40),
    reason: 'Veel gegevens',
    version: STALE,
  }),
  'PUT /api/avg/requests/:id/decisions/:category': () => ({ include: false, reason: 'Veiligheid van betrokkenen' }),
  // A correction of an inspection request is refused (wrong kind of request) after the access check: nothing changes.
  'POST /api/avg/requests/:id/corrections': () => ({ field: 'city', value: 'Utrecht', note: 'Verhuisd' }),
  'POST /api/avg/requests/:id/statements': (tg) => ({
    caseId: tg.kase.id,
    personId: tg.kase.adultId,
    receivedOn: day(),
    statement: 'Ik ben het niet eens',
  }),
  // With a legal exception the erasure is refused (409) and nothing is erased.
  'POST /api/avg/requests/:id/erasure': () => ({
    retentionObligation: true,
    legalClaim: false,
    publicInterest: false,
    othersInterest: false,
    exceptionNotes: 'Wettelijke bewaarplicht Jeugdwet',
    confirm: true,
    version: STALE,
  }),
  'PUT /api/cases/:id/privacy/processing': () => ({
    legalBases: ['wmo_2015'],
    purposes: ['social_support'],
    purposeDescription: 'Ondersteuning',
    version: STALE,
  }),
  'POST /api/cases/:id/statements': (tg) => ({
    personId: tg.kase.adultId,
    receivedOn: day(),
    statement: 'Eigen verklaring',
  }),
  'PUT /api/retention/settings': () => ({ participatiewetYears: 7, wgsYears: 7, otherYears: 5, version: STALE }),
  // Open cases are never due: destruction is refused after the access check.
  'POST /api/retention/cases/:id/destroy': () => ({ confirm: true }),
  'POST /api/retention/cases/:id/postpone': () => ({ until: inDays(365), reason: 'Lopende klacht' }),
  // ---- evaluation, closure, watch: each refused after the access check (not in execution, closing question "yes", not in the watch) ----
  'POST /api/cases/:id/evaluations': (tg) => ({
    heldOn: day(),
    participants: 'Moeder',
    goals: [{ goalId: tg.kase.goalId, status: 'ongoing' }],
    conclusion: 'continue',
  }),
  'POST /api/cases/:id/closing-question': () => ({ somethingGoesWrong: true, explanation: 'Nog te vroeg' }),
  'POST /api/cases/:id/closure': () => ({ somethingGoesWrong: true, closingQuestionExplanation: 'Nog te vroeg' }),
  'POST /api/cases/:id/closure-letters': () => ({
    kind: 'case_closure_household',
    subject: 'Afsluiting',
    body: 'Beste bewoner',
    idempotencyKey: randomUUID(),
  }),
  'POST /api/cases/:id/watch/check-ins': () => ({ checkedOn: day(), way: 'phone', allWell: true }),
  'POST /api/cases/:id/watch/end': () => ({ note: 'Klaar' }),
  'POST /api/cases/:id/reactivation': () => ({ reason: 'Nieuwe zorgen' }),
  // ---- coordination ----
  'POST /api/case-reviews': (tg) => ({ teamId: tg.teamId, date: inDays(60) }),
  'PUT /api/case-reviews/:id/items/:itemId/outcome': () => ({ version: STALE, advice: 'Doorgaan' }),
  'POST /api/cases/:id/case-review-items': (tg) => ({
    meetingId: tg.kase.reviewMeetingId,
    questionKind: 'stagnation',
    question: 'Er gebeurt niets.',
  }),
  'POST /api/cases/:id/consultations': (_tg, _who, world) => ({
    scientistId: world.userIds.behavioural_scientist,
    question: 'Wat is wijs?',
  }),
  'PUT /api/cases/:id/consultations/:consultationId/advice': () => ({
    version: STALE,
    advice: 'Rustig aan',
    advisedOn: day(),
  }),
  'POST /api/cases/:id/agreed-actions': () => ({ party: 'School', action: 'Leerplicht bellen' }),
  'PUT /api/cases/:id/agreed-actions/:actionId': () => ({
    version: STALE,
    party: 'School',
    action: 'Leerplicht bellen',
  }),
  'POST /api/cases/:id/care-transfers': () => ({
    kind: 'warm_handover',
    organisation: 'GGZ',
    what: 'Behandeling',
    onDate: day(),
    warmMeetingHeld: true,
  }),
  'POST /api/cases/:id/care-transfers/:transferId/end': () => ({ version: STALE, endedOn: day() }),
  'PUT /api/cases/:id/tandem-worker': () => ({ version: STALE, tandemWorkerId: null }),
  'POST /api/cases/:id/scaling-decisions': () => ({
    direction: 'up',
    reason: 'Zorgen nemen toe',
    toOrganisation: 'Jeugdbescherming',
    decidedOn: day(),
  }),
  'POST /api/policy-signals': (tg) => ({
    kind: 'law_gap',
    lifeDomain: 'housing',
    description: 'Regels voor noodopvang knellen.',
    caseId: tg.kase.id,
  }),
  'POST /api/policy-signals/:id/forward': () => ({ version: STALE }),
  // ---- journaal and tasks ----
  'POST /api/cases/:id/contacts': () => ({ kind: 'phone', contactOn: day(), note: 'Gebeld' }),
  'POST /api/tasks': () => ({ title: 'Eigen taak', dueOn: inDays(3) }),
  'POST /api/cases/:id/tasks': () => ({ title: 'Huisbezoek plannen', dueOn: inDays(3) }),
  'POST /api/tasks/:id/done': () => ({ version: STALE }),
  'POST /api/tasks/:id/reopen': () => ({ version: STALE }),
  'PUT /api/tasks/digest': () => ({ taskDigest: false }),
  'PUT /api/management-information/quality-mirror/assessment': (tg) => ({
    teamId: tg.teamId,
    period: quarterNow(),
    elements: [{ element: 'continuity', score: 3, notes: null }],
  }),
  // ---- the resident portal ----
  'POST /api/resident/persons/:personId/plan/agreement': () => ({
    number: 1,
    version: STALE,
    typedName: 'Anna Testhuis',
    confirm: true,
  }),
  'POST /api/resident/persons/:personId/plan/actions/:actionId/done': () => ({ version: STALE, note: 'Gedaan' }),
  'POST /api/resident/persons/:personId/messages': () => ({ body: 'Graag een afspraak' }),
  'POST /api/resident/persons/:personId/own-plans': () => ({ kind: 'personal_plan', file: pdf('plan.pdf') }),
  'POST /api/resident/persons/:personId/statements': () => ({ statement: 'Mijn verklaring' }),
  'POST /api/resident/persons/:personId/consents/:consentId/withdrawal': () => undefined,
  'POST /api/resident/persons/:personId/copy-requests': () => ({}),
  'POST /api/cases/:id/resident-portal/accounts': (tg) => ({
    personId: tg.kase.adultId,
    email: 'al-bekend@matrix.example',
    identityChecked: true,
  }),
  'POST /api/cases/:id/resident-portal/accounts/:accountId/deactivation': () => undefined,
  'POST /api/cases/:id/resident-portal/accounts/:accountId/activation': () => undefined,
  'POST /api/cases/:id/resident-portal/representations': (tg) => ({
    representativePersonId: tg.kase.adultId,
    personId: tg.kase.childId,
    relation: 'parent',
    evidence: 'Uittreksel gezagsregister gezien',
  }),
  'POST /api/cases/:id/resident-portal/representations/:representationId/end': () => undefined,
  'POST /api/cases/:id/resident-portal/messages/:messageId/read': () => undefined,
  'POST /api/cases/:id/resident-portal/offer': () => ({ version: STALE }),
};

/** The OpenAPI request body schema of each route (`POST /api/x/:id`), for the routes without a body above. */
export function bodySchemas(doc: {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
}): Map<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (schema) schemas.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, schema);
    }
  }
  return schemas;
}

/** A body generated from the schema by the input fuzzer's generator (fixed seed), with the target's ids and a stale version. */
export function generatedBody(schema: JsonSchema, tg: Target): unknown {
  const ids: Record<string, string> = {
    caseId: tg.kase.id,
    personId: tg.kase.adultId,
    teamId: tg.teamId,
    householdId: tg.kase.householdId,
    referralId: tg.referral.id,
    goalId: tg.kase.goalId,
  };
  const [value] = fc.sample(valueFor(schema, { idsFor: (name) => (ids[name] ? [ids[name]] : []) }), {
    numRuns: 1,
    seed: 7,
  });
  const fix = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(fix);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'version' ? STALE : (ids[k] ?? fix(x))]));
  };
  return fix(value);
}
