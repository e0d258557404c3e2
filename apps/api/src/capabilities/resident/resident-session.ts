import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';

/**
 * Resident sessions (Mijn Nabij): their own table and cookie, a short idle timeout, and the same CSRF rule as staff
 * sessions. A staff session never counts on resident routes, and a resident session never on staff routes
 * (access-control resolves only the cookie that belongs to the route).
 */

export interface ResidentSessionRow {
  tokenHash: string;
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  accountId: string;
  personId: string;
  firstName: string;
  csrfToken: string;
  authMethod: 'email_code' | 'digid';
  assurance: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export type ResidentSessionLookup = { session: ResidentSessionRow } | { session: undefined; expired: boolean };

const token = (bytes = 32) => randomBytes(bytes).toString('base64url');
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** `__Host-` binds the cookie to this host and path / and requires Secure, so it is only used behind TLS. */
export function residentCookieName(config: Config): string {
  return config.secureCookies ? '__Host-nabij_resident' : 'nabij_resident';
}

export function readResidentToken(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[residentCookieName(config)];
}

export function setResidentCookie(reply: FastifyReply, config: Config, value: string): void {
  reply.setCookie(residentCookieName(config), value, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.resident.session.absoluteHours * 3600,
  });
}

export function clearResidentCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(residentCookieName(config), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}

/** A resident session ends at its absolute expiry or after the (short) idle timeout. */
export function isResidentSessionExpired(
  s: { lastSeenAt: Date; expiresAt: Date },
  now: Date,
  idleMinutes: number,
): boolean {
  return now >= s.expiresAt || now.getTime() - s.lastSeenAt.getTime() > idleMinutes * 60_000;
}

async function findResidentSession(tx: Tx, tokenHash: string): Promise<ResidentSessionRow | undefined> {
  const r = await sql<ResidentSessionRow>`
    select s.token_hash as "tokenHash", s.tenant_id as "tenantId", tn.name as "tenantName", tn.slug as "tenantSlug", s.account_id as "accountId",
           a.person_id as "personId", p.first_name as "firstName", s.csrf_token as "csrfToken", s.auth_method as "authMethod",
           s.assurance, s.created_at as "createdAt", s.last_seen_at as "lastSeenAt", s.expires_at as "expiresAt"
    from resident_session s
    join resident_account a on a.id = s.account_id and a.active and a.tenant_id = s.tenant_id
    join person p on p.id = a.person_id
    join tenant tn on tn.id = s.tenant_id
    where s.token_hash = ${tokenHash}`.execute(tx);
  return r.rows[0];
}

/** Finds the live resident session for a cookie; an expired one is deleted. Touches last-seen at most once a minute. */
export async function resolveResidentSession(
  deps: Deps,
  cookieToken: string | undefined,
): Promise<ResidentSessionLookup> {
  if (!cookieToken) return { session: undefined, expired: false };
  const tokenHash = sha256(cookieToken);
  const now = deps.clock.now();
  return deps.db.inSystem(async (tx) => {
    const session = await findResidentSession(tx, tokenHash);
    if (!session) {
      await tx.deleteFrom('resident_session').where('token_hash', '=', tokenHash).execute();
      return { session: undefined, expired: true };
    }
    if (isResidentSessionExpired(session, now, deps.config.resident.session.idleMinutes)) {
      await tx.deleteFrom('resident_session').where('token_hash', '=', tokenHash).execute();
      return { session: undefined, expired: true };
    }
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await tx.updateTable('resident_session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
    }
    return { session };
  });
}

/** Opens a resident session (in the login's transaction, as the owner); returns the cookie value (only its hash is stored). */
export async function startResidentSession(
  deps: Deps,
  tx: Tx,
  account: { id: string; tenantId: string },
  method: { authMethod: 'email_code' | 'digid'; assurance: string | null },
  meta: { ip: string; userAgent: string | null },
): Promise<string> {
  const value = token();
  const now = deps.clock.now();
  // One account, one live session: a new login ends the earlier ones.
  await tx.deleteFrom('resident_session').where('account_id', '=', account.id).execute();
  await tx.deleteFrom('resident_session').where('expires_at', '<', now).execute();
  await tx
    .insertInto('resident_session')
    .values({
      token_hash: sha256(value),
      tenant_id: account.tenantId,
      account_id: account.id,
      auth_method: method.authMethod,
      assurance: method.assurance,
      csrf_token: token(24),
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + deps.config.resident.session.absoluteHours * 3_600_000),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  await tx.updateTable('resident_account').set({ last_login_at: now }).where('id', '=', account.id).execute();
  return value;
}

export async function endResidentSession(deps: Deps, cookieToken: string): Promise<void> {
  await deps.db.inSystem((tx) =>
    tx.deleteFrom('resident_session').where('token_hash', '=', sha256(cookieToken)).execute(),
  );
}
