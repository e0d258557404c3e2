import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@nabij/contracts';
import type { Database } from '../src/platform/database/database';
import { hashPassword } from '../src/capabilities/auth';
import { insertUser } from '../src/capabilities/organisation';
import { testBsns } from '../src/capabilities/demo-data';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'een-lang-testwachtwoord';
let passwordHash: Promise<string> | undefined;
const bsnSource = testBsns(999_991_000);

export function nextTestBsn(): string {
  const v = bsnSource.next().value;
  if (!v) throw new Error('out of test BSNs');
  return v;
}

export async function buildTenant(db: Database, overrides: { slug?: string; name?: string } = {}) {
  const slug = overrides.slug ?? `gemeente-${randomBytes(3).toString('hex')}`;
  return db.inSystem(async (tx) => {
    const tenant = await tx
      .insertInto('tenant')
      .values({ slug, name: overrides.name ?? `Gemeente ${slug}` })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow();
    const team = await tx
      .insertInto('team')
      .values({ tenant_id: tenant.id, name: 'Wijkteam Test', area: 'Test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: tenant.id, slug: tenant.slug, teamId: team.id };
  });
}

/** A second team in the tenant, as `{ id, teamId }` to pass where a tenant with its team is expected. */
export async function buildTeam(db: Database, tenant: { id: string }, name = 'Wijkteam B', area = 'B') {
  const team = await db.inSystem((tx) =>
    tx.insertInto('team').values({ tenant_id: tenant.id, name, area }).returning('id').executeTakeFirstOrThrow(),
  );
  return { id: tenant.id, teamId: team.id };
}

export async function buildUser(
  db: Database,
  tenant: { id: string; teamId: string },
  overrides: {
    username?: string;
    roles?: Role[];
    password?: string;
    mustChangePassword?: boolean;
    active?: boolean;
  } = {},
) {
  const username = overrides.username ?? `user-${randomBytes(4).toString('hex')}`;
  const hash = overrides.password
    ? await hashPassword(overrides.password)
    : await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const id = await db.inSystem(async (tx) => {
    const userId = await insertUser(tx, {
      tenantId: tenant.id,
      username,
      displayName: `Test ${username}`,
      email: null,
      passwordHash: hash,
      mustChangePassword: overrides.mustChangePassword ?? false,
      roles: overrides.roles ?? ['case_worker'],
      teamIds: [tenant.teamId],
    });
    if (overrides.active === false)
      await tx.updateTable('app_user').set({ active: false }).where('id', '=', userId).execute();
    return userId;
  });
  return { id, username, password: overrides.password ?? TEST_PASSWORD };
}

/** A user with these roles in the tenant's team, logged in: its id and the agent that carries its session. */
export async function buildLoggedInUser(t: TestApp, tenant: { id: string; teamId: string }, roles: Role[]) {
  const user = await buildUser(t.db, tenant, { roles });
  const agent = t.agent();
  await agent.login(user.username, user.password);
  return { id: user.id, agent };
}

/** A phone referral by the police officer for Anna Testhuis (the adult of `buildCase`'s household), with new debts. */
export function annaReferralBody(teamId: string) {
  return {
    teamId,
    channel: 'phone',
    referrerKind: 'professional',
    referrer: { name: 'Wijkagent', organisation: 'Politie', email: 'wijkagent@example.org' },
    residents: [{ firstName: 'Anna', lastName: 'Testhuis', dateOfBirth: '1985-01-01' }],
    children: [],
    lifeDomains: ['finances'],
    question: 'Mevrouw heeft opnieuw schulden.',
    urgency: 'normal',
    childrenAtRisk: 'no',
    residentAwareness: 'agrees',
    attachments: [],
    idempotencyKey: randomUUID(),
  };
}

/** A case file for a household of one adult and one child, assigned to a worker. */
export async function buildCase(
  db: Database,
  tenant: { id: string; teamId: string },
  overrides: { caseWorkerId: string; tandemWorkerId?: string; referralDomains?: string[] },
) {
  return db.inSystem(async (tx) => {
    const person = (first: string, dob: string) =>
      tx
        .insertInto('person')
        .values({
          tenant_id: tenant.id,
          first_name: first,
          infix: null,
          last_name: 'Testhuis',
          date_of_birth: dob,
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
    const adult = await person('Anna', '1985-01-01');
    const child = await person('Bo', '2018-01-01');
    const household = await tx
      .insertInto('household')
      .values({ tenant_id: tenant.id, name: 'Huishouden Testhuis' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('household_member')
      .values([
        { tenant_id: tenant.id, household_id: household.id, person_id: adult.id, relation: 'parent' },
        { tenant_id: tenant.id, household_id: household.id, person_id: child.id, relation: 'child' },
      ])
      .execute();
    let referralId: string | null = null;
    if (overrides.referralDomains) {
      const r = await tx
        .insertInto('referral')
        .values({
          tenant_id: tenant.id,
          team_id: tenant.teamId,
          reference: `AM-TEST-${randomBytes(3).toString('hex')}`,
          channel: 'phone',
          referrer_kind: 'self',
          referrer_name: null,
          referrer_organisation: null,
          referrer_role: null,
          referrer_phone: null,
          referrer_email: null,
          life_domains: overrides.referralDomains,
          question: 'Testvraag',
          tried: null,
          urgency: 'normal',
          children_at_risk: 'no',
          safety_notes: null,
          resident_awareness: 'agrees',
          resident_awareness_note: null,
          household_id: household.id,
          known_coordination_elsewhere: null,
          regiecheck_done_at: null,
          regiecheck_done_by: null,
          idempotency_key: null,
          created_by: null,
          status: 'closed',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      referralId = r.id;
    }
    const c = await tx
      .insertInto('case_file')
      .values({
        tenant_id: tenant.id,
        team_id: tenant.teamId,
        referral_id: referralId,
        household_id: household.id,
        primary_person_id: adult.id,
        case_worker_id: overrides.caseWorkerId,
        tandem_worker_id: overrides.tandemWorkerId ?? null,
        opened_by: overrides.caseWorkerId,
        closed_at: null,
        consent_kind: 'verbal',
        consent_date: '2026-11-01',
        consent_recorded_by: overrides.caseWorkerId,
        legal_basis: null,
        reason_without_consent: null,
        analysis_deadline: '2026-12-13',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: c.id, adultId: adult.id, childId: child.id, householdId: household.id };
  });
}
