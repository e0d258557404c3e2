import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addStatementInput,
  casePrivacyView,
  confirmDestructionInput,
  idParams,
  postponeDestructionInput,
  recordProcessingInput,
  retentionOverview,
  retentionSettingsInput,
  retentionSettingsView,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requirePermission } from '../access-control';
import { addCaseStatement, recordProcessing, viewCasePrivacy } from './case-privacy';
import {
  changeRetentionSettings,
  confirmDestruction,
  postponeDestruction,
  retentionOverview as overview,
} from './retention';

export function registerRetentionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Privacy: grondslag en bewaartermijnen'];
  // The relation to the case (worker, tandem, coordinator, behavioural scientist) is checked by withCase.
  const caseRead = { policy: requirePermission('case:read', 'case_file') };
  const officer = { policy: requirePermission('privacy:manage', 'case_file') };

  r.get(
    '/api/cases/:id/privacy',
    { config: caseRead, schema: { tags, params: idParams, response: { 200: casePrivacyView } } },
    async (request) => viewCasePrivacy(deps, accessContext(request), request.params.id),
  );
  r.put(
    '/api/cases/:id/privacy/processing',
    {
      config: caseRead,
      schema: { tags, params: idParams, body: recordProcessingInput, response: { 200: casePrivacyView } },
    },
    async (request) => recordProcessing(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/statements',
    {
      config: caseRead,
      schema: { tags, params: idParams, body: addStatementInput, response: { 200: casePrivacyView } },
    },
    async (request) => addCaseStatement(deps, accessContext(request), request.params.id, request.body),
  );

  r.get(
    '/api/retention',
    { config: officer, schema: { tags, response: { 200: retentionOverview } } },
    async (request) => overview(deps, accessContext(request)),
  );
  r.put(
    '/api/retention/settings',
    {
      config: { policy: requirePermission('privacy:manage', 'configuration') },
      schema: { tags, body: retentionSettingsInput, response: { 200: retentionSettingsView } },
    },
    async (request) => changeRetentionSettings(deps, accessContext(request), request.body),
  );
  r.post(
    '/api/retention/cases/:id/destroy',
    {
      config: officer,
      schema: {
        tags,
        params: idParams,
        body: confirmDestructionInput,
        response: { 200: z.object({ destroyed: z.literal(true), personsDestroyed: z.number(), rows: z.number() }) },
      },
    },
    async (request) => confirmDestruction(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/retention/cases/:id/postpone',
    {
      config: officer,
      schema: {
        tags,
        params: idParams,
        body: postponeDestructionInput,
        response: { 200: z.object({ postponedUntil: z.string() }) },
      },
    },
    async (request) => postponeDestruction(deps, accessContext(request), request.params.id, request.body),
  );
}
