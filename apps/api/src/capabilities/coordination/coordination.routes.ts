import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreedActionInput,
  agreedActionUpdateInput,
  careTransferInput,
  caseCoordinationView,
  caseloadMoveInput,
  caseloadMoveResult,
  caseloadView,
  contactPersonChangeInput,
  processCoordinatorInput,
  caseReviewItemInput,
  caseReviewMeetingList,
  caseReviewMeetingView,
  caseReviewOutcomeInput,
  consultationAdviceInput,
  consultationRequestInput,
  endCareTransferInput,
  forwardSignalInput,
  idParams,
  myConsultations,
  planCaseReviewRequest,
  policySignalInput,
  policySignalList,
  scalingDecisionInput,
  tandemWorkerInput,
  uuid,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requirePermission } from '../access-control';
import { addTimelineSource } from '../case-files';
import { viewCaseCoordination } from './case-coordination';
import { coordinationTimeline } from './coordination.timeline';
import {
  listCaseReviewMeetings,
  planCaseReview,
  putOnAgenda,
  recordOutcome,
  viewCaseReviewMeeting,
  withdrawFromAgenda,
} from './case-review';
import { listMyConsultations, recordAdvice, requestConsultation } from './consultations';
import {
  addAgreedAction,
  addCareTransfer,
  changeAgreedAction,
  endCareTransfer,
  recordScalingDecision,
  setTandem,
} from './escalation';
import { forwardSignal, listMySignals, listSignals, recordSignal } from './policy-signals';
import {
  changeContactPerson,
  linkProcessCoordinator,
  moveCaseload,
  unlinkProcessCoordinator,
  viewCaseload,
} from './staff-changes';

export function registerCoordinationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Overleg en coördinatie'];
  // Record-level rules (team membership, the relation to the case, the consulted scientist) are checked in the use cases.
  const meeting = { policy: requirePermission('case:read', 'meeting') };
  const onCase = { policy: requirePermission('case:read', 'coordination') };
  const signalWrite = { policy: requirePermission('policy_signal:write', 'policy_signal') };
  const signalRead = { policy: requirePermission('policy_signal:read', 'policy_signal') };
  const view = { 200: caseCoordinationView };
  const withVersion = z.object({ version: z.coerce.number().int().min(1) });
  // Agenda items and outcomes, consultations, handovers, scaling decisions etc. appear in the case timeline.
  addTimelineSource(coordinationTimeline);

  // ---- case review meeting (casuïstiekoverleg) ----
  r.get(
    '/api/case-reviews',
    { config: meeting, schema: { tags, response: { 200: caseReviewMeetingList } } },
    async (request) => listCaseReviewMeetings(deps, accessContext(request)),
  );
  r.post(
    '/api/case-reviews',
    { config: meeting, schema: { tags, body: planCaseReviewRequest, response: { 201: caseReviewMeetingView } } },
    async (request, reply) => reply.status(201).send(await planCaseReview(deps, accessContext(request), request.body)),
  );
  r.get(
    '/api/case-reviews/:id',
    { config: meeting, schema: { tags, params: idParams, response: { 200: caseReviewMeetingView } } },
    async (request) => viewCaseReviewMeeting(deps, accessContext(request), request.params.id),
  );
  r.put(
    '/api/case-reviews/:id/items/:itemId/outcome',
    {
      config: meeting,
      schema: {
        tags,
        params: z.object({ id: uuid, itemId: uuid }),
        body: caseReviewOutcomeInput,
        response: { 200: caseReviewMeetingView },
      },
    },
    async (request) =>
      recordOutcome(deps, accessContext(request), request.params.id, request.params.itemId, request.body),
  );

  // ---- on a case: "Overleg en advies" and "Coördinatie en opschaling" ----
  r.get(
    '/api/cases/:id/coordination',
    { config: onCase, schema: { tags, params: idParams, response: view } },
    async (request) => viewCaseCoordination(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/cases/:id/case-review-items',
    { config: onCase, schema: { tags, params: idParams, body: caseReviewItemInput, response: view } },
    async (request) => putOnAgenda(deps, accessContext(request), request.params.id, request.body),
  );
  r.delete(
    '/api/cases/:id/case-review-items/:itemId',
    {
      config: onCase,
      schema: { tags, params: z.object({ id: uuid, itemId: uuid }), querystring: withVersion, response: view },
    },
    async (request) =>
      withdrawFromAgenda(deps, accessContext(request), request.params.id, request.params.itemId, request.query.version),
  );
  r.post(
    '/api/cases/:id/consultations',
    { config: onCase, schema: { tags, params: idParams, body: consultationRequestInput, response: view } },
    async (request) => requestConsultation(deps, accessContext(request), request.params.id, request.body),
  );
  r.put(
    '/api/cases/:id/consultations/:consultationId/advice',
    {
      config: onCase,
      schema: {
        tags,
        params: z.object({ id: uuid, consultationId: uuid }),
        body: consultationAdviceInput,
        response: view,
      },
    },
    async (request) =>
      recordAdvice(deps, accessContext(request), request.params.id, request.params.consultationId, request.body),
  );
  r.get(
    '/api/consultations/mine',
    { config: onCase, schema: { tags, response: { 200: myConsultations } } },
    async (request) => listMyConsultations(deps, accessContext(request)),
  );
  r.post(
    '/api/cases/:id/agreed-actions',
    { config: onCase, schema: { tags, params: idParams, body: agreedActionInput, response: view } },
    async (request) => addAgreedAction(deps, accessContext(request), request.params.id, request.body),
  );
  r.put(
    '/api/cases/:id/agreed-actions/:actionId',
    {
      config: onCase,
      schema: { tags, params: z.object({ id: uuid, actionId: uuid }), body: agreedActionUpdateInput, response: view },
    },
    async (request) =>
      changeAgreedAction(deps, accessContext(request), request.params.id, request.params.actionId, request.body),
  );
  r.post(
    '/api/cases/:id/care-transfers',
    { config: onCase, schema: { tags, params: idParams, body: careTransferInput, response: view } },
    async (request) => addCareTransfer(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/care-transfers/:transferId/end',
    {
      config: onCase,
      schema: { tags, params: z.object({ id: uuid, transferId: uuid }), body: endCareTransferInput, response: view },
    },
    async (request) =>
      endCareTransfer(deps, accessContext(request), request.params.id, request.params.transferId, request.body),
  );
  r.put(
    '/api/cases/:id/tandem-worker',
    { config: onCase, schema: { tags, params: idParams, body: tandemWorkerInput, response: view } },
    async (request) => setTandem(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/scaling-decisions',
    { config: onCase, schema: { tags, params: idParams, body: scalingDecisionInput, response: view } },
    async (request) => recordScalingDecision(deps, accessContext(request), request.params.id, request.body),
  );

  // ---- staff changes (issue #17 items 6 and 8): contact person, caseload, process coordinator ----
  const assign = { policy: requirePermission('case:assign', 'case_file') };
  r.put(
    '/api/cases/:id/case-worker',
    { config: onCase, schema: { tags, params: idParams, body: contactPersonChangeInput, response: view } },
    async (request) => changeContactPerson(deps, accessContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/caseload',
    {
      config: assign,
      schema: { tags, querystring: z.object({ workerId: uuid.optional() }), response: { 200: caseloadView } },
    },
    async (request) => viewCaseload(deps, accessContext(request), request.query.workerId),
  );
  r.post(
    '/api/caseload-moves',
    { config: assign, schema: { tags, body: caseloadMoveInput, response: { 200: caseloadMoveResult } } },
    async (request) => moveCaseload(deps, accessContext(request), request.body),
  );
  r.post(
    '/api/cases/:id/process-coordinators',
    { config: onCase, schema: { tags, params: idParams, body: processCoordinatorInput, response: view } },
    async (request) => linkProcessCoordinator(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/process-coordinators/unlink',
    { config: onCase, schema: { tags, params: idParams, body: processCoordinatorInput, response: view } },
    async (request) => unlinkProcessCoordinator(deps, accessContext(request), request.params.id, request.body),
  );

  // ---- signals to policy ----
  r.post(
    '/api/policy-signals',
    { config: signalWrite, schema: { tags, body: policySignalInput, response: { 201: policySignalList } } },
    async (request, reply) => reply.status(201).send(await recordSignal(deps, accessContext(request), request.body)),
  );
  r.get(
    '/api/policy-signals/mine',
    { config: signalWrite, schema: { tags, response: { 200: policySignalList } } },
    async (request) => listMySignals(deps, accessContext(request)),
  );
  r.get(
    '/api/policy-signals',
    { config: signalRead, schema: { tags, response: { 200: policySignalList } } },
    async (request) => listSignals(deps, accessContext(request)),
  );
  r.post(
    '/api/policy-signals/:id/forward',
    {
      config: signalRead,
      schema: { tags, params: idParams, body: forwardSignalInput, response: { 200: policySignalList } },
    },
    async (request) => forwardSignal(deps, accessContext(request), request.params.id, request.body.version),
  );
}
