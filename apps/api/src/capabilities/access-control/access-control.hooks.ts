import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/app-error';
import { buildActor, type AccessContext, type Actor } from '../../shared/actor';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { safeEqual } from '../../shared/safe-equal';
import type { SessionRow } from '../auth';
import type { ResidentSessionRow } from '../resident';
import { grantsPolicy, isResidentApi, policyOf, type RoutePolicy } from './route-policy';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionRow | undefined;
    sessionExpired: boolean;
    actor: Actor | undefined;
    /** The resident portal's session (Mijn Nabij): only on resident routes, never together with a staff session. */
    resident: ResidentSessionRow | undefined;
    residentExpired: boolean;
    /** Refusals of this request written to the access log (see AccessContext.trail). */
    accessTrail: { denialsLogged: number } | undefined;
  }
}

/** Every route with its policy, for the test that no route goes without one. */
export const registeredRoutes: Array<{ method: string; url: string; policy: RoutePolicy | undefined }> = [];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * How a request's sessions are found. The composition root (app.ts) passes in the lookups of the auth and resident
 * capabilities, so access control — which every capability's routes import — imports neither of them (no cycle).
 */
export interface SessionResolvers {
  /** The staff session of the request's cookie; `expired` when the cookie named a session that has ended. */
  staff(request: FastifyRequest): Promise<{ session: SessionRow } | { session: undefined; expired: boolean }>;
  /** The resident (Mijn Nabij) session of the request's resident cookie. */
  resident(
    request: FastifyRequest,
  ): Promise<{ session: ResidentSessionRow } | { session: undefined; expired: boolean }>;
  /** Tells the web app how long the staff session has left (the warning before it ends). */
  setTimeLeft(reply: FastifyReply, session: SessionRow): void;
}

/**
 * The one place where requests are authenticated and route policies enforced:
 * - onRoute: a route without a policy stops the app from starting;
 * - onRequest: the session cookie becomes `request.session` and `request.actor`;
 * - preValidation (before the body is even parsed into a use case): the policy and CSRF token are checked,
 *   and a refused permission is written to the access log.
 */
export function registerAccessControl(app: FastifyInstance, deps: Deps, sessions: SessionResolvers): void {
  app.decorateRequest('session', undefined);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('actor', undefined);
  app.decorateRequest('resident', undefined);
  app.decorateRequest('residentExpired', false);
  app.decorateRequest('accessTrail', undefined);

  // A refusal (403) that a use case did not write to the access log is written here, in its own transaction (the
  // use case's was rolled back), so every refused request of a logged-in user is in the log (NEN 7513).
  app.addHook('onError', async (request, _reply, error) => {
    if (
      !(error instanceof AppError) ||
      error.code !== 'forbidden' ||
      !request.actor ||
      (request.accessTrail?.denialsLogged ?? 0) > 0
    )
      return;
    const actor = request.actor;
    const policy = policyOf(request.routeOptions.url ?? '', request.routeOptions.config);
    try {
      await deps.db.inTenant(actor.tenantId, (tx) =>
        recordAccess(tx, accessContext(request), {
          action: SAFE_METHODS.has(request.method) ? 'read' : 'update',
          event: 'access.denied',
          dataCategory: policy?.kind === 'permission' ? policy.dataCategory : 'request',
          outcome: 'denied',
          detail: { route: `${request.method} ${request.routeOptions.url ?? ''}` },
        }),
      );
    } catch (err) {
      request.log.error({ err }, 'writing a refusal to the access log failed');
    }
  });

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const policy = policyOf(route.url, route.config);
    for (const method of methods) registeredRoutes.push({ method, url: route.url, policy });
    if (!policy) throw new Error(`Route ${methods.join(',')} ${route.url} declares no access policy (config.policy).`);
  });

  app.addHook('onRequest', async (request, reply) => {
    const policy = policyOf(request.routeOptions.url ?? '', request.routeOptions.config);
    // Resident routes read only the resident cookie; the staff cookie is not even looked at (and vice versa below).
    if (policy?.kind === 'resident' || isResidentApi(request.url)) {
      const resident = await sessions.resident(request);
      request.resident = resident.session;
      request.residentExpired = resident.session ? false : resident.expired;
      return;
    }
    if (policy?.kind === 'public' && !request.url.startsWith('/api/auth')) return;
    const lookup = await sessions.staff(request);
    request.session = lookup.session;
    request.sessionExpired = lookup.session ? false : lookup.expired;
    if (lookup.session?.stage === 'done') {
      const s = lookup.session;
      request.actor = buildActor({
        userId: s.userId,
        tenantId: s.tenantId,
        roles: s.roles,
        teamIds: s.teams.map((t) => t.id),
      });
      // How long the session has left, so the web app can warn before it ends ("Uw sessie verloopt over 2 minuten").
      sessions.setTimeLeft(reply, s);
    }
  });

  app.addHook('preValidation', async (request) => {
    const policy = policyOf(request.routeOptions.url ?? '', request.routeOptions.config);
    if (!policy) throw new AppError('not_found');
    if (policy.kind === 'public') return;
    if (policy.kind === 'resident') {
      const resident = request.resident;
      if (!resident) throw new AppError(request.residentExpired ? 'session_expired' : 'not_authenticated');
      if (!SAFE_METHODS.has(request.method)) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !safeEqual(header, resident.csrfToken)) throw new AppError('csrf_failed');
      }
      return;
    }
    const session = request.session;
    if (!session) throw new AppError(request.sessionExpired ? 'session_expired' : 'not_authenticated');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) throw new AppError('csrf_failed');
    }
    if (policy.kind === 'login_step') return;
    const actor = request.actor;
    if (!actor) throw new AppError('mfa_required');
    if (policy.kind === 'authenticated') return;
    if (!grantsPolicy(actor.permissions, policy)) {
      await deps.db.inTenant(actor.tenantId, (tx) =>
        recordAccess(tx, accessContext(request), {
          action: SAFE_METHODS.has(request.method) ? 'read' : 'update',
          event: 'access.denied',
          dataCategory: policy.dataCategory,
          outcome: 'denied',
          permission: policy.permission,
          detail: { route: `${request.method} ${request.routeOptions.url ?? ''}` },
        }),
      );
      throw new AppError('forbidden');
    }
  });
}

/** The client address as seen by the app (the proxy's X-Forwarded-For when TRUST_PROXY is on). */
export function accessContext(request: FastifyRequest): AccessContext {
  if (!request.actor) throw new AppError('not_authenticated');
  const ua = request.headers['user-agent'];
  request.accessTrail ??= { denialsLogged: 0 };
  return {
    actor: request.actor,
    ip: request.ip,
    userAgent: typeof ua === 'string' ? ua : null,
    trail: request.accessTrail,
  };
}
