import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParams,
  RESIDENT_LOG_PERIODS,
  residentAccessLog,
  residentAccountInput,
  residentActionDoneInput,
  residentAgreeInput,
  residentCodeRequest,
  residentCodeVerify,
  residentConsents,
  residentContactNotes,
  residentCopyRequests,
  residentDocuments,
  residentHome,
  residentMessageInput,
  residentMessages,
  residentOfferInput,
  residentOwnPlanInput,
  residentPlanPage,
  residentPortalCaseView,
  residentRepresentationInput,
  residentSessionResponse,
  residentStatementInput,
  unreadResidentMessages,
  uuid,
} from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { Deps } from '../../platform/deps';
import { accessContext, publicRoute, requirePermission, residentRoute } from '../access-control';
import { recordResidentAccess } from '../audit';
import { addTimelineSource } from '../case-files';
import { logInWithDigid, startDigidLogin, DIGID_LOGIN_TTL_MINUTES, digidRedirectUri } from './log-in-with-digid';
import { requestLoginCode, verifyLoginCode } from './log-in-with-code';
import {
  agreeToPlan,
  markActionDone,
  requestCopy,
  residentSessionView,
  sendMessage,
  submitOwnPlan,
  submitStatement,
  viewAccessLog,
  viewConsents,
  viewContacts,
  viewCopyRequests,
  viewDocuments,
  downloadPortalLetter,
  viewHome,
  viewMessages,
  viewPlan,
  withdrawConsent,
} from './portal';
import {
  addRepresentation,
  createAccount,
  downloadOwnPlan,
  endRepresentation,
  markMessageRead,
  offerPlanVersion,
  setAccountActive,
  viewPortalOfCase,
} from './portal-staff';
import { listUnreadResidentMessages } from './unread-messages';
import { clearResidentCookie, endResidentSession, readResidentToken, setResidentCookie } from './resident-session';
import type { ResidentRequest } from './resident-access';
import { residentTimeline } from './resident.timeline';
import { contentDisposition } from '../../platform/http/content-disposition';

const UPLOAD_LIMIT = 8 * 1024 * 1024;
const DIGID_STATE_COOKIE = 'nabij_digid_state';
const DIGID_STATE_PATH = '/api/resident/digid';

function meta(request: FastifyRequest) {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : null };
}

/** The resident request of a route with the resident policy (access-control has checked the session and CSRF token). */
function resident(request: FastifyRequest): ResidentRequest {
  if (!request.resident) throw new AppError('not_authenticated');
  return { session: request.resident, ...meta(request) };
}

function clearStateCookie(reply: FastifyReply, deps: Deps): void {
  reply.clearCookie(DIGID_STATE_COOKIE, {
    path: DIGID_STATE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
}

export function registerResidentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Mijn Nabij'];
  addTimelineSource(residentTimeline);

  // ---- login and session (resident cookie only) ----
  r.get(
    '/api/resident/session',
    {
      config: { policy: publicRoute('tells the resident portal whether someone is logged in') },
      schema: { tags, response: { 200: residentSessionResponse } },
    },
    async (request) => residentSessionView(deps, request.resident),
  );
  r.post(
    '/api/resident/login/code',
    {
      config: { policy: publicRoute('asks for a one-time login code by e-mail') },
      schema: { tags, body: residentCodeRequest, response: { 200: z.object({ message: z.string() }) } },
    },
    async (request) => {
      await requestLoginCode(deps, request.body, meta(request));
      // The same answer whether or not the address is known.
      return {
        message: 'Als dit e-mailadres bij ons bekend is, heeft u nu een e-mail met een code. De code werkt 10 minuten.',
      };
    },
  );
  r.post(
    '/api/resident/login/verify',
    {
      config: { policy: publicRoute('logs in with the one-time code') },
      schema: { tags, body: residentCodeVerify, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request, reply) => {
      const previous = readResidentToken(request, deps.config);
      const { token } = await verifyLoginCode(deps, request.body, meta(request));
      if (previous) await endResidentSession(deps, previous);
      setResidentCookie(reply, deps.config, token);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/resident/logout',
    { config: { policy: publicRoute('logging out always works, also with an expired session') }, schema: { tags } },
    async (request, reply) => {
      const session = request.resident;
      if (session) {
        await deps.db.inTenant(session.tenantId, (tx) =>
          recordResidentAccess(
            tx,
            {
              tenantId: session.tenantId,
              accountId: session.accountId,
              actingPersonId: session.personId,
              ...meta(request),
            },
            {
              action: 'logout',
              event: 'resident.logged_out',
              dataCategory: 'account',
              personId: session.personId,
              legalBasis: 'security',
            },
          ),
        );
      }
      const token = readResidentToken(request, deps.config);
      if (token) await endResidentSession(deps, token);
      clearResidentCookie(reply, deps.config);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/resident/digid/start',
    { config: { policy: publicRoute('starts a login at the DigiD broker') }, schema: { tags } },
    async (request, reply) => {
      const oidc = deps.config.resident.oidc;
      if (!oidc) throw new AppError('resident_digid_not_configured');
      let started: Awaited<ReturnType<typeof startDigidLogin>>;
      try {
        started = await startDigidLogin(deps, oidc);
      } catch (err) {
        request.log.warn(
          { event: 'resident.digid_start_failed', errorClass: err instanceof Error ? err.name : typeof err },
          'DigiD login could not start',
        );
        return reply.redirect('/mijn/inloggen?fout=digid_failed', 302);
      }
      reply.setCookie(DIGID_STATE_COOKIE, started.state, {
        path: DIGID_STATE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        maxAge: DIGID_LOGIN_TTL_MINUTES * 60,
      });
      return reply.redirect(started.authorizationUrl, 302);
    },
  );
  app.get(
    '/api/resident/digid/callback',
    { config: { policy: publicRoute('the DigiD broker sends the browser back here') }, schema: { tags } },
    async (request, reply) => {
      const oidc = deps.config.resident.oidc;
      if (!oidc) throw new AppError('resident_digid_not_configured');
      const callbackUrl = new URL(digidRedirectUri(deps.config));
      const queryStart = request.url.indexOf('?');
      callbackUrl.search = queryStart >= 0 ? request.url.slice(queryStart) : '';
      const boundState = request.cookies[DIGID_STATE_COOKIE];
      clearStateCookie(reply, deps);
      let result: Awaited<ReturnType<typeof logInWithDigid>>;
      try {
        result = await logInWithDigid(deps, oidc, { callbackUrl, boundState }, meta(request));
      } catch (err) {
        request.log.error(
          { event: 'resident.digid_login_failed', errorClass: err instanceof Error ? err.name : typeof err },
          'DigiD login failed',
        );
        return reply.redirect('/mijn/inloggen?fout=digid_failed', 302);
      }
      if (!result.ok) return reply.redirect(`/mijn/inloggen?fout=${result.error}`, 302);
      const previous = readResidentToken(request, deps.config);
      if (previous) await endResidentSession(deps, previous);
      setResidentCookie(reply, deps.config, result.token);
      return reply.redirect('/mijn', 302);
    },
  );

  // ---- the portal: one person at a time (themselves or someone they represent) ----
  const person = z.object({ personId: uuid });
  const policy = (category: string) => ({ policy: residentRoute(category) });

  r.get(
    '/api/resident/persons/:personId/home',
    { config: policy('case_file'), schema: { tags, params: person, response: { 200: residentHome } } },
    async (request) => viewHome(deps, resident(request), request.params.personId),
  );
  r.get(
    '/api/resident/persons/:personId/plan',
    { config: policy('plan'), schema: { tags, params: person, response: { 200: residentPlanPage } } },
    async (request) => viewPlan(deps, resident(request), request.params.personId),
  );
  r.post(
    '/api/resident/persons/:personId/plan/agreement',
    {
      config: policy('plan'),
      schema: { tags, params: person, body: residentAgreeInput, response: { 200: residentPlanPage } },
    },
    async (request) => agreeToPlan(deps, resident(request), request.params.personId, request.body),
  );
  r.post(
    '/api/resident/persons/:personId/plan/actions/:actionId/done',
    {
      config: policy('plan'),
      schema: {
        tags,
        params: z.object({ personId: uuid, actionId: uuid }),
        body: residentActionDoneInput,
        response: { 200: residentPlanPage },
      },
    },
    async (request) =>
      markActionDone(deps, resident(request), request.params.personId, request.params.actionId, request.body),
  );
  r.get(
    '/api/resident/persons/:personId/contacts',
    { config: policy('contact'), schema: { tags, params: person, response: { 200: residentContactNotes } } },
    async (request) => viewContacts(deps, resident(request), request.params.personId),
  );
  r.get(
    '/api/resident/persons/:personId/messages',
    { config: policy('contact'), schema: { tags, params: person, response: { 200: residentMessages } } },
    async (request) => viewMessages(deps, resident(request), request.params.personId),
  );
  r.post(
    '/api/resident/persons/:personId/messages',
    {
      config: policy('contact'),
      schema: { tags, params: person, body: residentMessageInput, response: { 201: residentMessages } },
    },
    async (request, reply) =>
      reply.status(201).send(await sendMessage(deps, resident(request), request.params.personId, request.body)),
  );
  r.get(
    '/api/resident/persons/:personId/documents',
    { config: policy('case_file'), schema: { tags, params: person, response: { 200: residentDocuments } } },
    async (request) => viewDocuments(deps, resident(request), request.params.personId),
  );
  r.get(
    '/api/resident/persons/:personId/letters/:letterId/pdf',
    { config: policy('case_file'), schema: { tags, params: z.object({ personId: uuid, letterId: uuid }) } },
    async (request, reply) => {
      const pdf = await downloadPortalLetter(deps, resident(request), request.params.personId, request.params.letterId);
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="brief.pdf"').send(pdf);
    },
  );
  r.post(
    '/api/resident/persons/:personId/own-plans',
    {
      config: policy('plan'),
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, params: person, body: residentOwnPlanInput, response: { 201: residentDocuments } },
    },
    async (request, reply) =>
      reply.status(201).send(await submitOwnPlan(deps, resident(request), request.params.personId, request.body)),
  );
  r.post(
    '/api/resident/persons/:personId/statements',
    {
      config: policy('case_file'),
      schema: { tags, params: person, body: residentStatementInput, response: { 201: residentDocuments } },
    },
    async (request, reply) =>
      reply.status(201).send(await submitStatement(deps, resident(request), request.params.personId, request.body)),
  );
  r.get(
    '/api/resident/persons/:personId/consents',
    { config: policy('consent'), schema: { tags, params: person, response: { 200: residentConsents } } },
    async (request) => viewConsents(deps, resident(request), request.params.personId),
  );
  r.post(
    '/api/resident/persons/:personId/consents/:consentId/withdrawal',
    {
      config: policy('consent'),
      schema: { tags, params: z.object({ personId: uuid, consentId: uuid }), response: { 200: residentConsents } },
    },
    async (request) => withdrawConsent(deps, resident(request), request.params.personId, request.params.consentId),
  );
  r.get(
    '/api/resident/persons/:personId/access-log',
    {
      config: policy('access_log'),
      schema: {
        tags,
        params: person,
        querystring: z.object({
          period: z.enum(RESIDENT_LOG_PERIODS, { error: 'Kies een periode.' }).default('quarter'),
        }),
        response: { 200: residentAccessLog },
      },
    },
    async (request) => viewAccessLog(deps, resident(request), request.params.personId, request.query.period),
  );
  r.get(
    '/api/resident/persons/:personId/copy-requests',
    { config: policy('identity'), schema: { tags, params: person, response: { 200: residentCopyRequests } } },
    async (request) => viewCopyRequests(deps, resident(request), request.params.personId),
  );
  r.post(
    '/api/resident/persons/:personId/copy-requests',
    {
      config: policy('identity'),
      schema: { tags, params: person, body: z.object({}).optional(), response: { 201: residentCopyRequests } },
    },
    async (request, reply) =>
      reply.status(201).send(await requestCopy(deps, resident(request), request.params.personId)),
  );

  // ---- the worker's side, on the case page ----
  const read = { policy: requirePermission('case:read', 'case_file') };
  const page = { 200: residentPortalCaseView };
  const base = '/api/cases/:id/resident-portal';
  // Mijn werk: unread messages of the households of the user's own cases (issue #19 item 8).
  r.get(
    '/api/resident-messages/unread',
    { config: read, schema: { tags, response: { 200: unreadResidentMessages } } },
    async (request) => listUnreadResidentMessages(deps, accessContext(request)),
  );
  r.get(base, { config: read, schema: { tags, params: idParams, response: page } }, async (request) =>
    viewPortalOfCase(deps, accessContext(request), request.params.id),
  );
  r.post(
    `${base}/accounts`,
    { config: read, schema: { tags, params: idParams, body: residentAccountInput, response: page } },
    async (request) => createAccount(deps, accessContext(request), request.params.id, request.body),
  );
  const accountParams = z.object({ id: uuid, accountId: uuid });
  r.post(
    `${base}/accounts/:accountId/deactivation`,
    { config: read, schema: { tags, params: accountParams, response: page } },
    async (request) =>
      setAccountActive(deps, accessContext(request), request.params.id, request.params.accountId, false),
  );
  r.post(
    `${base}/accounts/:accountId/activation`,
    { config: read, schema: { tags, params: accountParams, response: page } },
    async (request) =>
      setAccountActive(deps, accessContext(request), request.params.id, request.params.accountId, true),
  );
  r.post(
    `${base}/representations`,
    { config: read, schema: { tags, params: idParams, body: residentRepresentationInput, response: page } },
    async (request) => addRepresentation(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    `${base}/representations/:representationId/end`,
    { config: read, schema: { tags, params: z.object({ id: uuid, representationId: uuid }), response: page } },
    async (request) =>
      endRepresentation(deps, accessContext(request), request.params.id, request.params.representationId),
  );
  r.post(
    `${base}/messages/:messageId/read`,
    { config: read, schema: { tags, params: z.object({ id: uuid, messageId: uuid }), response: page } },
    async (request) => markMessageRead(deps, accessContext(request), request.params.id, request.params.messageId),
  );
  r.post(
    `${base}/offer`,
    { config: read, schema: { tags, params: idParams, body: residentOfferInput, response: page } },
    async (request) => offerPlanVersion(deps, accessContext(request), request.params.id, request.body),
  );
  r.get(
    `${base}/own-plans/:ownPlanId/file`,
    { config: read, schema: { tags, params: z.object({ id: uuid, ownPlanId: uuid }) } },
    async (request, reply) => {
      const f = await downloadOwnPlan(deps, accessContext(request), request.params.id, request.params.ownPlanId);
      return reply.type(f.mediaType).header('content-disposition', contentDisposition(f.filename)).send(f.content);
    },
  );
}
