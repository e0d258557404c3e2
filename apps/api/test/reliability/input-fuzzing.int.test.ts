/**
 * Input fuzzing (issue #11 §5). Every API route in the app's OpenAPI document (generated from the zod
 * contracts) gets requests generated from its schemas with fast-check — values that follow the schema,
 * the same with one value replaced by something hostile (very long, control characters, lone surrogates,
 * markup, SQL, huge numbers, deep JSON, wrong types), and raw bodies that are not JSON at all (invalid
 * UTF-8, broken syntax, 100,000 levels of nesting, other content types). Path parameters come from records
 * that exist, so requests reach the handlers. The user holds every role.
 *
 * Asserted for every request: no 5xx; an error body is the Dutch `{ code, message }` shape; and a rejected
 * request (4xx) changed nothing: a test-only trigger on every table counts committed row changes (except
 * the tables a refusal writes on purpose — WRITTEN_ON_PURPOSE — and the refusals that say they record
 * something — REFUSALS_THAT_RECORD).
 *
 * FUZZ_RUNS (default 3000 per database in CI) sets the number of requests; FUZZ_SEED replays a run.
 * 100,000+: `FUZZ_RUNS=100000 npx vitest run apps/api/test/reliability/input-fuzzing.int.test.ts`.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildTenant, buildUser, TEST_PASSWORD } from '../builders';
import { Agent, startTestApp, type TestApp } from '../test-app';
import { HOSTILE_STRINGS, mutate, RAW_BODIES, valueFor, type FuzzContext, type JsonSchema } from './schema-arbitrary';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
/** Routes that would end or change the fuzzing user's own session: fuzzed without a session. */
const ANONYMOUS_ONLY = [/^\/api\/auth\/(logout|password|totp|recovery|login|oidc)/];

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  pathParams: Array<{ name: string; schema: JsonSchema }>;
  query: JsonSchema | undefined;
  body: JsonSchema | undefined;
}

interface FuzzRequest {
  op: Operation;
  url: string;
  payload: unknown;
  raw: { contentType: string; payload: Buffer | string } | undefined;
  ip: string;
}

let t: TestApp;
let user: Agent;
let anonymous: Agent;
const ids: Record<string, string[]> = {};
/** Valid bodies per route (`POST /api/persons`), from the seeding: mutated, they carry hostile values deep into the handlers. */
const corpus = new Map<string, unknown[]>();
const remember = (route: string, body: unknown) => corpus.set(route, [...(corpus.get(route) ?? []), body]);
const add = (kind: string, ...values: Array<string | undefined>) =>
  (ids[kind] ??= []).push(...values.filter((v): v is string => typeof v === 'string'));

/** Which existing records a parameter or field named `name` can refer to, on the route `path`. */
function contextFor(path: string): FuzzContext {
  const byPrefix: Array<[RegExp, string]> = [
    [/^\/api\/cases/, 'case'],
    [/^\/api\/referrals/, 'referral'],
    [/^\/api\/persons/, 'person'],
    [/^\/api\/households/, 'household'],
    [/^\/api\/meetings/, 'meeting'],
    [/^\/api\/letters/, 'letter'],
    [/^\/api\/admin\/services/, 'service'],
    [/^\/api\/admin\/users/, 'user'],
    [/^\/api\/admin\/teams/, 'team'],
  ];
  const byName: Record<string, string> = {
    goalId: 'goal',
    actionId: 'action',
    partyId: 'party',
    entryId: 'entry',
    recordId: 'meldcode',
    referralId: 'referral',
    referralPersonId: 'referralPerson',
    personId: 'person',
    householdId: 'household',
    teamId: 'team',
    caseWorkerId: 'worker',
    tandemWorkerId: 'worker',
    chairUserId: 'worker',
    serviceId: 'service',
    meetingId: 'meeting',
    caseId: 'case',
  };
  const all = Object.values(ids).flat();
  return {
    idsFor(name) {
      const kind = name === 'id' ? byPrefix.find(([re]) => re.test(path))?.[1] : byName[name];
      return (kind && ids[kind]?.length ? ids[kind] : all) ?? [];
    },
  };
}

function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string; schema: JsonSchema; required?: boolean }>;
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (path.startsWith('/api/docs')) continue;
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
      const params = op.parameters ?? [];
      const queryParams = params.filter((p) => p.in === 'query');
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query: queryParams.length
          ? {
              type: 'object',
              properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
              required: queryParams.filter((p) => p.required).map((p) => p.name),
            }
          : undefined,
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

/** Percent-encodes every byte of the UTF-8 form (also of lone surrogates, which encodeURIComponent refuses). */
function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const ctx = contextFor(op.path);
  const paramValue = (p: { name: string; schema: JsonSchema }) =>
    fc.oneof(
      { weight: 9, arbitrary: valueFor(p.schema, ctx, p.name).map(String) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 300 && s !== '')) },
    );
  const params = fc.tuple(...op.pathParams.map(paramValue));
  const query = op.query
    ? fc.oneof(
        { weight: 4, arbitrary: valueFor(op.query, ctx) },
        { weight: 1, arbitrary: valueFor(op.query, ctx).chain(mutate) },
      )
    : fc.constant(undefined);
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  const examples = corpus.get(`${op.method} ${op.path}`) ?? [];
  const fromCorpus = examples.length
    ? [
        { weight: 1, arbitrary: fc.constantFrom(...examples) },
        { weight: 5, arbitrary: fc.constantFrom(...examples).chain(mutate) },
      ]
    : [];
  const body =
    hasBody && op.body
      ? fc.oneof(
          { weight: 4, arbitrary: valueFor(op.body, ctx) },
          { weight: 5, arbitrary: valueFor(op.body, ctx).chain(mutate) },
          ...fromCorpus,
        )
      : hasBody
        ? fc.oneof(fc.constant({}), fc.jsonValue({ maxDepth: 3 }))
        : fc.constant(undefined);
  const raw = hasBody ? fc.option(fc.constantFrom(...RAW_BODIES), { freq: 8 }) : fc.constant(null);
  return fc
    .record({ params, query, body, raw, ip: fc.ipV4() })
    .map(({ params: values, query: q, body: payload, raw: rawBody, ip }) => {
      let url = op.path;
      op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeSegment(values[i] ?? ''))));
      if (q && typeof q === 'object' && !Array.isArray(q)) {
        const search = new URLSearchParams();
        for (const [k, v] of Object.entries(q as Record<string, unknown>))
          if (v !== undefined) search.append(k, typeof v === 'string' ? v : JSON.stringify(v));
        const s = search.toString();
        if (s) url += `?${s}`;
      }
      return { op, url, payload, raw: rawBody ?? undefined, ip };
    });
}

/** The session cookie and CSRF token of a logged-in agent (none for the anonymous one). */
function headersOf(agent: Agent): Record<string, string> {
  const session = agent.cookie('nabij_session');
  return session ? { cookie: `nabij_session=${session}`, 'x-csrf-token': agent.csrfToken ?? '' } : {};
}

async function send(agent: Agent, r: FuzzRequest): Promise<LightMyRequestResponse> {
  const headers = headersOf(agent);
  if (r.raw) {
    return t.app.inject({
      method: r.op.method,
      url: r.url,
      remoteAddress: r.ip,
      headers: { ...headers, 'content-type': r.raw.contentType },
      payload: r.raw.payload,
    });
  }
  if (r.payload === undefined) return t.app.inject({ method: r.op.method, url: r.url, remoteAddress: r.ip, headers });
  return t.app.inject({
    method: r.op.method,
    url: r.url,
    remoteAddress: r.ip,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: JSON.stringify(r.payload) ?? 'null',
  });
}

const changes = async () => Number((await t.db.pool.query<{ n: string }>('select n from fuzz_change')).rows[0]!.n);

/**
 * Tables a refused request writes on purpose, left out of the change count: sessions (activity), failed
 * logins of staff and residents and the wrong tries on a resident's login code (counted against guessing), the
 * access log's refusal rows with their chain,
 * and the management-information facts (`mi_*`, derived data brought up to date before a dashboard query).
 */
const WRITTEN_ON_PURPOSE = [
  'fuzz_change',
  'session',
  'login_attempt',
  'resident_login_attempt',
  'resident_login_code',
  'access_log',
  'access_log_chain',
  'schema_migration',
];

/** Refusals that record something on purpose (the route's contract says so in its message). */
const REFUSALS_THAT_RECORD = new Set([
  // "Uw antwoord is vastgelegd in het dossier": the closing question's answer is kept although the closure waits.
  'POST /api/cases/{id}/closure 409 closure_needs_team_meeting',
]);

/** Test-only (never a migration): a row-level trigger on every other table counts committed changes. */
async function installChangeCounter() {
  await t.db.pool.query(`
    create table fuzz_change (n bigint not null);
    insert into fuzz_change values (0);
    create function fuzz_count_change() returns trigger language plpgsql security definer set search_path = public as $$
    begin update fuzz_change set n = n + 1; return null; end $$;`);
  const { rows } = await t.db.pool.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public' and not (tablename = any($1)) and tablename not like 'mi\\_%'`,
    [WRITTEN_ON_PURPOSE],
  );
  for (const { tablename } of rows)
    await t.db.pool.query(
      `create trigger fuzz_change after insert or update or delete on "${tablename}" for each row execute function fuzz_count_change()`,
    );
  await t.db.pool.query(
    `create trigger fuzz_change after insert on access_log for each row when (new.outcome = 'allowed') execute function fuzz_count_change()`,
  );
  return rows.length + 1;
}

async function seed() {
  const tenant = await buildTenant(t.db);
  add('team', tenant.teamId);
  const everyRole = [
    'intake_desk',
    'case_worker',
    'behavioural_scientist',
    'team_coordinator',
    'municipal_consultant',
    'privacy_officer',
    'functional_admin',
    'volunteer_host',
  ] as const;
  const me = await buildUser(t.db, tenant, { roles: [...everyRole] });
  for (let i = 0; i < 3; i++) add('user', (await buildUser(t.db, tenant, { roles: ['case_worker'] })).id);
  add('worker', me.id, ...(ids.user ?? []));
  user = t.agent();
  expect(await user.login(me.username, TEST_PASSWORD)).toBe('done');
  anonymous = t.agent();
  /** A request of the seeding; its body joins the corpus under its route. */
  const call = async (method: 'POST' | 'PUT', route: string, params: Record<string, string>, body: unknown) => {
    remember(`${method} ${route}`, body);
    const url = route.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
    return user.request(method, url, body);
  };

  const c = await buildCase(t.db, tenant, { caseWorkerId: me.id, referralDomains: ['finances', 'housing'] });
  add('case', c.id);
  add('person', c.adultId, c.childId);
  add('household', c.householdId);
  const id = c.id;
  let page = (await call('POST', '/api/cases/{id}/plan', { id }, { startsOn: '2026-01-05' })).json();
  page = (
    await call(
      'POST',
      '/api/cases/{id}/plan/goals',
      { id },
      {
        version: page.plan.current.version,
        domain: 'finances',
        problem: 'Schulden',
        goal: 'Overzicht',
        solutions: 'Budgetcursus',
      },
    )
  ).json();
  const goalId = page.plan.current.goals[0].id as string;
  add('goal', goalId);
  page = (
    await call(
      'POST',
      '/api/cases/{id}/plan/goals/{goalId}/actions',
      { id, goalId },
      { version: page.plan.current.version, description: 'Budgetcursus', performer: 'self', dueOn: '2026-03-01' },
    )
  ).json();
  const actionId = page.plan.current.goals[0].actions[0].id as string;
  add('action', actionId);
  page = (
    await call(
      'POST',
      '/api/cases/{id}/plan/parties',
      { id },
      { version: page.plan.current.version, name: 'Buurvrouw', part: 'Helpt met post' },
    )
  ).json();
  add('party', page.plan.current.parties[0].id);
  page = (
    await call(
      'PUT',
      '/api/cases/{id}/plan/goals/{goalId}',
      { id, goalId },
      { version: page.plan.current.version, domain: 'finances', problem: 'Schulden en post', goal: 'Overzicht' },
    )
  ).json();
  page = (
    await call(
      'PUT',
      '/api/cases/{id}/plan/actions/{actionId}',
      { id, actionId },
      { version: page.plan.current.version, description: 'Budgetcursus bij het buurthuis', performer: 'self' },
    )
  ).json();
  page = (
    await call(
      'POST',
      '/api/cases/{id}/plan/actions/{actionId}/progress',
      { id, actionId },
      { version: page.plan.current.version, status: 'in_progress', progressNote: 'Gestart' },
    )
  ).json();
  await call(
    'PUT',
    '/api/cases/{id}/plan/coordination',
    { id },
    { version: page.plan.current.version, coordination: 'case' },
  );
  const network = (
    await call(
      'POST',
      '/api/cases/{id}/network',
      { id },
      { name: 'Tante', relationType: 'family', quality: 'supportive', contactFrequency: 'weekly' },
    )
  ).json();
  add('entry', ...network.network.map((n: { id: string }) => n.id));
  const prof = (
    await call(
      'POST',
      '/api/cases/{id}/professionals',
      { id },
      { organisation: 'Schuldhulp', email: 'schuldhulp@example.org' },
    )
  ).json();
  add('entry', ...prof.professionals.map((n: { id: string }) => n.id));
  await call(
    'POST',
    '/api/cases/{id}/zrm',
    { id },
    {
      personId: c.adultId,
      kind: 'start',
      assessedOn: '2026-01-05',
      scores: [{ domain: 'finances', score: 2, note: 'Schulden' }],
    },
  );
  await call(
    'POST',
    '/api/cases/{id}/participation',
    { id },
    { personId: c.adultId, rung: 3, measuredOn: '2026-01-05', note: 'Taalcafé' },
  );
  await call(
    'POST',
    '/api/cases/{id}/child-safety',
    { id },
    { assessedOn: '2026-01-05', signs: 'Geen', protectiveFactors: 'Oma', riskLevel: 'low', actions: 'Geen' },
  );
  await call(
    'POST',
    '/api/cases/{id}/outreach',
    { id },
    { attemptedOn: '2026-01-05', way: 'phone', contactMade: true },
  );
  const consent = (
    await call(
      'POST',
      '/api/cases/{id}/consents',
      { id },
      { personId: c.adultId, recipient: 'Schuldhulp', scope: 'financiën', form: 'verbal', givenOn: '2026-01-05' },
    )
  ).json();
  add('entry', ...(consent.consents ?? []).map((n: { id: string }) => n.id));
  const meldcode = await call('POST', '/api/cases/{id}/meldcode', { id }, {});
  if (meldcode.statusCode === 201) {
    const recordId = meldcode.json().id as string;
    add('meldcode', recordId);
    await call(
      'POST',
      '/api/cases/{id}/meldcode/{recordId}/signals',
      { id, recordId },
      { observedOn: '2026-01-05', fact: 'Blauwe plek', source: 'School' },
    );
    await call(
      'POST',
      '/api/cases/{id}/meldcode/{recordId}/consultations',
      { id, recordId },
      { consultedOn: '2026-01-05', withWhom: 'Veilig Thuis', advice: 'Gesprek voeren' },
    );
  }

  const referralBody = {
    teamId: tenant.teamId,
    channel: 'phone',
    referrerKind: 'professional',
    referrer: { name: 'Dr. Test', organisation: 'Praktijk', phone: '030-1234567', email: 'dokter@example.org' },
    residents: [
      { firstName: 'Fuzz', lastName: 'Inwoner', dateOfBirth: '1980-01-01', postcode: '1234 AB', houseNumber: '1' },
    ],
    children: [{ firstName: 'Kind', age: 6 }],
    lifeDomains: ['finances'],
    question: 'Vraag',
    idempotencyKey: crypto.randomUUID(),
  };
  const referral = (await call('POST', '/api/referrals', {}, referralBody)).json();
  add('referral', referral.id);
  add('referralPerson', ...referral.residents.map((p: { id: string }) => p.id));
  remember(`POST /api/public/referrals/{tenantSlug}`, {
    ...referralBody,
    channel: undefined,
    referrerKind: 'professional',
    attachments: [],
  });
  await call(
    'POST',
    '/api/referrals/{id}/contacts',
    { id: referral.id },
    { channel: 'phone', note: 'Verwijzer gebeld' },
  );
  const letter = (
    await call(
      'POST',
      '/api/referrals/{id}/letters',
      { id: referral.id },
      {
        kind: 'closure',
        subject: 'Afsluiting',
        body: 'Beste verwijzer, wij sluiten af.',
        idempotencyKey: crypto.randomUUID(),
      },
    )
  ).json();
  add('letter', letter.id);
  await call('POST', '/api/host-questions', {}, { teamId: tenant.teamId, category: 'money', outcome: 'answered' });
  const person = (
    await call(
      'POST',
      '/api/persons',
      {},
      { firstName: 'Los', lastName: 'Persoon', dateOfBirth: '1970-05-05', acknowledgeDuplicates: true },
    )
  ).json();
  add('person', person.id);
  await call(
    'PUT',
    '/api/persons/{id}',
    { id: person.id },
    { firstName: 'Los', lastName: 'Persoon', city: 'Utrecht', version: person.version },
  );
  await call('POST', '/api/persons/search', {}, { name: 'Persoon' });
  const household = (
    await call(
      'POST',
      '/api/households',
      {},
      { name: 'Huishouden Los', members: [{ personId: person.id, relation: 'parent' }] },
    )
  ).json();
  add('household', household.id);
  const meeting = await call(
    'POST',
    '/api/meetings',
    {},
    { teamId: tenant.teamId, date: '2026-02-01', chairUserId: me.id },
  );
  if (meeting.statusCode === 201) add('meeting', meeting.json().id);
  const service = (
    await call(
      'POST',
      '/api/admin/services',
      {},
      { organisation: 'Buurthuis', name: 'Taalcafé', domains: ['community_participation'], type: 'group' },
    )
  ).json();
  add('service', service.id);
  await call(
    'PUT',
    '/api/admin/services/{id}',
    { id: service.id },
    {
      organisation: 'Buurthuis',
      name: 'Taalcafé',
      domains: ['community_participation'],
      type: 'group',
      version: service.version,
    },
  );
  await call(
    'PUT',
    '/api/admin/letter-templates/{kind}',
    { kind: 'closure' },
    { subject: 'Afsluiting {referentie}', body: 'Beste {verwijzer}, tekst.', version: 0 },
  );
}

beforeAll(async () => {
  t = await startTestApp();
  await seed();
}, 180_000);
afterAll(() => t?.close());

describe('input fuzzing', () => {
  it(
    `answers ${RUNS} generated and hostile requests without a 5xx, and a refused request changes nothing`,
    async () => {
      const doc = (await t.app.inject('/api/docs/json')).json();
      const ops = operationsOf(doc);
      expect(ops.length).toBeGreaterThan(80);
      const watched = await installChangeCounter();
      const arbitrary = fc.constantFrom(...ops).chain(requestFor);
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      const perRoute = new Map<string, number>();
      const timePerRoute = new Map<string, number>();
      const codes = new Map<string, number>();
      let refusedChecked = 0;
      let lostSessions = 0;
      const started = Date.now();
      const BATCH = 500;
      for (let done = 0; done < RUNS; done += BATCH) {
        const requests = fc.sample(arbitrary, { numRuns: Math.min(BATCH, RUNS - done), seed: SEED + done });
        for (const r of requests) {
          const agent = ANONYMOUS_ONLY.some((re) => re.test(r.op.path)) ? anonymous : user;
          const before = await changes();
          const sentAt = performance.now();
          const response = await send(agent, r);
          const routeMs = performance.now() - sentAt;
          const status = response.statusCode;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const routeKey = `${r.op.method} ${r.op.path}`;
          perRoute.set(routeKey, (perRoute.get(routeKey) ?? 0) + 1);
          timePerRoute.set(routeKey, (timePerRoute.get(routeKey) ?? 0) + routeMs);
          if (status >= 400 && status < 500) {
            const code = `${status} ${String((JSON.parse(response.body || '{}') as { code?: unknown }).code)}`;
            codes.set(code, (codes.get(code) ?? 0) + 1);
          }
          const describe = () =>
            `${routeKey} → ${status} ${response.body.slice(0, 300)}\n   url ${r.url.slice(0, 300)}\n   body ${r.raw ? `[raw ${r.raw.contentType}] ${String(r.raw.payload).slice(0, 120)}` : JSON.stringify(r.payload)?.slice(0, 600)}`;
          if (status >= 500) failures.push(`5xx: ${describe()}`);
          if (status >= 400) {
            const body = response.headers['content-type']?.toString().includes('json')
              ? (JSON.parse(response.body) as { code?: unknown; message?: unknown })
              : undefined;
            if (typeof body?.code !== 'string' || typeof body.message !== 'string')
              failures.push(`error without {code, message}: ${describe()}`);
          }
          if (status >= 400 && status < 500) {
            refusedChecked++;
            const code = String((JSON.parse(response.body || '{}') as { code?: unknown }).code);
            if ((await changes()) !== before && !REFUSALS_THAT_RECORD.has(`${routeKey} ${status} ${code}`))
              failures.push(`state changed by a refused request: ${describe()}`);
          }
          if (status === 401 && agent === user) {
            // A 401 on a route for another kind of login (the resident portal) is right; a lost staff session is not.
            const session = await t.app.inject({ url: '/api/auth/session', headers: headersOf(user) });
            if (!session.json<{ authenticated: boolean }>().authenticated) {
              lostSessions++;
              failures.push(`the fuzzing user lost its session: ${describe()}`);
            }
          }
          if (failures.length > 30) break;
        }
        if (failures.length > 30) break;
        if (RUNS > 10_000 && (done + BATCH) % 10_000 === 0)
          console.log(`input fuzzing: ${done + BATCH} of ${RUNS} requests, ${failures.length} failures so far`);
      }
      const seconds = (Date.now() - started) / 1000;
      const total = [...statuses.values()].reduce((a, b) => a + b, 0);
      const byClass = [2, 3, 4, 5]
        .map((c) => `${c}xx ${[...statuses].filter(([s]) => Math.floor(s / 100) === c).reduce((a, [, n]) => a + n, 0)}`)
        .join(', ');
      console.log(
        `input fuzzing (seed ${SEED}): ${total} requests over ${perRoute.size} of ${ops.length} routes in ${seconds.toFixed(0)} s; ${byClass}; ` +
          `${refusedChecked} refusals checked for changes on ${watched} tables; ${failures.length} failures; ${lostSessions} lost sessions`,
      );
      if (process.env.FUZZ_DEBUG) {
        console.log('refusals by code:', [...codes].sort((a, b) => b[1] - a[1]).slice(0, 25));
        console.log(
          'slowest routes (ms in total):',
          [...timePerRoute]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 12)
            .map(([k, v]) => `${k} ${Math.round(v)} (${perRoute.get(k)}×)`),
        );
      }
      expect(failures).toEqual([]);
      expect(total).toBe(RUNS);
    },
    Math.max(300_000, RUNS * 60),
  );
});
