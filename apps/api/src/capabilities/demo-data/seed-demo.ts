import { isValidBsn, type Role } from '@nabij/contracts';
import type { Database } from '../../platform/database/database';
import { hashPassword } from '../auth';
import { insertUser } from '../organisation';
import { DEMO_HOUSEHOLDS } from './demo-households';
import { seedDemoIntake } from './seed-demo-intake';
import { seedDemoServices } from './seed-demo-services';
import { seedDemoExecution } from './seed-demo-execution';
import { seedDemoCaseReview } from './seed-demo-case-review';
import { seedDemoTasks } from './seed-demo-tasks';
import { seedDemoPrivacy } from './seed-demo-privacy';
import { seedDemoAvgRights } from './seed-demo-avg-rights';
import { seedDemoResident } from './seed-demo-resident';
import { seedDemoHistory } from './seed-demo-history';
import { demoLogoPng } from './demo-logo';

export const DEMO_PASSWORD = 'Welkom-bij-Nabij-2026';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  teams: Array<'Noord' | 'Zuid'>;
  expertise?: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'gastvrouw', displayName: 'Ria Willems', roles: ['volunteer_host'], teams: ['Noord'] },
  { username: 'bureaudienst', displayName: 'Karim Benali', roles: ['intake_desk'], teams: ['Noord', 'Zuid'] },
  {
    username: 'werker',
    displayName: 'Sanne de Boer',
    roles: ['case_worker'],
    teams: ['Noord'],
    expertise: ['schulden', 'opvoeding'],
  },
  {
    username: 'werker2',
    displayName: 'Joost Vermeulen',
    roles: ['case_worker'],
    teams: ['Zuid'],
    expertise: ['GGZ', 'verslaving'],
  },
  {
    username: 'gedragswetenschapper',
    displayName: 'Dr. Eva Kramer',
    roles: ['behavioural_scientist'],
    teams: ['Noord', 'Zuid'],
  },
  { username: 'coordinator', displayName: 'Marloes Dekker', roles: ['team_coordinator'], teams: ['Noord'] },
  { username: 'consulent', displayName: 'Ahmed Ouali', roles: ['municipal_consultant'], teams: ['Noord', 'Zuid'] },
  { username: 'privacy', displayName: 'Ingrid Schouten', roles: ['privacy_officer'], teams: [] },
  { username: 'beheerder', displayName: 'Tim Hendriks', roles: ['functional_admin'], teams: [] },
  { username: 'beleid', displayName: 'Fatma Yıldız', roles: ['policy_advisor'], teams: [] },
];

/** Deterministic test BSNs that pass the eleven-check, in the 99999xxxx range used for test data. */
export function* testBsns(start = 999990000): Generator<string, void> {
  for (let n = start; n <= 999999999; n++) {
    const s = String(n);
    if (isValidBsn(s)) yield s;
  }
}

/** True when the database holds no municipality yet. */
export async function isEmpty(db: Database): Promise<boolean> {
  return !(await db.inSystem((tx) => tx.selectFrom('tenant').select('id').limit(1).executeTakeFirst()));
}

/**
 * Seeds "Gemeente Voorbeeld" (teams Noord and Zuid, one user per role, twenty households) and a second
 * municipality "Gemeente Anderstad" with one worker and one household, to show that tenants never mix.
 */
export async function seedDemo(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const bsns = testBsns();
  await db.inSystem(async (tx) => {
    const tenant = await tx
      .insertInto('tenant')
      .values({ slug: 'voorbeeld', name: 'Gemeente Voorbeeld' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const noord = await tx
      .insertInto('team')
      .values({ tenant_id: tenant.id, name: 'Wijkteam Noord', area: 'Noord' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const zuid = await tx
      .insertInto('team')
      .values({ tenant_id: tenant.id, name: 'Wijkteam Zuid', area: 'Zuid' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const teamId = { Noord: noord.id, Zuid: zuid.id };
    // Its own house style (ADR 0054), so the demo shows a municipality's colours and logo; Anderstad keeps the default.
    await tx
      .insertInto('house_style')
      .values({
        tenant_id: tenant.id,
        display_name: 'Gemeente Voorbeeld',
        primary_color: '#1d5b3a',
        primary_text_color: '#ffffff',
        link_color: '#1d5b3a',
        focus_color: '#1a1a2e',
        font_family: 'system',
        logo: demoLogoPng(),
        logo_content_type: 'image/png',
      })
      .execute();
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const userId = await insertUser(tx, {
        tenantId: tenant.id,
        username: u.username,
        displayName: u.displayName,
        email: `${u.username}@voorbeeld.example`,
        passwordHash,
        mustChangePassword: false,
        roles: u.roles,
        teamIds: u.teams.map((t) => teamId[t]),
      });
      userIds.set(u.username, userId);
      if (u.expertise)
        await tx.updateTable('app_user').set({ expertise: u.expertise }).where('id', '=', userId).execute();
    }
    const households = new Map<string, { id: string; personIds: string[] }>();
    for (const h of DEMO_HOUSEHOLDS) {
      const household = await tx
        .insertInto('household')
        .values({ tenant_id: tenant.id, name: h.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      households.set(h.name, { id: household.id, personIds: [] });
      for (const m of h.members) {
        const person = await tx
          .insertInto('person')
          .values({
            tenant_id: tenant.id,
            first_name: m.first,
            infix: m.infix ?? null,
            last_name: m.last,
            date_of_birth: m.dob,
            bsn: bsns.next().value ?? null,
            postcode: h.postcode,
            house_number: h.number,
            house_number_addition: null,
            street: h.street,
            city: 'Voorbeeld',
            phone: m.phone ?? null,
            email: null,
            preferred_language: m.language ?? null,
            interpreter_needed: m.interpreter ?? false,
            created_by: null,
            updated_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('household_member')
          .values({ tenant_id: tenant.id, household_id: household.id, person_id: person.id, relation: m.relation })
          .execute();
        households.get(h.name)?.personIds.push(person.id);
      }
    }
    await seedDemoIntake(tx, { tenantId: tenant.id, noordId: noord.id, users: userIds, households });
    await seedDemoServices(tx, tenant.id);
    await seedDemoExecution(tx, { tenantId: tenant.id, noordId: noord.id, users: userIds, households });
    await seedDemoCaseReview(tx, { tenantId: tenant.id, noordId: noord.id, users: userIds });
    await seedDemoTasks(tx, { tenantId: tenant.id, noordId: noord.id, users: userIds });
    await seedDemoPrivacy(tx, { tenantId: tenant.id, noordId: noord.id, users: userIds, households });
    await seedDemoAvgRights(tx, { tenantId: tenant.id, noordId: noord.id, users: userIds });
    await seedDemoResident(tx, { tenantId: tenant.id, noordId: noord.id, users: userIds, households });
    await seedDemoHistory(tx, { tenantId: tenant.id, teams: teamId, users: userIds });

    const other = await tx
      .insertInto('tenant')
      .values({ slug: 'anderstad', name: 'Gemeente Anderstad' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const otherTeam = await tx
      .insertInto('team')
      .values({ tenant_id: other.id, name: 'Buurtteam Centrum', area: 'Centrum' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertUser(tx, {
      tenantId: other.id,
      username: 'anderstad.werker',
      displayName: 'Noor Hamidi',
      email: 'werker@anderstad.example',
      passwordHash,
      mustChangePassword: false,
      roles: ['case_worker'],
      teamIds: [otherTeam.id],
    });
    const p = await tx
      .insertInto('person')
      .values({
        tenant_id: other.id,
        first_name: 'Petra',
        infix: 'de',
        last_name: 'Vries',
        date_of_birth: '1991-01-01',
        bsn: bsns.next().value ?? null,
        postcode: '9711AA',
        house_number: '1',
        city: 'Anderstad',
        created_by: null,
        updated_by: null,
        house_number_addition: null,
        street: 'Grote Markt',
        phone: null,
        email: null,
        preferred_language: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const hh = await tx
      .insertInto('household')
      .values({ tenant_id: other.id, name: 'Huishouden De Vries (Anderstad)' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('household_member')
      .values({ tenant_id: other.id, household_id: hh.id, person_id: p.id, relation: 'other' })
      .execute();
  });
}
