import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addMeetingItemRequest,
  addReferralContactRequest,
  assignmentOverview,
  assignReferralRequest,
  caseReferrals,
  changeReferralStatusRequest,
  closeReferralRequest,
  completeRegiecheckRequest,
  correctReferralRequest,
  createMeetingRequest,
  joinOpenCaseRequest,
  decideReferralRequest,
  hostQuestionRequest,
  hostQuestionTally,
  idParams,
  letterDraft,
  letterKind,
  letterTemplateKind,
  letterTemplate,
  letterView,
  meetingList,
  meetingView,
  publicReferralFormInfo,
  publicReferralRequest,
  publicReferralResponse,
  referralInbox,
  referralStatus,
  referralView,
  regiecheckResponse,
  registerReferralRequest,
  sendLetterRequest,
  teamConsultationList,
  teamConsultationRequest,
  teamConsultationView,
  updateLetterTemplateRequest,
  uuid,
} from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { joinOpenCase } from './open-case';
import type { Deps } from '../../platform/deps';
import { accessContext, publicRoute, requirePermission } from '../access-control';
import { assignCaseWorker, closeReferral, listAssignments } from './assign-case-worker';
import {
  decideReferral,
  listIntakeMeetings,
  planMeeting,
  printMinutes,
  putOnAgenda,
  viewMeeting,
} from './intake-meeting';
import { downloadLetter, draftLetter, listOutbox, listTemplates, sendLetter, updateTemplate } from './letters';
import { createRateLimiter } from './rate-limit';
import { receiveReferral, registerReferral } from './receive-referral';
import { countHostQuestionsToday, recordHostQuestion } from './record-host-question';
import { correctReferral } from './correct-referral';
import { correctReferralFromCase, listCaseReferrals } from './correct-referral-from-case';
import { completeRegiecheck, runRegiecheck } from './regiecheck';
import { listTeamConsultations, recordTeamConsultation } from './team-consultations';
import {
  addReferralContact,
  changeReferralStatus,
  downloadReferralAttachment,
  listReferrals,
  viewReferral,
} from './work-on-referral';
import { contentDisposition } from '../../platform/http/content-disposition';

const slugParams = z.object({ tenantSlug: z.string().regex(/^[a-z0-9-]{2,50}$/) });

export function registerIntakeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Aanmeldfase'];
  const referralRead = { policy: requirePermission('referral:read', 'referral') };
  const referralWrite = { policy: requirePermission('referral:write', 'referral') };
  const meetingRead = { policy: requirePermission('meeting:read', 'referral') };
  const meetingManage = { policy: requirePermission('meeting:manage', 'referral') };
  const assign = { policy: requirePermission('case:assign', 'case_file') };
  const admin = { policy: requirePermission('user:admin', 'configuration') };
  const limiter = createRateLimiter(10, 10 * 60_000);

  // ---- public referral form ----
  r.get(
    '/api/public/referral-form/:tenantSlug',
    {
      config: { policy: publicRoute('the public referral form needs the teams to choose from') },
      schema: { tags, params: slugParams, response: { 200: publicReferralFormInfo } },
    },
    async (request) => {
      const info = await deps.db.inSystem(async (tx) => {
        const tenant = await tx
          .selectFrom('tenant')
          .select(['id', 'name'])
          .where('slug', '=', request.params.tenantSlug)
          .executeTakeFirst();
        if (!tenant) return undefined;
        const teams = await tx
          .selectFrom('team')
          .select(['id', 'name', 'area', 'accepts_self_referrals'])
          .where('tenant_id', '=', tenant.id)
          .where('accepts_web_referrals', '=', true)
          .orderBy('name')
          .execute();
        return {
          tenantName: tenant.name,
          teams: teams.map((t) => ({
            id: t.id,
            name: t.name,
            area: t.area,
            acceptsSelfReferrals: t.accepts_self_referrals,
          })),
        };
      });
      if (!info) throw new AppError('not_found');
      return info;
    },
  );

  r.post(
    '/api/public/referrals/:tenantSlug',
    {
      config: { policy: publicRoute('referrers without an account submit referrals') },
      bodyLimit: 25 * 1024 * 1024,
      schema: { tags, params: slugParams, body: publicReferralRequest, response: { 201: publicReferralResponse } },
    },
    async (request, reply) => {
      if (!limiter.take(request.ip)) throw new AppError('rate_limited');
      const ua = request.headers['user-agent'];
      const result = await receiveReferral(
        deps,
        { tenantSlug: request.params.tenantSlug, ip: request.ip, userAgent: typeof ua === 'string' ? ua : null },
        request.body,
      );
      return reply.status(201).send(result);
    },
  );

  // ---- volunteer host ----
  r.post(
    '/api/host-questions',
    {
      config: { policy: requirePermission('host_question:write', 'host_question') },
      schema: {
        tags,
        body: hostQuestionRequest,
        response: { 201: z.object({ handedOverReference: z.string().nullable() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordHostQuestion(deps, accessContext(request), request.body)),
  );
  r.get(
    '/api/host-questions/today',
    {
      config: { policy: requirePermission('host_question:write', 'host_question') },
      schema: { tags, querystring: z.object({ teamId: uuid }), response: { 200: hostQuestionTally } },
    },
    async (request) => countHostQuestionsToday(deps, accessContext(request), request.query.teamId),
  );

  // ---- intake desk ----
  r.get(
    '/api/referrals',
    {
      config: referralRead,
      schema: {
        tags,
        querystring: z.object({ status: referralStatus.optional(), teamId: uuid.optional() }),
        response: { 200: referralInbox },
      },
    },
    async (request) => listReferrals(deps, accessContext(request), request.query),
  );
  r.post(
    '/api/referrals',
    { config: referralWrite, schema: { tags, body: registerReferralRequest, response: { 201: referralView } } },
    async (request, reply) =>
      reply.status(201).send(await registerReferral(deps, accessContext(request), request.body)),
  );
  r.get(
    '/api/referrals/:id',
    { config: referralRead, schema: { tags, params: idParams, response: { 200: referralView } } },
    async (request) => viewReferral(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/referrals/:id/status',
    {
      config: referralWrite,
      schema: { tags, params: idParams, body: changeReferralStatusRequest, response: { 200: referralView } },
    },
    async (request) => changeReferralStatus(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/referrals/:id/contacts',
    {
      config: referralWrite,
      schema: { tags, params: idParams, body: addReferralContactRequest, response: { 200: referralView } },
    },
    async (request) => addReferralContact(deps, accessContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/referrals/:id/regiecheck',
    { config: referralWrite, schema: { tags, params: idParams, response: { 200: regiecheckResponse } } },
    async (request) => runRegiecheck(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/referrals/:id/regiecheck',
    {
      config: referralWrite,
      schema: { tags, params: idParams, body: completeRegiecheckRequest, response: { 200: referralView } },
    },
    async (request) => completeRegiecheck(deps, accessContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/referrals/:id/attachments/:attachmentId',
    { config: referralRead, schema: { tags, params: z.object({ id: uuid, attachmentId: uuid }) } },
    async (request, reply) => {
      const file = await downloadReferralAttachment(
        deps,
        accessContext(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .type(file.media_type)
        .header('content-disposition', contentDisposition(file.filename))
        .send(file.content);
    },
  );
  r.post(
    '/api/referrals/:id/close',
    {
      config: referralWrite,
      schema: { tags, params: idParams, body: closeReferralRequest, response: { 200: referralView } },
    },
    async (request) => closeReferral(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/referrals/:id/correction',
    {
      config: referralWrite,
      schema: { tags, params: idParams, body: correctReferralRequest, response: { 200: referralView } },
    },
    async (request) => correctReferral(deps, accessContext(request), request.params.id, request.body),
  );
  // The case's workers complete and correct the referral their case came from (issue #17 item 4); the case decides who.
  const caseWork = { policy: requirePermission('case:read', 'case_file') };
  r.get(
    '/api/cases/:id/referrals',
    { config: caseWork, schema: { tags, params: idParams, response: { 200: caseReferrals } } },
    async (request) => listCaseReferrals(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/cases/:id/referrals/:referralId/correction',
    {
      config: caseWork,
      schema: {
        tags,
        params: z.object({ id: uuid, referralId: uuid }),
        body: correctReferralRequest,
        response: { 200: referralView },
      },
    },
    async (request) =>
      correctReferralFromCase(deps, accessContext(request), request.params.id, request.params.referralId, request.body),
  );

  // ---- consultations without a case ("even overleggen") ----
  r.get(
    '/api/team-consultations',
    { config: referralRead, schema: { tags, response: { 200: teamConsultationList } } },
    async (request) => listTeamConsultations(deps, accessContext(request)),
  );
  r.post(
    '/api/team-consultations',
    { config: referralWrite, schema: { tags, body: teamConsultationRequest, response: { 201: teamConsultationView } } },
    async (request, reply) =>
      reply.status(201).send(await recordTeamConsultation(deps, accessContext(request), request.body)),
  );

  // ---- staff to choose from ----
  r.get(
    '/api/staff',
    {
      config: meetingRead,
      schema: {
        tags,
        response: {
          200: z.object({
            users: z.array(
              z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()), teamIds: z.array(z.string()) }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const ctx = accessContext(request);
      if (ctx.actor.teamIds.length === 0) return { users: [] };
      const users = await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
        tx
          .selectFrom('app_user as u')
          .innerJoin('user_team as ut', 'ut.user_id', 'u.id')
          .select([
            'u.id',
            'u.display_name as name',
            (eb) =>
              eb.fn
                .agg<string[]>('array_agg', [eb.ref('ut.team_id')])
                .distinct()
                .as('team_ids'),
            (eb) =>
              eb
                .selectFrom('user_role as r')
                .select((e) => e.fn.agg<string[]>('array_agg', [e.ref('r.role')]).as('roles'))
                .whereRef('r.user_id', '=', 'u.id')
                .as('roles'),
          ])
          .where('ut.team_id', 'in', [...ctx.actor.teamIds])
          .where('u.active', '=', true)
          .groupBy(['u.id', 'u.display_name'])
          .orderBy('u.display_name')
          .execute(),
      );
      return { users: users.map((u) => ({ id: u.id, name: u.name, roles: u.roles ?? [], teamIds: u.team_ids })) };
    },
  );

  // ---- intake meeting ----
  r.get('/api/meetings', { config: meetingRead, schema: { tags, response: { 200: meetingList } } }, async (request) =>
    listIntakeMeetings(deps, accessContext(request)),
  );
  r.post(
    '/api/meetings',
    { config: meetingManage, schema: { tags, body: createMeetingRequest, response: { 201: meetingView } } },
    async (request, reply) => reply.status(201).send(await planMeeting(deps, accessContext(request), request.body)),
  );
  r.get(
    '/api/meetings/:id',
    { config: meetingRead, schema: { tags, params: idParams, response: { 200: meetingView } } },
    async (request) => viewMeeting(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/meetings/:id/items',
    {
      config: meetingManage,
      schema: { tags, params: idParams, body: addMeetingItemRequest, response: { 200: meetingView } },
    },
    async (request) => putOnAgenda(deps, accessContext(request), request.params.id, request.body.referralId),
  );
  r.post(
    '/api/meetings/:id/items/:referralId/decision',
    {
      config: meetingRead,
      schema: {
        tags,
        params: z.object({ id: uuid, referralId: uuid }),
        body: decideReferralRequest,
        response: { 200: meetingView },
      },
    },
    async (request) =>
      decideReferral(deps, accessContext(request), request.params.id, request.params.referralId, request.body),
  );
  r.get(
    '/api/meetings/:id/minutes.pdf',
    { config: meetingRead, schema: { tags, params: idParams } },
    async (request, reply) => {
      const { filename, pdf } = await printMinutes(deps, accessContext(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(filename, 'inline'))
        .send(pdf);
    },
  );

  // ---- letters ----
  r.get(
    '/api/referrals/:id/letter-draft',
    {
      config: referralWrite,
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ kind: letterKind.optional() }),
        response: { 200: letterDraft },
      },
    },
    async (request) => draftLetter(deps, accessContext(request), request.params.id, request.query.kind),
  );
  r.post(
    '/api/referrals/:id/letters',
    {
      config: referralWrite,
      schema: { tags, params: idParams, body: sendLetterRequest, response: { 201: letterView } },
    },
    async (request, reply) =>
      reply.status(201).send(await sendLetter(deps, accessContext(request), request.params.id, request.body)),
  );
  r.get(
    '/api/letters/:id/pdf',
    { config: referralRead, schema: { tags, params: idParams } },
    async (request, reply) => {
      const { filename, pdf } = await downloadLetter(deps, accessContext(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(filename, 'inline'))
        .send(pdf);
    },
  );
  r.get(
    '/api/admin/letter-templates',
    { config: admin, schema: { tags, response: { 200: z.object({ templates: z.array(letterTemplate) }) } } },
    async (request) => listTemplates(deps, accessContext(request)),
  );
  r.put(
    '/api/admin/letter-templates/:kind',
    {
      config: admin,
      schema: {
        tags,
        params: z.object({ kind: letterTemplateKind }),
        body: updateLetterTemplateRequest,
        response: { 200: letterTemplate },
      },
    },
    async (request) => updateTemplate(deps, accessContext(request), request.params.kind, request.body),
  );
  if (deps.config.env !== 'production') {
    r.get(
      '/api/dev/outbox',
      {
        // Residents' login codes and letters: only the functional administrator, every read logged (issue #21 item 9).
        config: { policy: requirePermission('user:admin', 'contact') },
        schema: {
          tags,
          response: {
            200: z.object({
              messages: z.array(
                z.object({
                  id: z.string(),
                  to: z.string(),
                  subject: z.string(),
                  text: z.string(),
                  sentAt: z.string(),
                  attachmentNames: z.array(z.string()),
                }),
              ),
            }),
          },
        },
      },
      async (request) => listOutbox(deps, accessContext(request)),
    );
  }

  // ---- assignment meeting ----
  r.get(
    '/api/assignments',
    {
      config: assign,
      schema: { tags, querystring: z.object({ teamId: uuid.optional() }), response: { 200: assignmentOverview } },
    },
    async (request) => listAssignments(deps, accessContext(request), request.query.teamId),
  );
  r.post(
    '/api/referrals/:id/assignment',
    {
      config: assign,
      schema: {
        tags,
        params: idParams,
        body: assignReferralRequest,
        response: { 201: z.object({ caseId: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assignCaseWorker(deps, accessContext(request), request.params.id, request.body)),
  );
  // One household, one plan, one coordinator (issue #17 item 7): the referral joins the household's open case.
  r.post(
    '/api/referrals/:id/join-case',
    {
      config: assign,
      schema: {
        tags,
        params: idParams,
        body: joinOpenCaseRequest,
        response: { 200: z.object({ caseId: z.string() }) },
      },
    },
    async (request) => joinOpenCase(deps, accessContext(request), request.params.id, request.body),
  );
}
