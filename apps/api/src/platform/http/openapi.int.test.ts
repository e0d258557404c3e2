import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { systemClock } from '../../shared/clock';
import { loadConfig } from '../config';
import { createDatabase, type Database } from '../database/database';
import { projectRoot } from '../paths';
import { API_VERSION, OPENAPI_PATH } from './openapi';
import { OPERATION_SUMMARIES } from './operation-summaries';

/**
 * The OpenAPI document for a municipality's integrators (issue #21 item 6, ADR 0052): the app as it is built, its
 * document linted by Redocly CLI with redocly.yaml (the recommended ruleset and the Dutch API Design Rules that fit),
 * 0 errors and 0 warnings. The document needs no database; the app gets one it never reaches.
 */

const run = promisify(execFile);
let db: Database;
let app: FastifyInstance;
let dir: string;

beforeAll(async () => {
  db = createDatabase('postgres://postgres@127.0.0.1:1/postgres', 1);
  const config = loadConfig({
    NODE_ENV: 'test',
    WEB_DIST_DIR: '/nonexistent',
    PUBLIC_URL: 'https://nabij.voorbeeld.nl',
  });
  app = await buildApp({ db, config, clock: systemClock });
  dir = mkdtempSync(path.join(tmpdir(), 'nabij-openapi-'));
});
afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, { $ref?: string; headers?: Record<string, unknown> }>;
}

describe('the OpenAPI document', () => {
  it('passes the Redocly lint (recommended and the Dutch API Design Rules of redocly.yaml) without errors or warnings', async () => {
    const r = await app.inject(OPENAPI_PATH);
    expect(r.statusCode).toBe(200);
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, r.body);
    const cli = path.join(projectRoot, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
    const lint = await run(
      process.execPath,
      [
        cli,
        'lint',
        file,
        '--config',
        path.join(projectRoot, 'redocly.yaml'),
        '--format',
        'json',
        '--max-problems',
        '50',
      ],
      { cwd: projectRoot, env: { ...process.env, REDOCLY_TELEMETRY: 'off' }, maxBuffer: 16 * 1024 * 1024 },
    ).catch((err: unknown) => {
      // redocly exits with 1 when it finds errors; its report is still on stdout.
      const failed = err as { code?: number; stdout?: string };
      return { exitCode: failed.code, stdout: failed.stdout ?? '' };
    });
    const result = JSON.parse(lint.stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string; location: Array<{ pointer?: string }> }>;
    };
    const problems = result.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(result.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect('exitCode' in lint ? lint.exitCode : 0).toBe(0);
  }, 120_000);

  it('gives every operation a unique camelCase operationId, a summary, tags and its error answers', async () => {
    const doc = (await app.inject(OPENAPI_PATH)).json<{
      info: { license: { identifier: string }; version: string };
      servers: Array<{ url: string }>;
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, { required: string[] }> };
    }>();
    expect(doc.info.license.identifier).toBe('EUPL-1.2');
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'https://nabij.voorbeeld.nl' })]);
    expect(doc.components.schemas.Foutmelding?.required).toEqual(['code', 'message']);
    const operations = Object.entries(doc.paths).flatMap(([url, item]) =>
      Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${url}`, op })),
    );
    expect(operations.length).toBeGreaterThan(200);
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    for (const { key, op } of operations) {
      expect(op.operationId, key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(op.summary, key).toBeTruthy();
      expect(op.tags?.length, key).toBeGreaterThan(0);
      expect(op.responses['400']?.$ref, key).toBe('#/components/responses/BadRequest');
      expect(op.responses['500']?.$ref, key).toBe('#/components/responses/InternalServerError');
    }
    const byKey = new Map(operations.map((o) => [o.key, o.op]));
    // A staff operation: not logged in, no access, not found, a stale version.
    const changePerson = byKey.get('PUT /api/persons/{id}')!;
    expect(Object.keys(changePerson.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '413', '415', '429', '500', '503']),
    );
    expect(changePerson.operationId).toBe('putPersonsById');
    // A public one has no session and so no 401/403; Mijn Nabij's need the resident's session.
    const login = byKey.get('POST /api/auth/login')!;
    expect(login.security).toEqual([]);
    expect(login.responses['401']).toBeUndefined();
    expect(byKey.get('GET /api/resident/persons/{personId}/plan')!.security).toEqual([{ residentSession: [] }]);
    // No summary line left over for an operation that no longer exists.
    expect(Object.keys(OPERATION_SUMMARIES).filter((k) => !byKey.has(k))).toEqual([]);
  });

  it('is served at /openapi.json for other origins too, and every answer says the API version', async () => {
    const r = await app.inject({ url: OPENAPI_PATH, headers: { origin: 'https://integratie.gemeente.example' } });
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['api-version']).toBe(API_VERSION);
    expect((await app.inject('/api/auth/session')).headers['api-version']).toBe(API_VERSION);
    expect((await app.inject('/api/bestaat-niet')).headers['api-version']).toBe(API_VERSION);
    // Outside production the Swagger UI stays, and its old address of the document too.
    expect((await app.inject('/api/docs/json')).statusCode).toBe(200);
  });

  it('has no Swagger UI in production; the old address of the document forwards to /openapi.json', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      WEB_DIST_DIR: '/nonexistent',
      PUBLIC_URL: 'https://nabij.voorbeeld.nl',
      SMTP_URL: 'smtp://127.0.0.1:1',
    });
    const production = await buildApp({ db, config, clock: systemClock });
    try {
      expect((await production.inject('/api/docs')).statusCode).toBe(404);
      expect((await production.inject('/api/docs/static/index.html')).statusCode).toBe(404);
      const old = await production.inject('/api/docs/json');
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe(OPENAPI_PATH);
      expect((await production.inject(OPENAPI_PATH)).json<{ openapi: string }>().openapi).toBe('3.1.0');
    } finally {
      await production.close();
    }
  });
});
