import { sql } from 'kysely';
import type { Role } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';
import type { Stage } from './auth.domain';

export interface SessionRow {
  tokenHash: string;
  userId: string;
  tenantId: string;
  tenantName: string;
  /** The municipality's slug: the web app loads its house style by it (ADR 0054). */
  tenantSlug: string;
  stage: Stage;
  authMethod: 'password' | 'oidc';
  csrfToken: string;
  pendingTotpSecret: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  username: string;
  displayName: string;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  roles: Role[];
  teams: Array<{ id: string; name: string }>;
}

/** The session with its user, roles and teams, in one query. Inactive users have no session. */
export async function findSession(tx: Tx, tokenHash: string): Promise<SessionRow | undefined> {
  const result = await sql<SessionRow>`
    select s.token_hash as "tokenHash", s.user_id as "userId", s.tenant_id as "tenantId", tn.name as "tenantName",
           tn.slug as "tenantSlug", s.stage, s.auth_method as "authMethod", s.csrf_token as "csrfToken", s.pending_totp_secret as "pendingTotpSecret",
           s.created_at as "createdAt", s.last_seen_at as "lastSeenAt", s.expires_at as "expiresAt",
           u.username, u.display_name as "displayName", (u.totp_enabled_at is not null) as "totpEnabled",
           u.must_change_password as "mustChangePassword",
           coalesce((select array_agg(r.role order by r.role) from user_role r where r.user_id = u.id), '{}') as roles,
           coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
                     from user_team ut join team t on t.id = ut.team_id where ut.user_id = u.id), '[]') as teams
    from session s
    join app_user u on u.id = s.user_id and u.active
    join tenant tn on tn.id = s.tenant_id
    where s.token_hash = ${tokenHash}`.execute(tx);
  return result.rows[0];
}

export async function insertSession(
  tx: Tx,
  row: {
    tokenHash: string;
    userId: string;
    tenantId: string;
    stage: Stage;
    authMethod: 'password' | 'oidc';
    csrfToken: string;
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('session')
    .values({
      token_hash: row.tokenHash,
      user_id: row.userId,
      tenant_id: row.tenantId,
      stage: row.stage,
      auth_method: row.authMethod,
      csrf_token: row.csrfToken,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

export async function updateSession(
  tx: Tx,
  tokenHash: string,
  changes: { stage?: Stage; tokenHash?: string; pendingTotpSecret?: string | null; lastSeenAt?: Date },
): Promise<void> {
  await tx
    .updateTable('session')
    .set({
      ...(changes.stage ? { stage: changes.stage } : {}),
      ...(changes.tokenHash ? { token_hash: changes.tokenHash } : {}),
      ...(changes.pendingTotpSecret !== undefined ? { pending_totp_secret: changes.pendingTotpSecret } : {}),
      ...(changes.lastSeenAt ? { last_seen_at: changes.lastSeenAt } : {}),
    })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(tx: Tx, userId: string): Promise<void> {
  await tx.deleteFrom('session').where('user_id', '=', userId).execute();
}

export interface UserCredentials {
  id: string;
  tenantId: string;
  passwordHash: string | null;
  active: boolean;
  totpSecret: string | null;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  roles: Role[];
}

const credentialColumns = sql<UserCredentials>`
  u.id, u.tenant_id as "tenantId", u.password_hash as "passwordHash", u.active, u.totp_secret as "totpSecret",
  (u.totp_enabled_at is not null) as "totpEnabled", u.must_change_password as "mustChangePassword",
  coalesce((select array_agg(r.role) from user_role r where r.user_id = u.id), '{}') as roles`;

export async function findCredentialsByUsername(tx: Tx, username: string): Promise<UserCredentials | undefined> {
  const r =
    await sql<UserCredentials>`select ${credentialColumns} from app_user u where u.username = ${username}`.execute(tx);
  return r.rows[0];
}

export async function getCredentials(tx: Tx, userId: string): Promise<UserCredentials> {
  const r =
    await sql<UserCredentials>`select ${credentialColumns} from app_user u where u.id = ${userId} for update`.execute(
      tx,
    );
  const row = r.rows[0];
  if (!row) throw new Error(`user ${userId} vanished`);
  return row;
}

export async function countRecentFailures(
  tx: Tx,
  usernameKey: string,
  ip: string,
  since: Date,
): Promise<{ usernameFailures: number; ipFailures: number }> {
  const r = await sql<{ usernameFailures: number; ipFailures: number }>`
    select
      (select count(*) from login_attempt
        where username_key = ${usernameKey} and at > ${since} and not succeeded
          and at > coalesce((select max(at) from login_attempt where username_key = ${usernameKey} and succeeded), '-infinity')
      )::int as "usernameFailures",
      (select count(*) from login_attempt where ip = ${ip} and at > ${since} and not succeeded)::int as "ipFailures"`.execute(
    tx,
  );
  return r.rows[0] ?? { usernameFailures: 0, ipFailures: 0 };
}

export async function insertLoginAttempt(tx: Tx, usernameKey: string, ip: string, succeeded: boolean): Promise<void> {
  await tx.insertInto('login_attempt').values({ username_key: usernameKey, ip, succeeded }).execute();
}

export async function markLoggedIn(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx.updateTable('app_user').set({ last_login_at: at }).where('id', '=', userId).execute();
}

export async function enableTotp(
  tx: Tx,
  userId: string,
  secret: string,
  codeHashes: string[],
  at: Date,
): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ totp_secret: secret, totp_enabled_at: at, updated_at: at })
    .where('id', '=', userId)
    .execute();
  await tx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await tx
    .insertInto('recovery_code')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
    .execute();
}

/** Marks an unused recovery code as used; false when there was none. */
export async function useRecoveryCode(tx: Tx, userId: string, codeHash: string, at: Date): Promise<boolean> {
  const r = await tx
    .updateTable('recovery_code')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setPassword(
  tx: Tx,
  userId: string,
  passwordHash: string,
  mustChange: boolean,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('app_user')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: mustChange,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}
