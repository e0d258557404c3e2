import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  completeTaskRequest,
  createTaskRequest,
  failedJobList,
  idParams,
  taskDigestSetting,
  taskList,
  taskView,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { listFailedJobs } from '../../platform/jobs';
import { accessContext, requirePermission } from '../access-control';
import { setOpenTasksSource } from '../case-files';
import {
  completeTask,
  reopenTask,
  createCaseTask,
  createOwnTask,
  getTaskDigest,
  listMyTasks,
  listTeamTasks,
  openTasksOfCase,
  setTaskDigest,
} from './manage-tasks';

export function registerTaskRoutes(app: FastifyInstance, deps: Deps): void {
  setOpenTasksSource(openTasksOfCase);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Taken'];
  const own = { policy: requirePermission('case:read_own', 'task') };

  r.get('/api/tasks/mine', { config: own, schema: { tags, response: { 200: taskList } } }, async (request) =>
    listMyTasks(deps, accessContext(request)),
  );
  r.post(
    '/api/tasks',
    { config: own, schema: { tags, body: createTaskRequest.omit({ assigneeId: true }), response: { 201: taskView } } },
    async (request, reply) => reply.status(201).send(await createOwnTask(deps, accessContext(request), request.body)),
  );
  r.get(
    '/api/tasks/team',
    { config: { policy: requirePermission('task:read_team', 'task') }, schema: { tags, response: { 200: taskList } } },
    async (request) => listTeamTasks(deps, accessContext(request)),
  );
  r.post(
    '/api/cases/:id/tasks',
    {
      config: { policy: requirePermission('case:read', 'task') },
      schema: { tags, params: idParams, body: createTaskRequest, response: { 201: taskView } },
    },
    async (request, reply) =>
      reply.status(201).send(await createCaseTask(deps, accessContext(request), request.params.id, request.body)),
  );
  // Completing is allowed to the assignee, the case's workers or the coordinator; checked in the use case.
  r.post(
    '/api/tasks/:id/done',
    {
      config: { policy: requirePermission('case:read', 'task') },
      schema: { tags, params: idParams, body: completeTaskRequest, response: { 200: taskView } },
    },
    async (request) => completeTask(deps, accessContext(request), request.params.id, request.body.version),
  );
  r.post(
    '/api/tasks/:id/reopen',
    {
      config: { policy: requirePermission('case:read', 'task') },
      schema: { tags, params: idParams, body: completeTaskRequest, response: { 200: taskView } },
    },
    async (request) => reopenTask(deps, accessContext(request), request.params.id, request.body.version),
  );
  r.get('/api/tasks/digest', { config: own, schema: { tags, response: { 200: taskDigestSetting } } }, async (request) =>
    getTaskDigest(deps, accessContext(request)),
  );
  r.put(
    '/api/tasks/digest',
    { config: own, schema: { tags, body: taskDigestSetting, response: { 200: taskDigestSetting } } },
    async (request) => setTaskDigest(deps, accessContext(request), request.body.taskDigest),
  );
  r.get(
    '/api/admin/jobs/failed',
    {
      config: { policy: requirePermission('job:monitor', 'configuration') },
      schema: { tags: ['Beheer'], response: { 200: failedJobList } },
    },
    async () => ({
      jobs: await listFailedJobs((text) => deps.db.pool.query(text)),
    }),
  );
}
