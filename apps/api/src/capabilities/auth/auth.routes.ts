import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordRequest,
  draftKeysResponse,
  loginRequest,
  loginResponse,
  permissionsOf,
  recoveryCodeRequest,
  sessionResponse,
  sessionTimeResponse,
  totpEnrolmentConfirmResponse,
  totpEnrolmentResponse,
  totpRequest,
  type SessionResponse,
} from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { Deps } from '../../platform/deps';
import { authenticated, loginStep, publicRoute } from '../access-control/route-policy';
import { deleteSession, findSession } from './auth.store';
import { recordLoginEvent } from './login-log';
import { changePassword } from './change-password';
import { draftKeysFor } from './draft-keys';
import { keepSessionAlive, setSessionTimeHeaders } from './keep-alive';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { logIn } from './log-in';
import {
  confirmTotpEnrolment,
  startTotpEnrolment,
  useRecovery,
  verifySecondFactor,
  type StageChange,
} from './second-factor';
import { sha256 } from './tokens';
import type { SessionRow } from './auth.store';

function meta(request: FastifyRequest) {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : null };
}

function requireSession(request: FastifyRequest): SessionRow {
  if (!request.session) throw new AppError('not_authenticated');
  return request.session;
}

function applyStageChange(reply: FastifyReply, deps: Deps, change: StageChange): { next: StageChange['stage'] } {
  if (change.newToken) setSessionCookie(reply, deps.config, change.newToken);
  return { next: change.stage };
}

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Inloggen'];

  r.get(
    '/api/auth/session',
    {
      config: { policy: publicRoute('tells the web app whether someone is logged in') },
      schema: { tags, response: { 200: sessionResponse } },
    },
    async (request): Promise<SessionResponse> => {
      const s = request.session;
      const oidcEnabled = Boolean(deps.config.oidc);
      if (!s) return { authenticated: false, oidcEnabled };
      if (s.stage !== 'done') return { authenticated: false, next: s.stage, csrfToken: s.csrfToken, oidcEnabled };
      return {
        authenticated: true,
        next: 'done',
        csrfToken: s.csrfToken,
        oidcEnabled,
        user: {
          id: s.userId,
          displayName: s.displayName,
          username: s.username,
          tenantName: s.tenantName,
          tenantSlug: s.tenantSlug,
          roles: s.roles,
          permissions: [...permissionsOf(s.roles)],
          teams: s.teams,
          totpEnabled: s.totpEnabled,
        },
      };
    },
  );

  r.post(
    '/api/auth/keep-alive',
    {
      config: { policy: authenticated },
      schema: {
        tags,
        summary: 'Ingelogd blijven: restarts the idle timeout (never past the absolute limit)',
        body: z.object({}).optional(),
        response: { 200: sessionTimeResponse },
      },
    },
    async (request, reply) => {
      const time = await keepSessionAlive(deps, requireSession(request));
      setSessionTimeHeaders(reply, time);
      return time;
    },
  );

  r.get(
    '/api/auth/draft-keys',
    {
      config: { policy: authenticated },
      schema: {
        tags,
        summary: "The keys of the user's drafts kept encrypted in the browser tab (ADR 0035)",
        response: { 200: draftKeysResponse },
      },
    },
    async (request) => {
      if (!request.actor) throw new AppError('not_authenticated');
      return draftKeysFor(deps, request.actor);
    },
  );

  r.post(
    '/api/auth/login',
    {
      config: { policy: publicRoute('the login itself') },
      schema: { tags, body: loginRequest, response: { 200: loginResponse } },
    },
    async (request, reply) => {
      const previous = request.session;
      const { token, stage } = await logIn(deps, request.body, meta(request));
      if (previous) await deps.db.inSystem((tx) => deleteSession(tx, previous.tokenHash));
      setSessionCookie(reply, deps.config, token);
      return { next: stage };
    },
  );

  r.post(
    '/api/auth/totp',
    { config: { policy: loginStep }, schema: { tags, body: totpRequest, response: { 200: loginResponse } } },
    async (request, reply) =>
      applyStageChange(
        reply,
        deps,
        await verifySecondFactor(deps, requireSession(request), request.body.code, meta(request)),
      ),
  );

  r.post(
    '/api/auth/recovery',
    { config: { policy: loginStep }, schema: { tags, body: recoveryCodeRequest, response: { 200: loginResponse } } },
    async (request, reply) =>
      applyStageChange(reply, deps, await useRecovery(deps, requireSession(request), request.body.code, meta(request))),
  );

  r.post(
    '/api/auth/totp/enrolment',
    {
      config: { policy: loginStep },
      schema: { tags, body: z.object({}).optional(), response: { 200: totpEnrolmentResponse } },
    },
    async (request) => startTotpEnrolment(deps, requireSession(request)),
  );

  r.post(
    '/api/auth/totp/enrolment/confirm',
    {
      config: { policy: loginStep },
      schema: { tags, body: totpRequest, response: { 200: totpEnrolmentConfirmResponse } },
    },
    async (request, reply) => {
      const change = await confirmTotpEnrolment(deps, requireSession(request), request.body.code, meta(request));
      return { ...applyStageChange(reply, deps, change), recoveryCodes: change.recoveryCodes };
    },
  );

  r.post(
    '/api/auth/password',
    { config: { policy: loginStep }, schema: { tags, body: changePasswordRequest, response: { 200: loginResponse } } },
    async (request, reply) =>
      applyStageChange(reply, deps, await changePassword(deps, requireSession(request), request.body, meta(request))),
  );

  r.post(
    '/api/auth/logout',
    { config: { policy: publicRoute('logging out always works, also with an expired session') }, schema: { tags } },
    async (request, reply) => {
      const token = request.cookies[Object.keys(request.cookies).find((k) => k.endsWith('nabij_session')) ?? ''];
      if (token)
        await deps.db.inSystem(async (tx) => {
          const session = await findSession(tx, sha256(token));
          if (session)
            await recordLoginEvent(
              tx,
              {
                id: session.userId,
                tenantId: session.tenantId,
                roles: session.roles,
                teamIds: session.teams.map((t) => t.id),
              },
              meta(request),
              { event: 'user.logged_out' },
            );
          await deleteSession(tx, sha256(token));
        });
      clearSessionCookie(reply, deps.config);
      return reply.status(204).send();
    },
  );
}
