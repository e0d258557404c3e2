import * as client from 'openid-client';
import type { Config } from './config';

/**
 * The OpenID Connect authorization code flow with PKCE, as both logins through an outside party use it (issue #20
 * item 5): staff through their organisation's identity provider (capabilities/auth) and residents through a DigiD
 * broker (capabilities/resident). What differs — where a started login is kept, which claims are asked and how they
 * are read — stays with the capability; the protocol is here once.
 */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
}

/** A started login: kept in the capability's own table until the callback takes it (once). */
export interface StartedLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** Plain `http:` issuers are allowed outside production only (a local test provider or broker). */
function allowsInsecure(env: Config['env'], settings: OidcClientSettings): boolean {
  return env !== 'production' && new URL(settings.issuer).protocol === 'http:';
}

async function discover(env: Config['env'], settings: OidcClientSettings): Promise<client.Configuration> {
  const insecure = allowsInsecure(env, settings);
  // openid-client recognises this exact function in `execute` and then also allows the discovery request itself.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- deliberate, and only outside production (see allowsInsecure)
  const execute = insecure ? [client.allowInsecureRequests] : [];
  const found = await client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
    execute,
    timeout: 10,
  });
  const rebuild = (metadata: Partial<client.ClientMetadata> | string | undefined, auth: client.ClientAuth) => {
    const configuration = new client.Configuration(found.serverMetadata(), settings.clientId, metadata, auth);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deliberate, and only outside production (see allowsInsecure)
    if (insecure) client.allowInsecureRequests(configuration);
    return configuration;
  };
  // A public client (no secret) authenticates with PKCE only.
  if (!settings.clientSecret) return rebuild(undefined, client.None());
  // openid-client sends the secret in the body by default; use HTTP Basic when the provider only offers that.
  const methods = found.serverMetadata().token_endpoint_auth_methods_supported;
  if (methods && !methods.includes('client_secret_post') && methods.includes('client_secret_basic'))
    return rebuild(settings.clientSecret, client.ClientSecretBasic(settings.clientSecret));
  return found;
}

/** The provider's configuration, discovered once per process; a failed discovery is tried again next time. */
export function providerConfiguration(env: Config['env'], settings: OidcClientSettings): Promise<client.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret ?? null, env]);
  let pending = discovered.get(key);
  if (!pending) {
    pending = discover(env, settings);
    discovered.set(key, pending);
    pending.catch(() => discovered.delete(key));
  }
  return pending;
}

/** A fresh state, nonce and PKCE verifier for one login. */
export function newLogin(): StartedLogin {
  return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
}

/** Where to send the browser for `login` (PKCE with S256); `extra` adds parameters such as `acr_values`. */
export async function authorizationUrl(
  configuration: client.Configuration,
  login: StartedLogin,
  params: { redirectUri: string; scope: string; extra?: Record<string, string> },
): Promise<URL> {
  return client.buildAuthorizationUrl(configuration, {
    ...params.extra,
    redirect_uri: params.redirectUri,
    scope: params.scope,
    response_type: 'code',
    state: login.state,
    nonce: login.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(login.codeVerifier),
    code_challenge_method: 'S256',
  });
}

/**
 * Exchanges the code of the callback for tokens, checking state, nonce and PKCE; returns the ID token's claims
 * (undefined when the provider sent no ID token) and the access token (for the userinfo endpoint). Throws when the
 * provider refuses or an answer does not check out.
 */
export async function exchangeCode(
  configuration: client.Configuration,
  callbackUrl: URL,
  login: StartedLogin,
): Promise<{ claims: Record<string, unknown> | undefined; accessToken: string }> {
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    expectedState: login.state,
    expectedNonce: login.nonce,
    pkceCodeVerifier: login.codeVerifier,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  return { claims: claims ? { ...claims } : undefined, accessToken: tokens.access_token };
}

/** The userinfo endpoint's claims for `subject` (some DigiD brokers send the BSN only there). */
export async function userInfo(
  configuration: client.Configuration,
  accessToken: string,
  subject: string,
): Promise<Record<string, unknown>> {
  return { ...(await client.fetchUserInfo(configuration, accessToken, subject)) };
}
