import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/app-error';
import type { Config } from '../../platform/config';
import type { Deps } from '../../platform/deps';
import { publicRoute } from '../access-control/route-policy';
import type { Stage } from './auth.domain';
import { deleteSession } from './auth.store';
import { setSessionCookie } from './cookies';
import {
  logInWithOidc,
  OIDC_LOGIN_TTL_MINUTES,
  oidcRedirectUri,
  startOidcLogin,
  type OidcLoginFailure,
} from './log-in-with-oidc';

/**
 * Binds a started login to the browser that started it, so a callback URL cannot be replayed in another
 * browser (login CSRF). `lax`, because the identity provider sends the browser back cross-site.
 */
const STATE_COOKIE = 'nabij_oidc_state';
const STATE_COOKIE_PATH = '/api/auth/oidc';

/** Where the web app continues after a login through the identity provider, per open login stage. */
const PAGE_FOR_STAGE: Record<Stage, string> = {
  done: '/',
  totp: '/inloggen/code',
  enrol_totp: '/inloggen/tweestapsverificatie-instellen',
  change_password: '/inloggen/wachtwoord-wijzigen',
};

const loginPageWithError = (code: OidcLoginFailure) => `/inloggen?fout=${code}`;

function meta(request: FastifyRequest) {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : null };
}

function requireOidc(config: Config): NonNullable<Config['oidc']> {
  if (!config.oidc) throw new AppError('oidc_not_configured');
  return config.oidc;
}

function clearStateCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(STATE_COOKIE, {
    path: STATE_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

function errorClassOf(err: unknown): { errorClass: string } {
  return { errorClass: err instanceof Error ? err.name : typeof err };
}

export function registerOidcRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['Inloggen'];

  app.get(
    '/api/auth/oidc/start',
    { config: { policy: publicRoute('starts a login at the organisation’s identity provider') }, schema: { tags } },
    async (request, reply) => {
      const oidc = requireOidc(deps.config);
      let started: Awaited<ReturnType<typeof startOidcLogin>>;
      try {
        started = await startOidcLogin(deps, oidc);
      } catch (err) {
        request.log.warn({ event: 'oidc.start_failed', ...errorClassOf(err) }, 'OIDC login could not start');
        return reply.redirect(loginPageWithError('oidc_failed'), 302);
      }
      reply.setCookie(STATE_COOKIE, started.state, {
        path: STATE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        maxAge: OIDC_LOGIN_TTL_MINUTES * 60,
      });
      return reply.redirect(started.authorizationUrl, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    { config: { policy: publicRoute('the identity provider sends the browser back here') }, schema: { tags } },
    async (request, reply) => {
      const oidc = requireOidc(deps.config);
      // The redirect URI registered at the provider plus the query it answered with (not the Host header).
      const callbackUrl = new URL(oidcRedirectUri(deps.config));
      const queryStart = request.url.indexOf('?');
      callbackUrl.search = queryStart >= 0 ? request.url.slice(queryStart) : '';
      const boundState = request.cookies[STATE_COOKIE];
      clearStateCookie(reply, deps.config);

      let result: Awaited<ReturnType<typeof logInWithOidc>>;
      try {
        result = await logInWithOidc(deps, oidc, { callbackUrl, boundState }, meta(request));
      } catch (err) {
        request.log.error({ event: 'oidc.login_failed', ...errorClassOf(err) }, 'OIDC login failed');
        return reply.redirect(loginPageWithError('oidc_failed'), 302);
      }
      if (!result.ok) return reply.redirect(loginPageWithError(result.error), 302);

      const previous = request.session;
      if (previous) await deps.db.inSystem((tx) => deleteSession(tx, previous.tokenHash));
      setSessionCookie(reply, deps.config, result.value.token);
      return reply.redirect(PAGE_FOR_STAGE[result.value.stage], 302);
    },
  );
}
