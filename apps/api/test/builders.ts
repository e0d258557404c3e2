import { randomBytes } from 'node:crypto';
import type { Role } from '@nabij/contracts';
import type { Database } from '../src/platform/database/database';
import { hashPassword } from '../src/capabilities/auth';
import { insertUser } from '../src/capabilities/organisation';
import { testBsns } from '../src/capabilities/demo-data';

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
    const tenant = await tx.insertInto('tenant').values({ slug, name: overrides.name ?? `Gemeente ${slug}` }).returning(['id', 'slug']).executeTakeFirstOrThrow();
    const team = await tx.insertInto('team').values({ tenant_id: tenant.id, name: 'Wijkteam Test', area: 'Test' }).returning('id').executeTakeFirstOrThrow();
    return { id: tenant.id, slug: tenant.slug, teamId: team.id };
  });
}

export async function buildUser(
  db: Database,
  tenant: { id: string; teamId: string },
  overrides: { username?: string; roles?: Role[]; password?: string; mustChangePassword?: boolean; active?: boolean } = {},
) {
  const username = overrides.username ?? `user-${randomBytes(4).toString('hex')}`;
  const hash = overrides.password ? await hashPassword(overrides.password) : await (passwordHash ??= hashPassword(TEST_PASSWORD));
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
    if (overrides.active === false) await tx.updateTable('app_user').set({ active: false }).where('id', '=', userId).execute();
    return userId;
  });
  return { id, username, password: overrides.password ?? TEST_PASSWORD };
}
