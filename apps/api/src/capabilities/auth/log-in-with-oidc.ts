import { z } from 'zod';
import type { Role } from '@nabij/contracts';
import { fail, ok, type Result } from '../../shared/app-error';
import type { Config } from '../../platform/config';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { authorizationUrl, exchangeCode, newLogin, providerConfiguration } from '../../platform/oidc-code-flow';
import { insertUser, replaceRolesAndTeams } from '../organisation';
import { stageAfterPassword, type Stage } from './auth.domain';
import { markLoggedIn } from './auth.store';
import { recordLoginEvent } from './login-log';
import { startSession, type RequestMeta } from './sessions';

export type OidcSettings = NonNullable<Config['oidc']>;

/** How long a started login may take at the identity provider before its state is refused. */
export const OIDC_LOGIN_TTL_MINUTES = 10;
const SCOPE = 'openid profile email';

export function oidcRedirectUri(config: Config): string {
  return `${config.publicUrl}/api/auth/oidc/callback`;
}

// ---------------------------------------------------------------------------------------------
// Pure rules

/** Reads the groups claim: an array of strings (a single string is taken as one group). */
export function readGroups(claims: Record<string, unknown>, groupsClaim: string): string[] {
  const value = claims[groupsClaim];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((g): g is string => typeof g === 'string');
}

/** Maps the identity provider's groups to Nabij roles and team names; unknown groups are ignored. */
export function mapGroups(
  groups: readonly string[],
  groupRoles: Readonly<Record<string, Role>>,
  groupTeams: Readonly<Record<string, string>>,
): { roles: Role[]; teamNames: string[] } {
  const roles = new Set<Role>();
  const teamNames = new Set<string>();
  for (const group of groups) {
    if (Object.hasOwn(groupRoles, group)) {
      const role = groupRoles[group];
      if (role) roles.add(role);
    }
    if (Object.hasOwn(groupTeams, group)) {
      const team = groupTeams[group];
      if (team) teamNames.add(team);
    }
  }
  return { roles: [...roles].sort(), teamNames: [...teamNames].sort() };
}

/** The preferred username for a new account: `preferred_username`, else `email`, lowercased; else one derived from the subject. */
export function baseUsername(claims: {
  sub: string;
  preferred_username?: string | undefined;
  email?: string | undefined;
}): string {
  const chosen = (claims.preferred_username ?? claims.email ?? '').trim().toLowerCase();
  if (chosen) return chosen;
  return `oidc-${
    claims.sub
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 24) || 'gebruiker'
  }`;
}

const identityClaims = z.object({
  sub: z.string().min(1),
  name: z.string().trim().min(1).optional().catch(undefined),
  preferred_username: z.string().trim().min(1).optional().catch(undefined),
  email: z.string().trim().min(1).optional().catch(undefined),
});

/** The identity provider's configuration (discovered once per process; platform/oidc-code-flow.ts). */
const idpConfiguration = (config: Config, oidc: OidcSettings) => providerConfiguration(config.env, oidc);

// ---------------------------------------------------------------------------------------------
// Use cases

/**
 * Starts a login at the identity provider: a fresh PKCE verifier, state and nonce are kept in the
 * database (shared by all app instances); returns where to send the browser and the state to bind to it.
 */
export async function startOidcLogin(
  deps: Deps,
  oidc: OidcSettings,
): Promise<{ authorizationUrl: string; state: string }> {
  const idp = await idpConfiguration(deps.config, oidc);
  const login = newLogin();
  const { state, nonce, codeVerifier } = login;
  const now = deps.clock.now();
  await deps.db.inSystem(async (tx) => {
    await tx.deleteFrom('oidc_login').where('created_at', '<', expiryCutoff(now)).execute();
    await tx.insertInto('oidc_login').values({ state, code_verifier: codeVerifier, nonce, created_at: now }).execute();
  });
  const url = await authorizationUrl(idp, login, { redirectUri: oidcRedirectUri(deps.config), scope: SCOPE });
  return { authorizationUrl: url.href, state };
}

export type OidcLoginFailure = 'oidc_failed' | 'oidc_no_role';

export interface OidcCallback {
  /** The callback URL as the provider sent the browser to it (redirect URI plus the response's query). */
  callbackUrl: URL;
  /** The state the browser was bound to when the login started (from its cookie). */
  boundState: string | undefined;
}

/**
 * Completes a login at the identity provider: checks the state, exchanges the code, then finds or
 * creates the account by its subject and sets its roles and teams from the groups (the provider is the
 * source of truth). Returns a session token and the login stage still open.
 */
export async function logInWithOidc(
  deps: Deps,
  oidc: OidcSettings,
  input: OidcCallback,
  meta: RequestMeta,
): Promise<Result<{ token: string; stage: Stage }, OidcLoginFailure>> {
  const state = input.callbackUrl.searchParams.get('state');
  if (!state) return refuse(deps, 'missing_state');
  const now = deps.clock.now();
  const started = await deps.db.inSystem((tx) => takeOidcLogin(tx, state, expiryCutoff(now)));
  if (!started) return refuse(deps, 'unknown_state');
  if (input.boundState !== state) return refuse(deps, 'state_not_bound_to_browser');

  let claims: Record<string, unknown>;
  try {
    const idp = await idpConfiguration(deps.config, oidc);
    const idToken = (await exchangeCode(idp, input.callbackUrl, { state, ...started })).claims;
    if (!idToken) return refuse(deps, 'no_id_token');
    claims = idToken;
  } catch (err) {
    return refuse(deps, 'token_exchange', err);
  }

  const identity = identityClaims.safeParse(claims);
  if (!identity.success) return refuse(deps, 'invalid_claims');
  const { roles, teamNames } = mapGroups(readGroups(claims, oidc.groupsClaim), oidc.groupRoles, oidc.groupTeams);
  if (roles.length === 0) {
    deps.log.info({ event: 'oidc.login_refused', reason: 'no_role' }, 'OIDC login refused: no group maps to a role');
    return fail('oidc_no_role');
  }

  const outcome = await deps.db.inSystem(async (tx): Promise<{ refused: string } | { token: string; stage: Stage }> => {
    const tenant = await tx.selectFrom('tenant').select('id').where('slug', '=', oidc.tenant).executeTakeFirst();
    if (!tenant) return { refused: 'tenant_not_found' };
    const teams = teamNames.length
      ? await tx
          .selectFrom('team')
          .select(['id', 'name'])
          .where('tenant_id', '=', tenant.id)
          .where('name', 'in', teamNames)
          .execute()
      : [];
    if (teams.length !== teamNames.length) {
      const missing = teamNames.filter((n) => !teams.some((t) => t.name === n));
      deps.log.warn(
        { event: 'oidc.team_not_found', teams: missing },
        'OIDC_GROUP_TEAMS names a team that does not exist',
      );
    }
    const teamIds = teams.map((t) => t.id);
    const { sub, name, email } = identity.data;

    const existing = await tx
      .selectFrom('app_user')
      .select(['id', 'tenant_id', 'active', 'display_name', 'totp_enabled_at'])
      .where('oidc_subject', '=', sub)
      .forUpdate()
      .executeTakeFirst();
    let user: { id: string; tenantId: string; totpEnabled: boolean };
    if (existing) {
      if (existing.tenant_id !== tenant.id) return { refused: 'other_tenant' };
      if (!existing.active) {
        // Refused in a transaction that commits (the refusal is an answer, not an error).
        await recordLoginEvent(tx, { id: existing.id, tenantId: existing.tenant_id, roles }, meta, {
          event: 'user.login_failed',
          method: 'oidc',
          reason: 'inactive_account',
        });
        return { refused: 'inactive_account' };
      }
      if (name && name !== existing.display_name) {
        await tx
          .updateTable('app_user')
          .set((eb) => ({ display_name: name, updated_at: now, version: eb('version', '+', 1) }))
          .where('id', '=', existing.id)
          .execute();
      }
      await replaceRolesAndTeams(tx, existing.id, roles, teamIds);
      user = { id: existing.id, tenantId: existing.tenant_id, totpEnabled: existing.totp_enabled_at !== null };
    } else {
      const username = await uniqueUsername(tx, baseUsername(identity.data));
      const id = await insertUser(tx, {
        tenantId: tenant.id,
        username,
        displayName: name ?? username,
        email: email ?? null,
        passwordHash: null,
        mustChangePassword: false,
        roles,
        teamIds,
        oidcSubject: sub,
      });
      user = { id, tenantId: tenant.id, totpEnabled: false };
    }

    // The provider's own second factor counts when it is trusted; otherwise Nabij's TOTP applies.
    const stage: Stage = oidc.trustsMfa
      ? 'done'
      : stageAfterPassword(
          { totpEnabled: user.totpEnabled, mustChangePassword: false, roles },
          deps.config.mfaRequiredRoles,
        );
    if (stage === 'done') {
      await markLoggedIn(tx, user.id, now);
      await recordLoginEvent(tx, { id: user.id, tenantId: user.tenantId, roles }, meta, {
        event: 'user.logged_in',
        method: 'oidc',
      });
    }
    const token = await startSession(deps, tx, user, stage, 'oidc', meta);
    return { token, stage };
  });
  if ('refused' in outcome) return refuse(deps, outcome.refused);
  return ok(outcome);
}

// ---------------------------------------------------------------------------------------------
// Helpers for the login state and accounts

function expiryCutoff(now: Date): Date {
  return new Date(now.getTime() - OIDC_LOGIN_TTL_MINUTES * 60_000);
}

/** Removes the started login for a state and returns it, unless it is unknown or expired (each state is usable once). */
async function takeOidcLogin(
  tx: Tx,
  state: string,
  notBefore: Date,
): Promise<{ codeVerifier: string; nonce: string } | undefined> {
  const row = await tx
    .deleteFrom('oidc_login')
    .where('state', '=', state)
    .returning(['code_verifier', 'nonce', 'created_at'])
    .executeTakeFirst();
  if (!row || row.created_at < notBefore) return undefined;
  return { codeVerifier: row.code_verifier, nonce: row.nonce };
}

async function uniqueUsername(tx: Tx, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await tx.selectFrom('app_user').select('id').where('username', '=', candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
  throw new Error('no free username found');
}

/** Logs why a login failed by reason and error class only: never tokens, claims or names. */
function refuse(deps: Deps, reason: string, err?: unknown): { ok: false; error: 'oidc_failed' } {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  const error =
    err instanceof Error
      ? { errorClass: err.name, ...(typeof code === 'string' ? { errorCode: code } : {}) }
      : undefined;
  deps.log.warn({ event: 'oidc.login_failed', reason, ...error }, 'OIDC login failed');
  return fail('oidc_failed');
}
