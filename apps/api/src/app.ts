import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { translate } from '@nabij/contracts';
import { publicRoute, registerAccessControl } from './capabilities/access-control';
import {
  readSessionToken,
  registerAuthRoutes,
  resolveSession,
  setSessionTimeHeaders,
  timeLeftOf,
} from './capabilities/auth';
import { registerOidcRoutes } from './capabilities/auth/oidc.routes';
import { registerHealthRoutes } from './capabilities/health';
import { registerCaseFileRoutes } from './capabilities/case-files';
import { registerHomeRoutes } from './capabilities/home';
import { registerIntakeRoutes } from './capabilities/intake';
import { registerOrganisationRoutes } from './capabilities/organisation';
import { registerPersonRoutes } from './capabilities/persons';
import { registerMergeRoutes } from './capabilities/person-merge';
import { registerSearchRoutes } from './capabilities/search';
import { registerPlanRoutes } from './capabilities/plan';
import { registerPrivacyRoutes } from './capabilities/privacy';
import { registerAvgRightsRoutes } from './capabilities/avg-rights';
import { registerRetentionRoutes } from './capabilities/retention';
import { registerLifecycleRoutes } from './capabilities/lifecycle';
import { registerCoordinationRoutes } from './capabilities/coordination';
import { registerContactLogRoutes } from './capabilities/contact-log';
import { registerTaskRoutes } from './capabilities/tasks';
import { registerManagementInformationRoutes } from './capabilities/management-information';
import { readResidentToken, registerResidentRoutes, resolveResidentSession } from './capabilities/resident';
import type { Deps } from './platform/deps';
import { clientErrorHandler, registerErrorHandling } from './platform/http/errors';
import { registerGracefulShutdown } from './platform/http/graceful-shutdown';
import { registerInputGuards } from './platform/http/input-guards';
import { API_VERSION, OPENAPI_PATH, openApiOptions } from './platform/http/openapi';
import { registerRateLimits } from './platform/http/rate-limit';
import { ROBOTS_TXT } from './platform/http/robots';
import { createMailer, type Mailer } from './platform/mail';
import { createMetrics } from './platform/metrics';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-permitted-cross-domain-policies': 'none',
};
/**
 * No inline scripts or styles, no plugins, no framing (ASVS 5.0 V3.4; ADR 0017). React sets its style props through
 * the CSSOM, which a style-src without 'unsafe-inline' allows; the built index.html has no inline script (tested).
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; " +
  "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
/**
 * Files and API answers (PDF, CSV, JSON) keep the earlier, looser policy: the browser's PDF viewer is embedded in
 * the PDF's own document and would be blocked by `object-src 'none'`. They run no script of ours.
 */
const CSP_FILES =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/** Builds the HTTP application on given dependencies (the database is already migrated). */
export async function buildApp(
  deps: Omit<Deps, 'log' | 'mailer'> & { mailer?: Mailer },
  options: { logger?: object | boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1_048_576,
    // What Node's HTTP parser refuses (431 header fields too large, 408, 400) is answered in Dutch too.
    clientErrorHandler,
    // While closing, requests are refused by registerGracefulShutdown with an answer that says so (docs/reliability.md §7).
    return503OnClosing: false,
  });
  registerGracefulShutdown(app);
  const mailer =
    deps.mailer ?? createMailer({ ...deps.config.mail, production: deps.config.env === 'production' }, deps.db);
  const fullDeps: Deps = { ...deps, mailer, log: app.log };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(swagger, openApiOptions(deps.config.publicUrl));

  registerAccessControl(app, fullDeps, {
    staff: (request) => resolveSession(fullDeps, readSessionToken(request, fullDeps.config)),
    resident: (request) => resolveResidentSession(fullDeps, readResidentToken(request, fullDeps.config)),
    setTimeLeft: (reply, session) => setSessionTimeHeaders(reply, timeLeftOf(fullDeps, session)),
  });
  registerErrorHandling(app);
  registerInputGuards(app);
  registerRateLimits(app, deps.config.rateLimits);
  const metrics = createMetrics({
    pool: deps.db.pool,
    databaseMode: deps.config.database.url ? 'server' : 'embedded',
  });
  metrics.instrument(app);

  app.addHook('onSend', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    reply.header('api-version', API_VERSION); // Dutch API Design Rules, /core/version-header
    if (deps.config.publicUrl.startsWith('https://'))
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // A route that sets its own policy (the ecogram SVG) keeps it; the web app's pages get the strict one.
    if (!request.url.startsWith('/api/docs') && !reply.hasHeader('content-security-policy')) {
      reply.header(
        'content-security-policy',
        String(reply.getHeader('content-type') ?? '').startsWith('text/html') ? CSP : CSP_FILES,
      );
    }
    // A route that allows caching (the house style's stylesheet and logo, with an ETag) says so itself.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  registerHealthRoutes(app, fullDeps, metrics);
  registerAuthRoutes(app, fullDeps);
  registerOidcRoutes(app, fullDeps);
  registerHomeRoutes(app, fullDeps);
  registerPersonRoutes(app, fullDeps);
  registerMergeRoutes(app, fullDeps);
  registerSearchRoutes(app, fullDeps);
  registerOrganisationRoutes(app, fullDeps);
  registerIntakeRoutes(app, fullDeps);
  registerCaseFileRoutes(app, fullDeps);
  registerPlanRoutes(app, fullDeps);
  registerPrivacyRoutes(app, fullDeps);
  registerAvgRightsRoutes(app, fullDeps);
  registerRetentionRoutes(app, fullDeps);
  registerLifecycleRoutes(app, fullDeps);
  registerCoordinationRoutes(app, fullDeps);
  registerContactLogRoutes(app, fullDeps);
  registerTaskRoutes(app, fullDeps);
  registerManagementInformationRoutes(app, fullDeps);
  registerResidentRoutes(app, fullDeps);

  // The OpenAPI document where the Dutch API Design Rules expect it (/core/publish-openapi), readable from other origins.
  app.get(
    OPENAPI_PATH,
    {
      config: { policy: publicRoute('the API description; no data') },
      schema: { tags: ['Beheer'], summary: 'Dit OpenAPI-document (de beschrijving van de API)' },
    },
    async (_request, reply) => reply.header('access-control-allow-origin', '*').send(app.swagger()),
  );
  // Swagger UI for developers, not in production (ADR 0052); there the old address of the document forwards to the new.
  if (deps.config.env !== 'production') await app.register(swaggerUi, { routePrefix: '/api/docs' });
  else
    app.get('/api/docs/json', { schema: { hide: true } }, async (_request, reply) => reply.redirect(OPENAPI_PATH, 301));

  // Before the web app's fallback, which would answer every unknown path with index.html.
  app.get(
    '/robots.txt',
    { config: { policy: publicRoute('search engines read which pages they may index') }, schema: { hide: true } },
    async (_request, reply) => reply.type('text/plain; charset=utf-8').send(ROBOTS_TXT),
  );

  const webDist = path.resolve(deps.config.webDistDir);
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: 'index.html',
      // The build writes brotli and gzip copies (vite.config.ts); the browser gets the smallest it accepts.
      preCompressed: true,
      // Source maps stay on the server (issue #18 item 4): they would show the whole front end's source to anyone.
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      // Files under assets/ carry a content hash in their name: they never change, so the browser keeps them a year
      // without asking again. Everything else (index.html, robots, icons) is checked on every visit.
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', isHashedAsset(filePath) ? IMMUTABLE : 'no-cache');
      },
    });

  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/health') &&
      !request.url.startsWith('/assets/'); // a missing file of the build is a 404, not the page
    if (wantsPage && hasWeb) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send({ code: 'not_found', message: translate('error.not_found') });
  });

  await app.ready();
  return app;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A file the build named by its content (`assets/Name-<hash>.js`), so one name is always the same bytes. */
const isHashedAsset = (filePath: string) => /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/.test(filePath);
