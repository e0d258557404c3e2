import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseCourseView,
  caseLetterDraft,
  caseLetterKind,
  caseLetterView,
  checkInInput,
  closeCaseInput,
  closingQuestionInput,
  endWatchInput,
  idParams,
  reactivateInput,
  recordEvaluationInput,
  sendCaseLetterInput,
  uuid,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requirePermission } from '../access-control';
import { addTimelineSource } from '../case-files';
import { setClosureLookup } from '../intake';
import { latestClosuresOf } from './course-view';
import { answerClosingQuestion, closeCase } from './close-case';
import { downloadClosureLetter, draftClosureLetter, sendClosureLetter } from './closure-letters';
import { recordEvaluation, viewCourse } from './evaluate';
import { lifecycleTimeline } from './lifecycle-timeline';
import { endWatch, reactivateCase, recordCheckIn } from './watch';
import { contentDisposition } from '../../platform/http/content-disposition';

export function registerLifecycleRoutes(app: FastifyInstance, deps: Deps): void {
  addTimelineSource(lifecycleTimeline);
  setClosureLookup(latestClosuresOf);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Evaluatie en afsluiting'];
  // Record-level rules (worker, tandem, coordinator; the team's behavioural scientist reads) are checked by withCase.
  const read = { policy: requirePermission('case:read', 'case_file') };
  const course = { 200: caseCourseView };

  r.get(
    '/api/cases/:id/course',
    { config: read, schema: { tags, params: idParams, response: course } },
    async (request) => viewCourse(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/cases/:id/evaluations',
    {
      config: read,
      schema: { tags, params: idParams, body: recordEvaluationInput, response: { 201: caseCourseView } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordEvaluation(deps, accessContext(request), request.params.id, request.body)),
  );
  r.post(
    '/api/cases/:id/closing-question',
    { config: read, schema: { tags, params: idParams, body: closingQuestionInput, response: course } },
    async (request) => answerClosingQuestion(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/closure',
    { config: read, schema: { tags, params: idParams, body: closeCaseInput, response: course } },
    async (request) => closeCase(deps, accessContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/cases/:id/closure-letters/draft',
    {
      config: read,
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ kind: caseLetterKind }),
        response: { 200: caseLetterDraft },
      },
    },
    async (request) => draftClosureLetter(deps, accessContext(request), request.params.id, request.query.kind),
  );
  r.post(
    '/api/cases/:id/closure-letters',
    { config: read, schema: { tags, params: idParams, body: sendCaseLetterInput, response: { 201: caseLetterView } } },
    async (request, reply) =>
      reply.status(201).send(await sendClosureLetter(deps, accessContext(request), request.params.id, request.body)),
  );
  r.get(
    '/api/cases/:id/closure-letters/:letterId/pdf',
    { config: read, schema: { tags, params: z.object({ id: uuid, letterId: uuid }) } },
    async (request, reply) => {
      const { filename, pdf } = await downloadClosureLetter(
        deps,
        accessContext(request),
        request.params.id,
        request.params.letterId,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(filename, 'inline'))
        .send(pdf);
    },
  );
  r.post(
    '/api/cases/:id/watch/check-ins',
    { config: read, schema: { tags, params: idParams, body: checkInInput, response: course } },
    async (request) => recordCheckIn(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/watch/end',
    { config: read, schema: { tags, params: idParams, body: endWatchInput, response: course } },
    async (request) => endWatch(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/reactivation',
    { config: read, schema: { tags, params: idParams, body: reactivateInput, response: course } },
    async (request) => reactivateCase(deps, accessContext(request), request.params.id, request.body),
  );
}
