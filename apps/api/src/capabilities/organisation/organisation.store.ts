import { sql } from 'kysely';
import type { Role, UserView } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';

export async function listTeams(
  tx: Tx,
  tenantId: string,
): Promise<Array<{ id: string; name: string; area: string | null }>> {
  return tx
    .selectFrom('team')
    .select(['id', 'name', 'area'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

const userViewSql = (tenantId: string) => sql<UserView>`
  select u.id, u.username, u.display_name as "displayName", u.email, u.active,
         (u.totp_enabled_at is not null) as "totpEnabled",
         to_char(u.last_login_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastLoginAt", u.expertise, u.version,
         coalesce((select array_agg(r.role order by r.role) from user_role r where r.user_id = u.id), '{}') as roles,
         coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
                   from user_team ut join team t on t.id = ut.team_id where ut.user_id = u.id), '[]') as teams
  from app_user u where u.tenant_id = ${tenantId}`;

export async function listUsers(tx: Tx, tenantId: string): Promise<UserView[]> {
  return (await sql<UserView>`${userViewSql(tenantId)} order by u.display_name`.execute(tx)).rows;
}

export async function findUser(tx: Tx, tenantId: string, userId: string): Promise<UserView | undefined> {
  return (await sql<UserView>`${userViewSql(tenantId)} and u.id = ${userId}`.execute(tx)).rows[0];
}

export async function usernameExists(tx: Tx, username: string): Promise<boolean> {
  return Boolean(await tx.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst());
}

export async function insertUser(
  tx: Tx,
  u: {
    tenantId: string;
    username: string;
    displayName: string;
    email: string | null;
    passwordHash: string | null;
    mustChangePassword: boolean;
    roles: Role[];
    teamIds: string[];
    oidcSubject?: string;
  },
): Promise<string> {
  const { id } = await tx
    .insertInto('app_user')
    .values({
      tenant_id: u.tenantId,
      username: u.username,
      display_name: u.displayName,
      email: u.email,
      password_hash: u.passwordHash,
      must_change_password: u.mustChangePassword,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      oidc_subject: u.oidcSubject ?? null,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceRolesAndTeams(tx, id, u.roles, u.teamIds);
  return id;
}

export async function replaceRolesAndTeams(tx: Tx, userId: string, roles: Role[], teamIds: string[]): Promise<void> {
  await tx.deleteFrom('user_role').where('user_id', '=', userId).execute();
  await tx.deleteFrom('user_team').where('user_id', '=', userId).execute();
  if (roles.length)
    await tx
      .insertInto('user_role')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  if (teamIds.length)
    await tx
      .insertInto('user_team')
      .values(teamIds.map((team_id) => ({ user_id: userId, team_id })))
      .execute();
}

export async function countTeamsInTenant(tx: Tx, tenantId: string, teamIds: string[]): Promise<number> {
  if (teamIds.length === 0) return 0;
  const r = await tx
    .selectFrom('team')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', teamIds)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function setActive(tx: Tx, tenantId: string, userId: string, active: boolean): Promise<boolean> {
  const r = await tx
    .updateTable('app_user')
    .set((eb) => ({ active, updated_at: sql<Date>`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** New temporary password, two-factor removed, all sessions ended. */
export async function resetCredentials(
  tx: Tx,
  tenantId: string,
  userId: string,
  passwordHash: string,
): Promise<boolean> {
  const r = await tx
    .updateTable('app_user')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: true,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      updated_at: sql<Date>`now()`,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await tx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await tx.deleteFrom('session').where('user_id', '=', userId).execute();
  return true;
}

/** Sets the expertise when the account's version still matches; 'conflict' when someone changed it first. */
export async function setExpertise(
  tx: Tx,
  tenantId: string,
  userId: string,
  expertise: string[],
  version: number,
): Promise<'ok' | 'not_found' | 'conflict'> {
  const r = await tx
    .updateTable('app_user')
    .set((eb) => ({ expertise, updated_at: sql<Date>`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 1) return 'ok';
  const exists = await tx
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return exists ? 'conflict' : 'not_found';
}
