import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  analysisConclusionInput,
  caseOverview,
  childSafetyInput,
  idParams,
  informationConsentInput,
  meldcodeConsultationInput,
  meldcodeConversationInput,
  meldcodeDecisionInput,
  meldcodeSignalInput,
  meldcodeView,
  myCases,
  networkMeetingChange,
  networkMeetingInput,
  networkPersonInput,
  outreachAttemptInput,
  professionalInput,
  recordParticipationRequest,
  recordZrmRequest,
  uuid,
  zrmCriteriaImport,
  zrmInstrument,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requireAnyPermission, requirePermission } from '../access-control';
import { setFoundCasesSource } from '../persons';
import { withCase, logCaseAccess } from './case-access';
import { visibleCasesOfPersons } from './found-person-cases';
import { renderEcogram } from './ecogram';
import { findMyCases } from './list-my-cases';
import { addMeldcodeEntry, decideMeldcode, startMeldcode, viewMeldcode } from './meldcode';
import {
  addNetworkPerson,
  addProfessional,
  importZrmCriteria,
  recordChildSafety,
  recordInformationConsent,
  recordOutreachAttempt,
  recordParticipation,
  recordZrmAssessment,
  removeNetworkPerson,
  removeProfessional,
  withdrawInformationConsent,
  zrmCriteria,
} from './record-analysis';
import { buildOverview, viewCase } from './view-case';
import { changeNetworkMeeting, recordAnalysisConclusion, recordNetworkMeeting } from './record-conclusion-and-meetings';
import { municipalToday } from '../../shared/clock';

export function registerCaseFileRoutes(app: FastifyInstance, deps: Deps): void {
  setFoundCasesSource(visibleCasesOfPersons);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Dossiers'];
  const read = { policy: requirePermission('case:read', 'case_file') };
  const entryParams = z.object({ id: uuid, entryId: uuid });
  const recordParams = z.object({ id: uuid, recordId: uuid });
  const overview = { 200: caseOverview };

  // "Mijn dossiers": the worker's own cases; for the municipal consultant the cases they are linked to as process coordinator.
  r.get(
    '/api/cases/mine',
    {
      config: { policy: requireAnyPermission(['case:read_own', 'case:read_linked'], 'case_file') },
      schema: { tags, response: { 200: myCases } },
    },
    async (request) => findMyCases(deps, accessContext(request)),
  );
  // The case overview is also read by the process coordinator linked to the case (ADR 0033).
  r.get(
    '/api/cases/:id',
    {
      config: { policy: requireAnyPermission(['case:read', 'case:read_linked'], 'case_file') },
      schema: { tags, params: idParams, response: overview },
    },
    async (request) => viewCase(deps, accessContext(request), request.params.id),
  );
  r.get('/api/cases/:id/ecogram.svg', { config: read, schema: { tags, params: idParams } }, async (request, reply) => {
    const ctx = accessContext(request);
    const svg = await withCase(deps, ctx, request.params.id, 'view', 'network', async (tx, c) => {
      const o = await buildOverview(tx, ctx, c, municipalToday(deps.clock));
      await logCaseAccess(tx, ctx, c, {
        action: 'print',
        event: 'network.ecogram_drawn',
        dataCategory: 'network',
        permission: 'case:read',
      });
      return renderEcogram({
        householdName: o.household?.name ?? 'Huishouden',
        members: o.household?.members.map((m) => ({ name: m.fullName, isMinor: m.isMinor })) ?? [],
        network: o.network.map((n) => ({
          name: n.name,
          relation: n.relationNote ?? NETWORK_LABELS[n.relationType] ?? n.relationType,
          quality: n.quality,
          keyFigure: n.keyFigure,
        })),
        professionals: o.professionals.map((p) => ({
          name: p.name ? `${p.name} (${p.organisation})` : p.organisation,
          role: p.role,
        })),
      });
    });
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(svg);
  });

  r.post(
    '/api/cases/:id/network',
    { config: read, schema: { tags, params: idParams, body: networkPersonInput, response: overview } },
    async (request) => addNetworkPerson(deps, accessContext(request), request.params.id, request.body),
  );
  r.delete(
    '/api/cases/:id/network/:entryId',
    { config: read, schema: { tags, params: entryParams, response: overview } },
    async (request) => removeNetworkPerson(deps, accessContext(request), request.params.id, request.params.entryId),
  );
  // Network meetings and family group conferences (issue #22 item 7): recorded, then moved on, corrected or cancelled.
  r.post(
    '/api/cases/:id/network-meetings',
    { config: read, schema: { tags, params: idParams, body: networkMeetingInput, response: overview } },
    async (request) => recordNetworkMeeting(deps, accessContext(request), request.params.id, request.body),
  );
  r.put(
    '/api/cases/:id/network-meetings/:entryId',
    { config: read, schema: { tags, params: entryParams, body: networkMeetingChange, response: overview } },
    async (request) =>
      changeNetworkMeeting(deps, accessContext(request), request.params.id, request.params.entryId, request.body),
  );
  // The analysis' conclusion (issue #22 item 6): versioned, every save kept as history.
  r.put(
    '/api/cases/:id/analysis-conclusion',
    { config: read, schema: { tags, params: idParams, body: analysisConclusionInput, response: overview } },
    async (request) => recordAnalysisConclusion(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/professionals',
    { config: read, schema: { tags, params: idParams, body: professionalInput, response: overview } },
    async (request) => addProfessional(deps, accessContext(request), request.params.id, request.body),
  );
  r.delete(
    '/api/cases/:id/professionals/:entryId',
    { config: read, schema: { tags, params: entryParams, response: overview } },
    async (request) => removeProfessional(deps, accessContext(request), request.params.id, request.params.entryId),
  );
  r.post(
    '/api/cases/:id/zrm',
    { config: read, schema: { tags, params: idParams, body: recordZrmRequest, response: overview } },
    async (request) => recordZrmAssessment(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/participation',
    { config: read, schema: { tags, params: idParams, body: recordParticipationRequest, response: overview } },
    async (request) => recordParticipation(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/child-safety',
    { config: read, schema: { tags, params: idParams, body: childSafetyInput, response: overview } },
    async (request) => recordChildSafety(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/outreach',
    { config: read, schema: { tags, params: idParams, body: outreachAttemptInput, response: overview } },
    async (request) => recordOutreachAttempt(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/consents',
    { config: read, schema: { tags, params: idParams, body: informationConsentInput, response: overview } },
    async (request) => recordInformationConsent(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/consents/:entryId/withdraw',
    { config: read, schema: { tags, params: entryParams, response: overview } },
    async (request) =>
      withdrawInformationConsent(deps, accessContext(request), request.params.id, request.params.entryId),
  );

  r.get(
    '/api/zrm/:instrument',
    {
      config: read,
      schema: {
        tags,
        params: z.object({ instrument: zrmInstrument }),
        response: {
          200: z.object({
            instrument: zrmInstrument,
            domains: z.array(z.string()),
            criteria: z.array(z.object({ domain: z.string(), level: z.number(), text: z.string() })),
          }),
        },
      },
    },
    async (request) => zrmCriteria(deps, accessContext(request), request.params.instrument),
  );
  r.put(
    '/api/admin/zrm-criteria',
    {
      config: { policy: requirePermission('zrm:configure', 'configuration') },
      bodyLimit: 2 * 1024 * 1024,
      schema: { tags, body: zrmCriteriaImport, response: { 200: z.object({ imported: z.number() }) } },
    },
    async (request) => importZrmCriteria(deps, accessContext(request), request.body),
  );

  const meldcode = { 200: meldcodeView };
  r.post(
    '/api/cases/:id/meldcode',
    {
      config: read,
      schema: { tags, params: idParams, body: z.object({}).optional(), response: { 201: meldcodeView } },
    },
    async (request, reply) =>
      reply.status(201).send(await startMeldcode(deps, accessContext(request), request.params.id)),
  );
  r.get(
    '/api/cases/:id/meldcode/:recordId',
    { config: read, schema: { tags, params: recordParams, response: meldcode } },
    async (request) => viewMeldcode(deps, accessContext(request), request.params.id, request.params.recordId),
  );
  r.post(
    '/api/cases/:id/meldcode/:recordId/signals',
    { config: read, schema: { tags, params: recordParams, body: meldcodeSignalInput, response: meldcode } },
    async (request) =>
      addMeldcodeEntry(deps, accessContext(request), request.params.id, request.params.recordId, {
        kind: 'signal',
        ...request.body,
      }),
  );
  r.post(
    '/api/cases/:id/meldcode/:recordId/consultations',
    { config: read, schema: { tags, params: recordParams, body: meldcodeConsultationInput, response: meldcode } },
    async (request) =>
      addMeldcodeEntry(deps, accessContext(request), request.params.id, request.params.recordId, {
        kind: 'consultation',
        ...request.body,
      }),
  );
  r.post(
    '/api/cases/:id/meldcode/:recordId/conversations',
    { config: read, schema: { tags, params: recordParams, body: meldcodeConversationInput, response: meldcode } },
    async (request) =>
      addMeldcodeEntry(deps, accessContext(request), request.params.id, request.params.recordId, {
        kind: 'conversation',
        ...request.body,
      }),
  );
  r.post(
    '/api/cases/:id/meldcode/:recordId/decision',
    { config: read, schema: { tags, params: recordParams, body: meldcodeDecisionInput, response: meldcode } },
    async (request) =>
      decideMeldcode(deps, accessContext(request), request.params.id, request.params.recordId, request.body),
  );
}

const NETWORK_LABELS: Record<string, string> = {
  family: 'familie',
  friend: 'vriend(in)',
  neighbour: 'buurtgenoot',
  volunteer: 'vrijwilliger',
  informal_carer: 'mantelzorger',
  colleague: 'collega',
  other: 'anders',
};
