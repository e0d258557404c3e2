import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { projectRoot } from '../paths';
import { OPERATION_SUMMARIES } from './operation-summaries';

/**
 * The OpenAPI document of the API (ADR 0052), generated from the routes' zod contracts by @fastify/swagger and completed
 * here in one place for every operation, so that no route has to repeat it:
 * - an `operationId` (camelCase, from the method and the path) and a `summary` (the route's own, or the line in
 *   operation-summaries.ts);
 * - who may call it: public operations carry `security: []`, Mijn Nabij's the resident session, the rest the staff one;
 * - the error answers: every 4xx/5xx an operation can give, as shared responses with the one error shape `Foutmelding`
 *   (`{ code, message, fieldErrors }`, platform/http/errors.ts);
 * - the `API-Version` header of every answer (Dutch API Design Rules, /core/version-header).
 * It is served at `/openapi.json` (/core/publish-openapi) and linted with Redocly in the tests (redocly.yaml).
 */

export const OPENAPI_PATH = '/openapi.json';

/** The API's version: the project's (semantic versioning); every answer carries it in `API-Version`. */
export const API_VERSION: string = (
  JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }
).version;

const DESCRIPTION = `API van Nabij, het registratiesysteem voor sociale wijkteams. De webapplicatie van Nabij gebruikt deze API zelf; koppelingen van de gemeente kunnen dat ook.

**Inloggen.** De API werkt met de sessie van een medewerker (cookie \`nabij_session\`, met HTTPS \`__Host-nabij_session\`) of van een inwoner in Mijn Nabij (cookie \`nabij_resident\`, met HTTPS \`__Host-nabij_resident\`). Een sessie begint met \`POST /api/auth/login\` (en de tweede stap) of via de eigen identity provider van de organisatie (OpenID Connect). Elke wijziging (POST, PUT, DELETE) vraagt bovendien de header \`x-csrf-token\` met het token uit \`GET /api/auth/session\`. Elke route heeft een vastgelegd toegangsbeleid; elke lees-, zoek-, wijzig- of exportactie op persoonsgegevens komt in het logboek (NEN 7513).

**Fouten.** Elke fout heeft dezelfde vorm, \`Foutmelding\`: \`{ "code": "...", "message": "...", "fieldErrors": { "veld": ["..."] } }\` — een vaste \`code\` om op te programmeren, een Nederlandse \`message\` om te tonen, en bij ongeldige invoer (400) per veld wat er mis is. Bij een fout is niets opgeslagen. Een verouderde \`version\` bij een wijziging geeft 409 \`version_conflict\`.

**Versies.** Het document volgt semantic versioning (\`info.version\`); elk antwoord draagt de header \`API-Version\`. Zie docs/api.md in de repository.`;

const errorResponse = (description: string, withRetryAfter = false) => ({
  description,
  headers: {
    'API-Version': { $ref: '#/components/headers/API-Version' },
    ...(withRetryAfter ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : {}),
  },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Foutmelding' } } },
});

/** The shared error answers, by status. */
const ERROR_RESPONSES = {
  BadRequest: [
    '400',
    errorResponse(
      'Ongeldige invoer (`validation_failed`); niets is opgeslagen. `fieldErrors` noemt per veld wat er mis is.',
    ),
  ],
  Unauthorized: ['401', errorResponse('Niet ingelogd, of de sessie is verlopen (`not_authenticated`).')],
  Forbidden: [
    '403',
    errorResponse(
      'Geen toegang: de rol, de relatie met het dossier of de tweede stap ontbreekt, of het CSRF-token klopt niet. De weigering staat in het logboek.',
    ),
  ],
  NotFound: [
    '404',
    errorResponse('Het gegeven bestaat niet (meer), of hoort bij een andere gemeente (`not_found` en verwante codes).'),
  ],
  Conflict: [
    '409',
    errorResponse(
      'Iemand anders wijzigde het gegeven intussen (`version_conflict`), of het bestaat al; niets is opgeslagen.',
    ),
  ],
  PayloadTooLarge: ['413', errorResponse('Het verzoek is te groot (`payload_too_large`).')],
  UnsupportedMediaType: [
    '415',
    errorResponse('Het verzoek heeft een ander formaat dan JSON (`unsupported_media_type`).'),
  ],
  TooManyRequests: [
    '429',
    errorResponse(
      'Te veel verzoeken in korte tijd (`rate_limited`); probeer het na `Retry-After` seconden opnieuw.',
      true,
    ),
  ],
  InternalServerError: [
    '500',
    errorResponse('Er ging iets mis aan de kant van Nabij (`internal`); het antwoord zegt niets over de oorzaak.'),
  ],
  ServiceUnavailable: [
    '503',
    errorResponse(
      'De database is even niet bereikbaar (`database_unavailable`) of de applicatie stopt; probeer het na `Retry-After` seconden opnieuw.',
      true,
    ),
  ],
} as const;
type ErrorResponseName = keyof typeof ERROR_RESPONSES;

const ERROR_SCHEMA = {
  type: 'object',
  description: 'Het antwoord bij elke fout (4xx en 5xx).',
  required: ['code', 'message'],
  properties: {
    code: {
      type: 'string',
      description: 'Vaste code van de fout, om op te programmeren.',
      examples: ['validation_failed'],
    },
    message: {
      type: 'string',
      description: 'De fout in het Nederlands, om te tonen.',
      examples: ['Niet alle velden zijn goed ingevuld. Controleer de gemarkeerde velden.'],
    },
    fieldErrors: {
      type: 'object',
      description: 'Bij ongeldige invoer: per veld (pad met punten) de Nederlandse meldingen.',
      additionalProperties: { type: 'array', items: { type: 'string' } },
    },
  },
  additionalProperties: true,
};

interface Operation {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  parameters?: Array<{ in?: string }>;
  requestBody?: unknown;
  responses?: Record<string, { description?: string; headers?: Record<string, unknown> }>;
}

/** `GET /api/cases/{id}/plan/document.pdf` → `getCasesByIdPlanDocumentPdf`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .split('/')
    .filter((s) => s && s !== 'api')
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? ['by', ...split(param[1] ?? '')] : split(segment);
    });
  return [method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join('');
}
const split = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());

/** Completes every operation of the generated document (see the module comment). */
export function describeOperations(doc: {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, unknown>;
}): void {
  for (const [url, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      op.operationId ??= operationIdOf(method, url);
      op.summary ??= OPERATION_SUMMARIES[`${method.toUpperCase()} ${url}`];
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const changes = method !== 'get' && method !== 'head';
      const errors: ErrorResponseName[] = ['BadRequest'];
      if (!isPublic) errors.push('Unauthorized', 'Forbidden');
      if (url.includes('{')) errors.push('NotFound');
      if (changes) errors.push('Conflict');
      if (op.requestBody) errors.push('PayloadTooLarge', 'UnsupportedMediaType');
      errors.push('TooManyRequests', 'InternalServerError', 'ServiceUnavailable');
      const responses = (op.responses ??= {});
      for (const response of Object.values(responses)) {
        if (response.description === 'Default Response') response.description = 'Gelukt';
        response.headers = { ...response.headers, 'API-Version': { $ref: '#/components/headers/API-Version' } };
      }
      for (const name of errors) {
        const [status] = ERROR_RESPONSES[name];
        if (!responses[status]) responses[status] = { $ref: `#/components/responses/${name}` } as never;
      }
    }
  }
}

/** Which session an operation needs, from its route policy (access-control's `config.policy`). */
function securityOf(config: unknown): Array<Record<string, string[]>> | undefined {
  const kind = (config as { policy?: { kind?: string } } | undefined)?.policy?.kind;
  if (kind === 'public') return [];
  if (kind === 'resident') return [{ residentSession: [] }];
  return undefined; // the document's default: the staff session
}

/** The options of @fastify/swagger: the document's frame, and the transforms that complete every operation. */
export function openApiOptions(publicUrl: string): FastifyDynamicSwaggerOptions {
  // Written as OpenAPI 3.1 (JSON Schema 2020-12 `examples`), which the plugin's 3.0-era types do not know.
  const openapi = {
    openapi: '3.1.0',
    info: {
      title: 'Nabij API',
      description: DESCRIPTION,
      version: API_VERSION,
      license: { name: 'European Union Public Licence 1.2', identifier: 'EUPL-1.2' },
      // The contact page of this installation (the municipality's own contact details; issue #21 item 1).
      contact: { name: 'Contact over Nabij bij deze gemeente', url: `${publicUrl}/contact` },
    },
    servers: [{ url: publicUrl, description: 'Deze installatie van Nabij' }],
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'nabij_session',
          description: 'De sessie van een medewerker (met HTTPS heet de cookie `__Host-nabij_session`).',
        },
        residentSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'nabij_resident',
          description: 'De sessie van een inwoner in Mijn Nabij (met HTTPS `__Host-nabij_resident`).',
        },
      },
      schemas: { Foutmelding: ERROR_SCHEMA },
      responses: Object.fromEntries(Object.entries(ERROR_RESPONSES).map(([name, [, response]]) => [name, response])),
      headers: {
        'API-Version': {
          description: 'De volledige versie van de API (semantic versioning).',
          schema: { type: 'string', examples: [API_VERSION] },
        },
        'Retry-After': {
          description: 'Na hoeveel seconden het verzoek opnieuw kan.',
          schema: { type: 'integer' },
        },
      },
    },
    security: [{ session: [] }],
  } as FastifyDynamicSwaggerOptions['openapi'];
  return {
    openapi,
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      const security = securityOf(input.route.config);
      return security ? { ...result, schema: { ...result.schema, security } } : result;
    },
    transformObject: (input) => {
      const doc = 'openapiObject' in input ? input.openapiObject : input.swaggerObject;
      describeOperations(doc as Parameters<typeof describeOperations>[0]);
      return doc;
    },
  };
}
