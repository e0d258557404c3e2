import { ageOn } from '@nabij/contracts';
import { municipalDate } from '../../shared/clock';
import type { Config } from '../../platform/config';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import {
  authorizationUrl,
  exchangeCode,
  newLogin,
  providerConfiguration,
  userInfo,
} from '../../platform/oidc-code-flow';
import { recordResidentAccess } from '../audit';
import { accountProblem, assuranceAccepted, bsnFromClaim } from './resident.domain';
import { startResidentSession } from './resident-session';
import type { RequestMeta } from './log-in-with-code';

/**
 * Login to the resident portal through a DigiD broker (OpenID Connect, authorization code flow with PKCE), the
 * same way staff log in through their organisation's identity provider (docs/oidc.md). The broker must report an
 * assurance level of DigiD Substantieel or higher; the BSN it sends is matched to a person of the configured
 * municipality who is known to the team (a case file). The first login creates the account ("verified by DigiD").
 */

export type ResidentOidcSettings = NonNullable<Config['resident']['oidc']>;
export const DIGID_LOGIN_TTL_MINUTES = 10;
export type DigidFailure = 'digid_failed' | 'digid_level' | 'digid_unknown';

export const digidRedirectUri = (config: Config) => `${config.publicUrl}/api/resident/digid/callback`;

/** The broker's configuration (discovered once per process; platform/oidc-code-flow.ts). */
const brokerConfiguration = (config: Config, oidc: ResidentOidcSettings) => providerConfiguration(config.env, oidc);

const cutoff = (now: Date) => new Date(now.getTime() - DIGID_LOGIN_TTL_MINUTES * 60_000);

/** Starts a login at the broker; the PKCE verifier, state and nonce are kept in the database (shared by all instances). */
export async function startDigidLogin(
  deps: Deps,
  oidc: ResidentOidcSettings,
): Promise<{ authorizationUrl: string; state: string }> {
  const broker = await brokerConfiguration(deps.config, oidc);
  const login = newLogin();
  const { state, nonce, codeVerifier } = login;
  const now = deps.clock.now();
  await deps.db.inSystem(async (tx) => {
    await tx.deleteFrom('resident_oidc_login').where('created_at', '<', cutoff(now)).execute();
    await tx
      .insertInto('resident_oidc_login')
      .values({ state, code_verifier: codeVerifier, nonce, created_at: now })
      .execute();
  });
  const scope = [...new Set(['openid', ...oidc.scope.split(/\s+/).filter(Boolean)])].join(' ');
  const url = await authorizationUrl(broker, login, {
    redirectUri: digidRedirectUri(deps.config),
    scope,
    // Ask for the accepted levels; the answer is checked below in any case.
    extra: { acr_values: oidc.acrValues.join(' ') },
  });
  return { authorizationUrl: url.href, state };
}

async function takeDigidLogin(tx: Tx, state: string, notBefore: Date) {
  const row = await tx
    .deleteFrom('resident_oidc_login')
    .where('state', '=', state)
    .returning(['code_verifier', 'nonce', 'created_at'])
    .executeTakeFirst();
  if (!row || row.created_at < notBefore) return undefined;
  return { codeVerifier: row.code_verifier, nonce: row.nonce };
}

function refuse(
  deps: Deps,
  reason: string,
  error: DigidFailure = 'digid_failed',
  err?: unknown,
): { ok: false; error: DigidFailure } {
  const errorClass = err instanceof Error ? { errorClass: err.name } : {};
  deps.log.warn({ event: 'resident.digid_login_failed', reason, ...errorClass }, 'DigiD login failed');
  return { ok: false, error };
}

/**
 * Completes the login: state bound to this browser and used once, code exchanged, assurance level checked, BSN
 * matched. Never logs the BSN or other claims.
 */
export async function logInWithDigid(
  deps: Deps,
  oidc: ResidentOidcSettings,
  input: { callbackUrl: URL; boundState: string | undefined },
  meta: RequestMeta,
): Promise<{ ok: true; token: string } | { ok: false; error: DigidFailure }> {
  const state = input.callbackUrl.searchParams.get('state');
  if (!state) return refuse(deps, 'missing_state');
  const now = deps.clock.now();
  const started = await deps.db.inSystem((tx) => takeDigidLogin(tx, state, cutoff(now)));
  if (!started) return refuse(deps, 'unknown_state');
  if (input.boundState !== state) return refuse(deps, 'state_not_bound_to_browser');

  let claims: Record<string, unknown>;
  try {
    const broker = await brokerConfiguration(deps.config, oidc);
    const tokens = await exchangeCode(broker, input.callbackUrl, { state, ...started });
    const idToken = tokens.claims;
    if (!idToken) return refuse(deps, 'no_id_token');
    claims = idToken;
    // Some brokers send the BSN only at the userinfo endpoint.
    if (claims[oidc.bsnClaim] === undefined && typeof idToken.sub === 'string')
      claims = { ...(await userInfo(broker, tokens.accessToken, idToken.sub)), ...claims };
  } catch (err) {
    return refuse(deps, 'token_exchange', 'digid_failed', err);
  }

  if (!assuranceAccepted(claims.acr, oidc.acrValues)) return refuse(deps, 'assurance_too_low', 'digid_level');
  const bsn = bsnFromClaim(claims[oidc.bsnClaim]);
  if (!bsn) return refuse(deps, 'no_valid_bsn');
  const today = municipalDate(now);

  const outcome = await deps.db.inSystem(async (tx): Promise<{ token: string } | { refused: string }> => {
    const tenant = await tx.selectFrom('tenant').select('id').where('slug', '=', oidc.tenant).executeTakeFirst();
    if (!tenant) return { refused: 'tenant_not_found' };
    const person = await tx
      .selectFrom('person')
      .select(['id', 'date_of_birth'])
      .where('tenant_id', '=', tenant.id)
      .where('bsn', '=', bsn)
      .executeTakeFirst();
    if (!person) return { refused: 'person_not_found' };
    if (accountProblem(person.date_of_birth ? ageOn(person.date_of_birth, today) : null))
      return { refused: 'age_rules' };
    let account = await tx
      .selectFrom('resident_account')
      .select(['id', 'active'])
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    if (account && !account.active) return { refused: 'account_inactive' };
    if (!account) {
      // Known to the team: client or member of the household of a case file.
      const known = await tx
        .selectFrom('case_file as c')
        .select('c.id')
        .where((eb) =>
          eb.or([
            eb('c.primary_person_id', '=', person.id),
            eb(
              'c.household_id',
              'in',
              eb.selectFrom('household_member').select('household_id').where('person_id', '=', person.id),
            ),
          ]),
        )
        .limit(1)
        .executeTakeFirst();
      if (!known) return { refused: 'not_known_to_team' };
      const created = await tx
        .insertInto('resident_account')
        .values({ tenant_id: tenant.id, person_id: person.id, email: null, identity_check: 'digid', created_by: null })
        .returning(['id', 'active'])
        .executeTakeFirstOrThrow();
      account = created;
    }
    const acr = typeof claims.acr === 'string' ? claims.acr : null;
    const token = await startResidentSession(
      deps,
      tx,
      { id: account.id, tenantId: tenant.id },
      { authMethod: 'digid', assurance: acr },
      meta,
    );
    await recordResidentAccess(
      tx,
      { tenantId: tenant.id, accountId: account.id, actingPersonId: person.id, ip: meta.ip, userAgent: meta.userAgent },
      {
        action: 'login',
        event: 'resident.logged_in',
        dataCategory: 'account',
        personId: person.id,
        legalBasis: 'security',
        detail: { method: 'digid' },
      },
    );
    return { token };
  });
  if ('refused' in outcome)
    return refuse(deps, outcome.refused, outcome.refused === 'tenant_not_found' ? 'digid_failed' : 'digid_unknown');
  return { ok: true, token: outcome.token };
}
