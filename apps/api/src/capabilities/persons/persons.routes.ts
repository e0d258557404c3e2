import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addHouseholdMemberRequest,
  changeHouseholdRelationRequest,
  createHouseholdRequest,
  createPersonRequest,
  duplicatesResponse,
  householdView,
  idParams,
  personSearchRequest,
  personSearchResponse,
  personView,
  updatePersonRequest,
  uuid,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requirePermission } from '../access-control';
import { changePerson } from './change-person';
import {
  addHouseholdMember,
  changeHouseholdRelation,
  createHousehold,
  removeHouseholdMember,
} from './manage-household';
import { registerPerson } from './register-person';
import { findPersons } from './search-persons';
import { revealBsn, viewPerson } from './view-person';

export function registerPersonRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { policy: requirePermission('person:read', 'identity') };
  const write = { policy: requirePermission('person:write', 'identity') };
  const tags = ['Personen en huishoudens'];

  r.post(
    '/api/persons/search',
    { config: read, schema: { tags, body: personSearchRequest, response: { 200: personSearchResponse } } },
    async (request) => findPersons(deps, accessContext(request), request.body),
  );

  r.post(
    '/api/persons',
    {
      config: write,
      schema: { tags, body: createPersonRequest, response: { 201: personView, 409: duplicatesResponse } },
    },
    async (request, reply) => reply.status(201).send(await registerPerson(deps, accessContext(request), request.body)),
  );

  r.get(
    '/api/persons/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: personView } } },
    async (request) => viewPerson(deps, accessContext(request), request.params.id),
  );

  r.get(
    '/api/persons/:id/bsn',
    {
      // The full BSN: only for the roles that register and change persons (ADR 0051); logged every time.
      config: write,
      schema: {
        tags,
        summary: 'Toon BSN: the full BSN of a person (elsewhere it is masked), logged as person.bsn_shown',
        params: idParams,
        querystring: z.object({ purpose: z.enum(['show', 'edit']).default('show') }),
        response: { 200: z.object({ bsn: z.string().nullable() }) },
      },
    },
    async (request) => revealBsn(deps, accessContext(request), request.params.id, request.query.purpose),
  );

  r.put(
    '/api/persons/:id',
    { config: write, schema: { tags, params: idParams, body: updatePersonRequest, response: { 200: personView } } },
    async (request) => changePerson(deps, accessContext(request), request.params.id, request.body),
  );

  r.post(
    '/api/households',
    { config: write, schema: { tags, body: createHouseholdRequest, response: { 200: householdView } } },
    async (request) => createHousehold(deps, accessContext(request), request.body),
  );

  r.post(
    '/api/households/:id/members',
    {
      config: write,
      schema: { tags, params: idParams, body: addHouseholdMemberRequest, response: { 200: householdView } },
    },
    async (request) => addHouseholdMember(deps, accessContext(request), request.params.id, request.body),
  );

  r.put(
    '/api/households/:id/members/:personId',
    {
      config: write,
      schema: {
        tags,
        params: z.object({ id: uuid, personId: uuid }),
        body: changeHouseholdRelationRequest,
        response: { 200: householdView },
      },
    },
    async (request) =>
      changeHouseholdRelation(deps, accessContext(request), request.params.id, request.params.personId, request.body),
  );

  r.delete(
    '/api/households/:id/members/:personId',
    {
      config: write,
      schema: {
        tags,
        params: z.object({ id: uuid, personId: uuid }),
        querystring: z.object({ version: z.coerce.number().int() }),
        response: { 200: householdView },
      },
    },
    async (request) =>
      removeHouseholdMember(
        deps,
        accessContext(request),
        request.params.id,
        request.params.personId,
        request.query.version,
      ),
  );
}
