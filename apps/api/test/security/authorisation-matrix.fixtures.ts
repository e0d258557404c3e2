// The world of the authorisation matrix (issue #7 item 9): two municipalities, two teams in the first, one subject
// per role (plus the tandem partner and a resident), and per relation a case, referral, meeting, … filled through the
// API with every sub-record a route can address, so that an allowed request reaches its handler with ids that exist.
import { randomUUID } from 'node:crypto';
import type { Role } from '@nabij/contracts';
import { expect } from 'vitest';
import { totpCode } from '../../src/capabilities/auth';
import { municipalDate } from '../../src/shared/clock';
import { buildCase, buildTenant, buildUser } from '../builders';
import { fillCase, TINY_PDF, yesterday } from '../privacy-fixtures';
import { createResidentAccount, residentLogin } from '../resident-fixtures';
import type { Agent, TestApp } from '../test-app';

/** One logged-in user per role, plus the case's tandem partner and a resident (Mijn Nabij). */
export const SUBJECTS = [
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
  'resident',
] as const;
export type Subject = (typeof SUBJECTS)[number];

/**
 * The relation of the subject to the record a request addresses: the record the subject's role relates to (their
 * case, their meeting, …; for a role without such a relation a record of their own team), another record of their own
 * team, a record of another team of the same municipality, and a record of another municipality.
 */
export const RELATIONS = ['own', 'team', 'otherTeam', 'otherTenant'] as const;
export type Relation = (typeof RELATIONS)[number];

/** The cases of the world. `consulted` is a case of the other team on which the behavioural scientist is consulted. */
export type CaseKey = 'own' | 'team' | 'otherTeam' | 'consulted' | 'otherTenant';

export interface CaseFixture {
  key: CaseKey;
  id: string;
  /** The referral the case was opened from. */
  referralId: string;
  teamId: string;
  adultId: string;
  childId: string;
  householdId: string;
  householdVersion: number;
  recordId: string;
  goalId: string;
  actionId: string;
  partyId: string;
  networkEntryId: string;
  networkMeetingId: string;
  professionalEntryId: string;
  consentId: string;
  planFileId: string;
  contactAttachmentId: string;
  caseLetterId: string;
  taskId: string;
  consultationId: string;
  agreedActionId: string;
  transferId: string;
  reviewMeetingId: string;
  reviewItemId: string;
  accountId: string;
  /** The account of a second adult of the household: the one the matrix switches off and on (the resident's stays active). */
  secondAccountId: string;
  representationId: string;
  messageId: string;
  ownPlanId: string;
  avgRequestId: string;
  /** A text only this case holds (a contact note, a goal): a response to someone who may not see the case must not contain it. */
  contentMarker: string;
  /** A text only this case's Meldcode record holds. */
  meldcodeMarker: string;
}

export interface ReferralFixture {
  id: string;
  teamId: string;
  attachmentId: string;
  letterId: string;
  version: number;
}

export interface World {
  tenantId: string;
  tenantSlug: string;
  /** A merge of two persons of the own municipality (for undoing it: ADR 0031). */
  personMergeId: string;
  otherTenantId: string;
  otherTenantSlug: string;
  teams: { own: string; otherTeam: string; otherTenant: string };
  agents: Record<Subject, Agent>;
  /** A privacy officer whose session was not confirmed with a second factor. */
  officerWithout2fa: Agent;
  officerWithout2faId: string;
  /** The case worker of each case (to put back a record the matrix removed). */
  workers: Record<CaseKey, Agent>;
  userIds: Record<Exclude<Subject, 'resident'>, string>;
  cases: Record<CaseKey, CaseFixture>;
  referrals: Record<Relation, ReferralFixture>;
  meetings: Record<Relation, string>;
  /** Users the functional administrator may change (never a subject, so the matrix does not lock itself out). */
  victims: { own: string; otherTeam: string; otherTenant: string };
  services: { own: string; otherTenant: string };
  signals: { own: string; team: string; otherTeam: string; otherTenant: string };
  emergencyGrants: { own: string; otherTeam: string; otherTenant: string };
  /** The resident's e-mail, for the record. */
  residentEmail: string;
}

const today = () => municipalDate(new Date());
const inDays = (n: number) => new Date(Date.parse(`${today()}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A request of the set-up: must succeed; returns the JSON body. */
async function ok<T = Record<string, unknown>>(
  agent: Agent,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
): Promise<T> {
  const r = await agent.request(method, url, body);
  expect([method, url, r.statusCode, r.statusCode < 300 ? '' : r.body]).toEqual([
    method,
    url,
    r.statusCode < 300 ? r.statusCode : 200,
    '',
  ]);
  return (r.body ? r.json() : {}) as T;
}

type Plan = {
  plan: {
    current: {
      version: number;
      goals: Array<{ id: string; actions: Array<{ id: string }> }>;
      parties: Array<{ id: string }>;
      files?: Array<{ id: string }>;
    };
  };
};
type CaseOverview = {
  version: number;
  network: Array<{ id: string }>;
  professionals: Array<{ id: string }>;
  consents: Array<{ id: string; recipient: string }>;
};
type Coordination = {
  caseVersion: number;
  reviewItems: Array<{ id: string }>;
  consultations: Array<{ id: string }>;
  agreedActions: Array<{ id: string }>;
  transfers: Array<{ id: string }>;
};

interface CaseMakers {
  worker: Agent;
  /** The team's case review meeting of today. */
  reviewMeetingId: string;
  scientistId: string;
  tenantId: string;
  teamId: string;
  email: string;
}

/** Fills a case through its worker's API with a record of every kind a route of the case addresses. */
async function fillWorld(
  t: TestApp,
  key: CaseKey,
  kase: { id: string; adultId: string; childId: string; householdId: string },
  m: CaseMakers,
): Promise<CaseFixture> {
  const contentMarker = `MATRIX-INHOUD-${key}-${randomUUID().slice(0, 8)}`;
  const meldcodeMarker = `MATRIX-MELDCODE-${key}-${randomUUID().slice(0, 8)}`;
  const { recordId, goalId } = await fillCase(m.worker, kase.id, kase.adultId, kase.childId);
  const base = `/api/cases/${kase.id}`;
  await ok(m.worker, 'POST', `${base}/meldcode/${recordId}/signals`, {
    observedOn: yesterday(),
    fact: meldcodeMarker,
    source: 'school',
  });
  await ok(m.worker, 'POST', `${base}/contacts`, { kind: 'phone', contactOn: yesterday(), note: contentMarker });
  let plan = await ok<Plan>(m.worker, 'GET', `${base}/plan`);
  plan = await ok<Plan>(m.worker, 'POST', `${base}/plan/parties`, {
    version: plan.plan.current.version,
    name: 'Buurvrouw',
    part: contentMarker,
  });
  plan = await ok<Plan>(m.worker, 'PUT', `${base}/plan/resident-plan`, {
    version: plan.plan.current.version,
    kind: 'family_group_plan',
    text: 'Ons eigen plan',
    file: { filename: 'eigen-plan.pdf', contentBase64: TINY_PDF },
  });
  // A network meeting to move on or correct (issue #22 item 7).
  const meetings = await ok<{ networkMeetings: Array<{ id: string }> }>(m.worker, 'POST', `${base}/network-meetings`, {
    kind: 'network_meeting',
    status: 'proposed',
  });
  const overview = await ok<CaseOverview>(m.worker, 'GET', base);
  const files = await t.db.inSystem((tx) =>
    tx
      .selectFrom('plan_file')
      .innerJoin('plan', 'plan.id', 'plan_file.plan_id')
      .select('plan_file.id')
      .where('plan.case_id', '=', kase.id)
      .execute(),
  );
  const attachment = await t.db.inSystem((tx) =>
    tx
      .selectFrom('contact_attachment as a')
      .innerJoin('contact_entry as c', 'c.id', 'a.contact_id')
      .select('a.id')
      .where('c.case_id', '=', kase.id)
      .executeTakeFirstOrThrow(),
  );
  const { case_worker_id: workerId, referral_id: referralId } = await t.db.inSystem((tx) =>
    tx
      .selectFrom('case_file')
      .select(['case_worker_id', 'referral_id'])
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow(),
  );
  const letter = await t.db.inSystem((tx) =>
    tx
      .insertInto('case_letter')
      .values({
        tenant_id: m.tenantId,
        case_id: kase.id,
        closure_id: null,
        kind: 'case_closure_household',
        recipient_name: 'Huishouden',
        recipient_email: null,
        subject: 'Afsluiting',
        body: 'Beste bewoner',
        pdf: Buffer.from(TINY_PDF, 'base64'),
        sharing_basis: 'own_household',
        consent_id: null,
        legal_basis: null,
        sharing_reason: null,
        idempotency_key: randomUUID(),
        created_by: workerId,
        portal_person_id: kase.adultId,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  const task = await ok<{ id: string }>(m.worker, 'POST', `${base}/tasks`, {
    title: 'Bellen met de school',
    dueOn: inDays(7),
  });
  // Coordination: a consultation, an agreed action, a tandem construction, and the case on the team's case review meeting.
  await ok(m.worker, 'POST', `${base}/consultations`, {
    scientistId: m.scientistId,
    question: 'Hoe gaan we om met de spanningen thuis?',
  });
  await ok(m.worker, 'POST', `${base}/agreed-actions`, {
    party: 'Woningcorporatie',
    action: 'Betalingsregeling voorstellen',
    status: 'open',
  });
  await ok(m.worker, 'POST', `${base}/care-transfers`, {
    kind: 'tandem_construction',
    organisation: 'GGZ Noord',
    what: 'Behandeling',
    onDate: yesterday(),
  });
  const reviewMeetingId = m.reviewMeetingId;
  const coordination = await ok<Coordination>(m.worker, 'POST', `${base}/case-review-items`, {
    meetingId: reviewMeetingId,
    questionKind: 'method',
    question: contentMarker,
  });
  // The resident portal: an account for the adult (and a second adult), a representation for the child, a message and an own
  // plan from the resident.
  const partnerId = await t.db.inSystem(async (tx) => {
    const partner = await tx
      .insertInto('person')
      .values({
        tenant_id: m.tenantId,
        first_name: 'Piet',
        infix: null,
        last_name: 'Testhuis',
        date_of_birth: '1983-02-02',
        bsn: null,
        postcode: null,
        house_number: null,
        house_number_addition: null,
        street: null,
        city: null,
        phone: null,
        email: null,
        preferred_language: null,
        created_by: null,
        updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('household_member')
      .values({ tenant_id: m.tenantId, household_id: kase.householdId, person_id: partner.id, relation: 'partner' })
      .execute();
    return partner.id;
  });
  await createResidentAccount(m.worker, kase.id, kase.adultId, m.email);
  await createResidentAccount(m.worker, kase.id, partnerId, `tweede-${m.email}`);
  await ok(m.worker, 'POST', `${base}/resident-portal/representations`, {
    representativePersonId: kase.adultId,
    personId: kase.childId,
    relation: 'parent',
    evidence: 'Uittreksel gezagsregister gezien',
  });
  const resident = await residentLogin(t, m.email);
  await ok(resident, 'POST', `/api/resident/persons/${kase.adultId}/messages`, { body: 'Kunt u mij bellen?' });
  await ok(resident, 'POST', `/api/resident/persons/${kase.adultId}/own-plans`, {
    kind: 'personal_plan',
    text: 'Mijn plan',
    file: { filename: 'plan.pdf', contentBase64: TINY_PDF },
  });
  const portal = await ok<{
    members: Array<{ personId: string; account: { id: string } | null }>;
    representations: Array<{ id: string }>;
    messages: Array<{ id: string }>;
    ownPlans: Array<{ id: string }>;
  }>(m.worker, 'GET', `${base}/resident-portal`);
  const household = await t.db.inSystem((tx) =>
    tx.selectFrom('household').select('version').where('id', '=', kase.householdId).executeTakeFirstOrThrow(),
  );
  plan = await ok<Plan>(m.worker, 'GET', `${base}/plan`);
  return {
    key,
    id: kase.id,
    referralId: referralId ?? '',
    teamId: m.teamId,
    adultId: kase.adultId,
    childId: kase.childId,
    householdId: kase.householdId,
    householdVersion: household.version,
    recordId,
    goalId,
    actionId: plan.plan.current.goals[0]!.actions[0]!.id,
    partyId: plan.plan.current.parties[0]!.id,
    networkEntryId: overview.network[0]!.id,
    networkMeetingId: meetings.networkMeetings[0]!.id,
    professionalEntryId: overview.professionals[0]!.id,
    consentId: overview.consents[0]!.id,
    planFileId: files[0]!.id,
    contactAttachmentId: attachment.id,
    caseLetterId: letter.id,
    taskId: task.id,
    consultationId: coordination.consultations[0]!.id,
    agreedActionId: coordination.agreedActions[0]!.id,
    transferId: coordination.transfers[0]!.id,
    reviewMeetingId,
    reviewItemId: coordination.reviewItems[0]!.id,
    accountId: portal.members.find((x) => x.personId === kase.adultId)!.account!.id,
    secondAccountId: portal.members.find((x) => x.personId === partnerId)!.account!.id,
    representationId: portal.representations[0]!.id,
    messageId: portal.messages[0]!.id,
    ownPlanId: portal.ownPlans[0]!.id,
    avgRequestId: '',
    contentMarker,
    meldcodeMarker,
  };
}

/** A referral from the public form (with an attachment), a contact with the referrer and a letter. */
async function referral(t: TestApp, desk: Agent, slug: string, teamId: string): Promise<ReferralFixture> {
  const anonymous = t.agent();
  await ok(anonymous, 'POST', `/api/public/referrals/${slug}`, {
    teamId,
    referrerKind: 'professional',
    referrer: { name: 'Dr. Matrix', organisation: 'Huisartsenpraktijk', email: 'huisarts@example.org' },
    residents: [{ firstName: 'Rik', lastName: 'Verwezen', dateOfBirth: '1979-04-04' }],
    lifeDomains: ['finances'],
    question: 'Schulden lopen op.',
    attachments: [{ filename: 'verwijzing.pdf', contentBase64: TINY_PDF }],
    idempotencyKey: randomUUID(),
  });
  const row = await t.db.inSystem((tx) =>
    tx
      .selectFrom('referral')
      .select(['id', 'team_id'])
      .where('team_id', '=', teamId)
      .where('referrer_name', '=', 'Dr. Matrix')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow(),
  );
  await ok(desk, 'POST', `/api/referrals/${row.id}/contacts`, { channel: 'phone', note: 'Verwijzer gebeld' });
  const letter = await ok<{ id: string }>(desk, 'POST', `/api/referrals/${row.id}/letters`, {
    kind: 'closure',
    subject: 'Uw verwijzing',
    body: 'Beste verwijzer, wij nemen contact op.',
    idempotencyKey: randomUUID(),
  });
  const details = await t.db.inSystem(async (tx) => ({
    attachment: await tx
      .selectFrom('referral_attachment')
      .select('id')
      .where('referral_id', '=', row.id)
      .executeTakeFirstOrThrow(),
    version: (await tx.selectFrom('referral').select('version').where('id', '=', row.id).executeTakeFirstOrThrow())
      .version,
  }));
  return { id: row.id, teamId, attachmentId: details.attachment.id, letterId: letter.id, version: details.version };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const a = await buildTenant(t.db, { name: 'Gemeente Matrixstad' });
  const b = await buildTenant(t.db, { name: 'Gemeente Anderstad' });
  const t2 = await t.db.inSystem((tx) =>
    tx
      .insertInto('team')
      .values({ tenant_id: a.id, name: 'Wijkteam Zuid', area: 'Zuid' })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  const teamA1 = { id: a.id, teamId: a.teamId };
  const teamA2 = { id: a.id, teamId: t2.id };
  const teamB = { id: b.id, teamId: b.teamId };

  // Accounts are written one after the other; the logins (argon2, CPU-bound) run side by side.
  const accounts: Array<{ key: string; roles: Role[]; where: { id: string; teamId: string } }> = [
    // The subjects (all in team 1 of the first municipality).
    ...(
      [
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
      ] as const
    ).map((key) => ({
      key,
      roles: [key === 'tandem_partner' ? 'case_worker' : key] as Role[],
      where: teamA1,
    })),
    // Others: the colleague of team 1, a worker and coordinator of team 2 (one login), the other municipality's staff
    // (one login for every role there), and a privacy officer without a second factor.
    { key: 'colleague', roles: ['case_worker'], where: teamA1 },
    { key: 'staff2', roles: ['case_worker', 'team_coordinator', 'intake_desk'], where: teamA2 },
    {
      key: 'staffB',
      roles: ['case_worker', 'team_coordinator', 'intake_desk', 'privacy_officer', 'functional_admin'],
      where: teamB,
    },
    { key: 'officerWithout2fa', roles: ['privacy_officer'], where: teamA1 },
  ];
  const users: Record<string, { id: string; username: string; password: string }> = {};
  for (const { key, roles, where } of accounts) users[key] = await buildUser(t.db, where, { roles });
  const agents: Record<string, Agent> = Object.fromEntries(
    await Promise.all(
      Object.entries(users).map(async ([key, u]) => {
        const agent = t.agent();
        expect([key, await agent.login(u.username, u.password)]).toEqual([key, 'done']);
        return [key, agent] as const;
      }),
    ),
  );
  const id = (key: string) => users[key]!.id;
  const as = (key: string) => agents[key]!;
  // The behavioural scientists consulted on the cases (other than the subject), and the users the administrator changes.
  const scientist2 = await buildUser(t.db, teamA2, { roles: ['behavioural_scientist'] });
  const scientistB = await buildUser(t.db, teamB, { roles: ['behavioural_scientist'] });
  const victims = {
    own: (await buildUser(t.db, teamA1, { roles: ['case_worker'] })).id,
    otherTeam: (await buildUser(t.db, teamA2, { roles: ['case_worker'] })).id,
    otherTenant: (await buildUser(t.db, teamB, { roles: ['case_worker'] })).id,
  };

  // The privacy officer works with a session confirmed by a second factor (the log viewer requires it).
  const officer = as('privacy_officer');
  const enrolment = await ok<{ secret: string }>(officer, 'POST', '/api/auth/totp/enrolment', {});
  await ok(officer, 'POST', '/api/auth/totp/enrolment/confirm', { code: totpCode(enrolment.secret, t.clock.now()) });
  await officer.refreshCsrf();

  const built = {
    own: await buildCase(t.db, teamA1, {
      caseWorkerId: id('case_worker'),
      tandemWorkerId: id('tandem_partner'),
      referralDomains: ['finances'],
    }),
    team: await buildCase(t.db, teamA1, { caseWorkerId: id('colleague'), referralDomains: ['finances'] }),
    otherTeam: await buildCase(t.db, teamA2, { caseWorkerId: id('staff2'), referralDomains: ['finances'] }),
    consulted: await buildCase(t.db, teamA2, { caseWorkerId: id('staff2'), referralDomains: ['finances'] }),
    otherTenant: await buildCase(t.db, teamB, { caseWorkerId: id('staffB'), referralDomains: ['finances'] }),
  };
  // Today's case review meeting of each team, planned by its coordinator.
  const review = async (agent: Agent, teamId: string) =>
    (await ok<{ id: string }>(agent, 'POST', '/api/case-reviews', { teamId, date: today() })).id;
  const reviews = {
    a1: await review(as('team_coordinator'), a.teamId),
    a2: await review(as('staff2'), t2.id),
    b: await review(as('staffB'), b.teamId),
  };
  const a1 = { tenantId: a.id, teamId: a.teamId, reviewMeetingId: reviews.a1, scientistId: scientist2.id };
  const a2 = { tenantId: a.id, teamId: t2.id, reviewMeetingId: reviews.a2, scientistId: scientist2.id };
  // The cases are filled side by side, each worker (session) one step after the other.
  const [own, team, [otherTeam, consulted], otherTenant] = await Promise.all([
    fillWorld(t, 'own', built.own, { ...a1, worker: as('case_worker'), email: 'eigen@matrix.example' }),
    fillWorld(t, 'team', built.team, { ...a1, worker: as('colleague'), email: 'team@matrix.example' }),
    (async () => [
      await fillWorld(t, 'otherTeam', built.otherTeam, {
        ...a2,
        worker: as('staff2'),
        email: 'anderteam@matrix.example',
      }),
      // The one case the behavioural scientist of team 1 is consulted on: of team 2.
      await fillWorld(t, 'consulted', built.consulted, {
        ...a2,
        scientistId: id('behavioural_scientist'),
        worker: as('staff2'),
        email: 'geconsulteerd@matrix.example',
      }),
    ])(),
    fillWorld(t, 'otherTenant', built.otherTenant, {
      tenantId: b.id,
      teamId: b.teamId,
      reviewMeetingId: reviews.b,
      scientistId: scientistB.id,
      worker: as('staffB'),
      email: 'anderstad@matrix.example',
    }),
  ]);
  const cases: Record<CaseKey, CaseFixture> = { own, team, otherTeam, consulted, otherTenant };
  // The municipal consultant is the process coordinator (procesregisseur) of the own case: "own" for them (ADR 0033).
  const ownVersion = (await ok<Coordination>(as('case_worker'), 'GET', `/api/cases/${own.id}/coordination`))
    .caseVersion;
  await ok(as('case_worker'), 'POST', `/api/cases/${own.id}/process-coordinators`, {
    version: ownVersion,
    userId: id('municipal_consultant'),
  });

  // AVG requests about the adult of each case, registered by the municipality's privacy officer.
  const avgRequest = async (agent: Agent, personId: string) =>
    (
      await ok<{ id: string }>(agent, 'POST', '/api/avg/requests', {
        personId,
        kind: 'inspection',
        channel: 'letter',
        receivedOn: yesterday(),
        description: 'Inzage',
      })
    ).id;
  for (const key of ['own', 'team', 'otherTeam', 'consulted'] as const)
    cases[key].avgRequestId = await avgRequest(officer, cases[key].adultId);
  cases.otherTenant.avgRequestId = await avgRequest(as('staffB'), cases.otherTenant.adultId);

  // Referrals: open ones of team 1, team 2 and the other municipality; and one of team 1 that already became a case.
  const referrals: Record<Relation, ReferralFixture> = {
    own: await referral(t, as('intake_desk'), a.slug, a.teamId),
    team: await referral(t, as('intake_desk'), a.slug, a.teamId),
    otherTeam: await referral(t, as('staff2'), a.slug, t2.id),
    otherTenant: await referral(t, as('staffB'), b.slug, b.teamId),
  };
  // "team": assigned — the referral of the colleague's case (the intake desk's work on it is done).
  await t.db.inSystem(async (tx) => {
    await tx.updateTable('referral').set({ status: 'closed' }).where('id', '=', referrals.team.id).execute();
    await tx.updateTable('case_file').set({ referral_id: referrals.team.id }).where('id', '=', cases.team.id).execute();
    cases.team.referralId = referrals.team.id;
    referrals.team.version = (
      await tx.selectFrom('referral').select('version').where('id', '=', referrals.team.id).executeTakeFirstOrThrow()
    ).version;
  });

  // Intake meetings: one with the case-related subjects as participants (chaired by the coordinator), one without,
  // one of team 2, one elsewhere.
  const participants = (
    ['case_worker', 'tandem_partner', 'behavioural_scientist', 'municipal_consultant'] as const
  ).map((k) => ({ userId: id(k) }));
  const meeting = async (agent: Agent, body: object) =>
    (await ok<{ id: string }>(agent, 'POST', '/api/meetings', body)).id;
  const meetings: Record<Relation, string> = {
    own: await meeting(as('team_coordinator'), {
      teamId: a.teamId,
      date: inDays(7),
      chairUserId: id('team_coordinator'),
      participants,
    }),
    team: await meeting(as('intake_desk'), {
      teamId: a.teamId,
      date: inDays(8),
      chairUserId: id('intake_desk'),
      participants: [],
    }),
    otherTeam: await meeting(as('staff2'), {
      teamId: t2.id,
      date: inDays(7),
      chairUserId: id('staff2'),
      participants: [],
    }),
    otherTenant: await meeting(as('staffB'), {
      teamId: b.teamId,
      date: inDays(7),
      chairUserId: id('staffB'),
      participants: [],
    }),
  };

  // Signals to policy: two of team 1 (the case worker's and a colleague's), one of team 2, one elsewhere.
  const signal = async (agent: Agent) =>
    (
      await ok<{ signals: Array<{ id: string }> }>(agent, 'POST', '/api/policy-signals', {
        kind: 'service_gap',
        lifeDomain: 'finances',
        description: 'Te weinig budgetcoaches.',
      })
    ).signals[0]!.id;
  const signals = {
    own: await signal(as('case_worker')),
    team: await signal(as('colleague')),
    otherTeam: await signal(as('staff2')),
    otherTenant: await signal(as('staffB')),
  };

  // The service catalogue of each municipality.
  const service = { organisation: 'Buurthuis', name: 'Taalcafé', domains: ['community_participation'], type: 'group' };
  const services = {
    own: (await ok<{ id: string }>(as('functional_admin'), 'POST', '/api/admin/services', service)).id,
    otherTenant: (await ok<{ id: string }>(as('staffB'), 'POST', '/api/admin/services', service)).id,
  };

  // Emergency accesses that ended, for the privacy officer's review (written as the database would hold them).
  const grant = (tenantId: string, caseId: string, userId: string) =>
    t.db.inSystem(
      async (tx) =>
        (
          await tx
            .insertInto('emergency_access')
            .values({
              tenant_id: tenantId,
              case_id: caseId,
              user_id: userId,
              reason: 'Crisis in de avond, vaste werker onbereikbaar.',
              starts_at: new Date(Date.now() - 7_200_000),
              expires_at: new Date(Date.now() - 3_600_000),
              ended_at: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
    );
  const emergencyGrants = {
    own: await grant(a.id, cases.team.id, id('staff2')),
    otherTeam: await grant(a.id, cases.otherTeam.id, id('colleague')),
    otherTenant: await grant(b.id, cases.otherTenant.id, scientistB.id),
  };

  // The resident: the adult of the own case, logged in to Mijn Nabij.
  // A merge of the own municipality, as the database would hold it, for the functional administrator's undo.
  const personMergeId = await t.db.inSystem(
    async (tx) =>
      (
        await tx
          .insertInto('person_merge')
          .values({
            tenant_id: a.id,
            survivor_id: cases.own.adultId,
            kept_person_id: cases.own.adultId,
            merged_person_id: randomUUID(),
            merged_person: '{}',
            survivor_before: '{}',
            survivor_after: '{}',
            merged_by: id('case_worker'),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
  );
  // A house style with a logo, so that the public logo route has something to serve (ADR 0054).
  await t.db.inSystem((tx) =>
    tx
      .insertInto('house_style')
      .values({
        tenant_id: a.id,
        display_name: 'Gemeente Matrixstad',
        primary_color: '#0b4f6c',
        primary_text_color: '#ffffff',
        link_color: '#0b5e7e',
        focus_color: '#1a1a2e',
        font_family: 'system',
        logo: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
        logo_content_type: 'image/png',
      })
      .execute(),
  );
  const residentEmail = 'eigen@matrix.example';
  const resident = await residentLogin(t, residentEmail);
  const staff = SUBJECTS.filter((s): s is Exclude<Subject, 'resident'> => s !== 'resident');

  return {
    tenantId: a.id,
    tenantSlug: a.slug,
    personMergeId,
    otherTenantId: b.id,
    otherTenantSlug: b.slug,
    teams: { own: a.teamId, otherTeam: t2.id, otherTenant: b.teamId },
    agents: { ...Object.fromEntries(staff.map((k) => [k, as(k)])), resident } as Record<Subject, Agent>,
    userIds: Object.fromEntries(staff.map((k) => [k, id(k)])) as Record<Exclude<Subject, 'resident'>, string>,
    cases,
    officerWithout2fa: as('officerWithout2fa'),
    officerWithout2faId: id('officerWithout2fa'),
    workers: {
      own: as('case_worker'),
      team: as('colleague'),
      otherTeam: as('staff2'),
      consulted: as('staff2'),
      otherTenant: as('staffB'),
    },
    referrals,
    meetings,
    victims,
    services,
    signals,
    emergencyGrants,
    residentEmail,
  };
}
