/**
 * The authorisation matrix (issue #7 item 9): every route × every role × own case / other case in the own team /
 * another team / another municipality, and without a login. Each cell is a real request (valid body, ids that exist)
 * and is compared with the declarative table in authorisation-matrix.expectations.ts, written from docs/privacy.md.
 *
 * Asserted per cell:
 * - allowed: no 401/403/404 (and never a 5xx);
 * - denied: 401 without the right kind of login; otherwise 403, or 404 where the design hides existence — always for
 *   another municipality (a 403 there only when the role may not use the route at all, or when random ids get
 *   exactly the same answer); a 403 for a case of the own municipality (docs: "get 403, and the attempt is written to
 *   the access log");
 * - every 403 is in the access log (outcome `denied`, that user — each request carries its own user agent —, for a
 *   refused case that case);
 * - a refused change changed nothing (a test-only trigger counts committed row changes in every table);
 * - no response carries the content of a case (or its Meldcode record) the subject may not see, and no response to
 *   the first municipality carries anything of the other;
 * - the privacy officer without a second factor is refused by the log viewer (403 second_factor_required, logged).
 * And: every route of the app has a line in the table (a new route without one fails here).
 *
 * Per route the refusals run first, side by side (they must change nothing), then the allowed changes one by one.
 * AUTHZ_REPORT=<file> writes every cell, every failure and the time per route.
 *
 * Where the code answers differently from the docs, the difference is listed in DEVIATIONS with its reason (reported
 * to the lead): the test fails on any other difference, and on a listed one that has gone.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/capabilities/access-control';
import { yesterday } from '../privacy-fixtures';
import { startTestApp, type Agent, type TestApp } from '../test-app';
import {
  EXPECTATIONS,
  RESOURCE_RELATIONS,
  allowedRelations,
  mayViewCaseContent,
  mayViewMeldcode,
  type Expectation,
  type Who,
} from './authorisation-matrix.expectations';
import {
  buildWorld,
  RELATIONS,
  SUBJECTS,
  type CaseKey,
  type Relation,
  type World,
} from './authorisation-matrix.fixtures';
import {
  BODIES,
  bodySchemas,
  generatedBody,
  paramValue,
  QUERIES,
  relationToCase,
  targetFor,
  type Target,
} from './authorisation-matrix.requests';

/**
 * Differences between the docs and the code, found by this test and reported to the lead: the failures they cover
 * (`who` and `relation` may be `*`; `says` is the start of the failure message) and why the line is here rather than
 * fixed in the code. The test fails on any failure not listed, and on a listed one that no longer occurs.
 */
interface Deviation {
  route: string;
  who: Who | '*';
  relation: Relation | '*';
  says: string;
  why: string;
}
const DEVIATIONS: Deviation[] = [
  {
    route: 'GET /api/cases/:id/closure-letters/draft',
    who: 'behavioural_scientist',
    relation: '*',
    says: 'expected allowed, got 403',
    why: "stricter than the docs, no leak: execution.md says reads are for the team's behavioural scientist too; draftClosureLetter uses withCase(…, 'work')",
  },
  {
    route: 'GET /api/policy-signals',
    who: 'policy_advisor',
    relation: 'own',
    says: 'expected denied, got 200',
    why: 'roles.ts gives the policy advisor policy_signal:read (signals of their own teams); coordination.md names only the coordinator and the municipal consultant and privacy.md gives the policy advisor management information only. Signals hold no personal data; the docs need the line (or roles.ts the removal)',
  },
];

/** Routes run last, in this order: they end sessions, switch accounts off, or grant emergency access (ended at once). */
const RUN_LAST = [
  'POST /api/cases/:id/emergency-access',
  'POST /api/cases/:id/resident-portal/accounts/:accountId/deactivation',
  'POST /api/cases/:id/resident-portal/accounts/:accountId/activation',
  'POST /api/admin/users/:id/deactivate',
  'POST /api/admin/users/:id/activate',
  'POST /api/admin/users/:id/reset',
  'POST /api/retention/cases/:id/destroy',
  'POST /api/avg/requests/:id/erasure',
  'POST /api/auth/password',
  'POST /api/resident/logout',
  'POST /api/auth/logout',
];

/** Tables a refused request writes on purpose (sessions, login attempts, the access log itself, derived facts). */
const WRITTEN_ON_PURPOSE = [
  'authz_change',
  'session',
  'login_attempt',
  'resident_session',
  'resident_login_attempt',
  'access_log',
  'access_log_chain',
  'schema_migration',
];

let t: TestApp;
let world: World;
let watermark = 0;
const WHO: readonly Who[] = ['anonymous', ...SUBJECTS];

interface Cell {
  route: string;
  who: Who;
  relation: Relation;
  expected: 'allow' | 'deny' | 'unauthenticated';
  status: number;
  code: string;
  denied: boolean;
  /** The case the request addressed (for the check of the access log). */
  caseId: string | undefined;
  logged: boolean;
  /** Refused by the route's permission (`access.denied`), whatever the record. */
  routeLevel: boolean;
  /** Another municipality's record answered exactly like random ids. */
  hiddenLikeNothing: boolean;
  /** The start of the body of a 400 (for the report). */
  detail?: string;
}

/** 404 codes that hide a record (another team's referral, another municipality's anything). Others are answers about the record's state. */
const HIDDEN = new Set(['not_found', 'person_not_found', 'household_not_found', 'user_not_found']);

async function installChangeCounter(): Promise<void> {
  await t.db.pool.query(`
    create table authz_change (n bigint not null, last_table text);
    insert into authz_change values (0, null);
    create function authz_count_change() returns trigger language plpgsql security definer set search_path = public as $$
    begin update authz_change set n = n + 1, last_table = tg_table_name; return null; end $$;`);
  const { rows } = await t.db.pool.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public' and not (tablename = any($1)) and tablename not like 'mi\\_%'`,
    [WRITTEN_ON_PURPOSE],
  );
  for (const { tablename } of rows)
    await t.db.pool.query(
      `create trigger authz_change after insert or update or delete on "${tablename}" for each row execute function authz_count_change()`,
    );
  // Rows of the access log that record an allowed action count as a change too.
  await t.db.pool.query(
    `create trigger authz_change after insert on access_log for each row when (new.outcome = 'allowed') execute function authz_count_change()`,
  );
}

/** What the database recorded since the last look: the change counter, and the refusals in the access log. */
interface Refusal {
  user_id: string | null;
  user_role: string | null;
  user_agent: string | null;
  event: string;
  case_id: string | null;
}
async function recorded(): Promise<{ changes: number; lastTable: string | null; denied: Refusal[] }> {
  const { rows } = await t.db.pool.query<{ n: string; last_table: string | null; max_id: string; denied: Refusal[] }>(
    `select c.n, c.last_table, (select coalesce(max(id), 0) from access_log) as max_id,
            coalesce((select json_agg(json_build_object('user_id', user_id, 'user_role', user_role, 'user_agent', user_agent, 'event', event, 'case_id', case_id))
                      from access_log where id > $1 and outcome = 'denied'), '[]') as denied
     from authz_change c`,
    [watermark],
  );
  const row = rows[0]!;
  watermark = Number(row.max_id);
  return { changes: Number(row.n), lastTable: row.last_table, denied: row.denied };
}

function urlFor(route: string, tg: Target): string {
  const path = route.slice(route.indexOf(' ') + 1);
  let url = path.replace(/:(\w+)|\*/g, (m, name: string | undefined) =>
    encodeURIComponent(paramValue(route, name ?? '*', tg, world)),
  );
  const query = QUERIES[route]?.(tg, world);
  if (query) url += `?${new URLSearchParams(query).toString()}`;
  return url;
}

/** The ids and markers of the other municipality: no response to the first may hold one it was not asked about. */
function foreignStrings(): string[] {
  const c = world.cases.otherTenant;
  const r = world.referrals.otherTenant;
  return [
    c.id,
    c.adultId,
    c.childId,
    c.householdId,
    c.contentMarker,
    c.meldcodeMarker,
    c.taskId,
    c.avgRequestId,
    c.reviewMeetingId,
    r.id,
    r.letterId,
    world.meetings.otherTenant,
    world.teams.otherTenant,
    world.victims.otherTenant,
    world.services.otherTenant,
    world.signals.otherTenant,
    world.emergencyGrants.otherTenant,
  ];
}

/** The markers seen in some response (so the scan below is not vacuous). */
const seen = new Set<string>();

/** Case content in a response that the subject may not see. */
function contentLeaks(who: Who, body: string, e: Expectation, requestText: string): string[] {
  const leaks: string[] = [];
  for (const key of Object.keys(world.cases) as CaseKey[]) {
    const c = world.cases[key];
    if (body.includes(c.contentMarker)) seen.add(c.contentMarker);
    if (body.includes(c.meldcodeMarker)) seen.add(c.meldcodeMarker);
    const relation = relationToCase(who, key);
    const resident = who === 'resident' && key === 'own';
    if (!e.caseContentByDesign && body.includes(c.contentMarker) && !resident && !mayViewCaseContent(who, relation))
      leaks.push(`content of the ${key} case`);
    if (!e.caseContentByDesign && body.includes(c.meldcodeMarker) && !mayViewMeldcode(who, relation))
      leaks.push(`Meldcode record of the ${key} case`);
  }
  for (const s of foreignStrings())
    if (body.includes(s) && !requestText.includes(s)) leaks.push(`a record of the other municipality (${s})`);
  return leaks;
}

/** After an allowed request that removed or ended a record: a new one for the next subject (and an emergency access ends at once). */
const RESTORE: Record<string, (tg: Target, who: Who) => Promise<void>> = {
  'DELETE /api/cases/:id/network/:entryId': async (tg) => {
    const r = await world.workers[tg.caseKey].post(`/api/cases/${tg.kase.id}/network`, {
      name: 'Buurman Matrix',
      relationType: 'neighbour',
      quality: 'supportive',
      contactFrequency: 'monthly',
    });
    tg.kase.networkEntryId = r.json<{ network: Array<{ id: string }> }>().network.at(-1)!.id;
  },
  'DELETE /api/cases/:id/professionals/:entryId': async (tg) => {
    const r = await world.workers[tg.caseKey].post(`/api/cases/${tg.kase.id}/professionals`, {
      organisation: 'Schuldhulp Matrix',
    });
    tg.kase.professionalEntryId = r.json<{ professionals: Array<{ id: string }> }>().professionals.at(-1)!.id;
  },
  'POST /api/cases/:id/consents/:entryId/withdraw': (tg) => newConsent(tg),
  'POST /api/resident/persons/:personId/consents/:consentId/withdrawal': (tg) => newConsent(tg),
  'POST /api/cases/:id/resident-portal/representations/:representationId/end': async (tg) => {
    await world.workers[tg.caseKey].post(`/api/cases/${tg.kase.id}/resident-portal/representations`, {
      representativePersonId: tg.kase.adultId,
      personId: tg.kase.childId,
      relation: 'parent',
      evidence: 'Uittreksel gezagsregister gezien',
    });
    const row = await t.db.inSystem((tx) =>
      tx
        .selectFrom('resident_representation')
        .select('id')
        .where('person_id', '=', tg.kase.childId)
        .where('ended_at', 'is', null)
        .executeTakeFirstOrThrow(),
    );
    tg.kase.representationId = row.id;
  },
  'POST /api/cases/:id/emergency-access': async (tg, who) => {
    await agentOf(who).post(`/api/cases/${tg.kase.id}/emergency-access/end`);
  },
};

async function newConsent(tg: Target): Promise<void> {
  await world.workers[tg.caseKey].post(`/api/cases/${tg.kase.id}/consents`, {
    personId: tg.kase.adultId,
    recipient: 'Huisarts Matrix',
    scope: 'Gezondheid',
    form: 'verbal',
    givenOn: yesterday(),
  });
  const row = await t.db.inSystem((tx) =>
    tx
      .selectFrom('information_consent')
      .select('id')
      .where('case_id', '=', tg.kase.id)
      .where('withdrawn_on', 'is', null)
      .orderBy('recorded_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow(),
  );
  tg.kase.consentId = row.id;
}

const agentOf = (who: Who): Agent => (who === 'anonymous' ? anonymousAgent : world.agents[who]);
let anonymousAgent: Agent;

/** Sends a request; the user agent names the cell, so that its rows in the access log can be found afterwards. */
async function send(
  agent: Agent,
  method: string,
  url: string,
  body: unknown,
  tag = 'authz-matrix',
): Promise<LightMyRequestResponse> {
  return agent.request(method as 'GET', url, body, { 'user-agent': tag });
}

function codeOf(r: LightMyRequestResponse): string {
  try {
    const code = (JSON.parse(r.body) as { code?: unknown }).code;
    return typeof code === 'string' ? code : '';
  } catch {
    return '';
  }
}

beforeAll(async () => {
  const t0 = Date.now();
  t = await startTestApp();
  const t1 = Date.now();
  world = await buildWorld(t);
  console.log(
    `authorisation matrix: app ${((t1 - t0) / 1000).toFixed(1)} s, world ${((Date.now() - t1) / 1000).toFixed(1)} s`,
  );
  anonymousAgent = t.agent();
  await installChangeCounter();
  await recorded();
}, 300_000);
afterAll(() => t?.close());

describe('the authorisation matrix', () => {
  it('has an expectation for every route of the app (a new route needs a line in the table)', () => {
    const routes = [...new Set(registeredRoutes.map((r) => `${r.method} ${r.url}`))];
    const missing = routes.filter(
      (r) => !EXPECTATIONS[r] && !(r.startsWith('HEAD ') && EXPECTATIONS[`GET ${r.slice(5)}`]),
    );
    expect(missing).toEqual([]);
    const unknown = Object.keys(EXPECTATIONS).filter((k) => !routes.includes(k));
    expect(unknown).toEqual([]);
    expect(routes.length).toBeGreaterThan(250);
  });

  it('allows and denies every route for every role and relation as the docs say, logs every refusal, and leaks nothing', async () => {
    const started = Date.now();
    const changesAtStart = (await recorded()).changes;
    const doc = (await t.app.inject('/api/docs/json')).json();
    const schemas = bodySchemas(doc);
    const routes = [...new Set(registeredRoutes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`))];
    const ordered = [...routes.filter((r) => !RUN_LAST.includes(r)), ...RUN_LAST.filter((r) => routes.includes(r))];
    const failures: string[] = [];
    const cells: Cell[] = [];
    const heads = [...new Set(registeredRoutes.filter((r) => r.method === 'HEAD').map((r) => r.url))];

    let tagNumber = 0;
    const msPerRoute = new Map<string, number>();
    for (const route of ordered) {
      const routeStarted = performance.now();
      const e = EXPECTATIONS[route]!;
      const method = route.slice(0, route.indexOf(' '));
      const isPublic = e.allow.anonymous === 'any';
      const residentRoute = e.resource === 'residentPerson';
      const planned = WHO.flatMap((who) =>
        RESOURCE_RELATIONS[e.resource].map((relation) => {
          const expected: Cell['expected'] = isPublic
            ? 'allow'
            : who === 'anonymous' || (who === 'resident') !== residentRoute
              ? 'unauthenticated'
              : allowedRelations(e, who).includes(relation)
                ? 'allow'
                : 'deny';
          return { who, relation, expected, tag: `authz-matrix-${++tagNumber}` };
        }),
      );
      const routeCells: Array<Cell & { tag: string }> = [];
      const before = await recorded();
      const checkRefusals = async () => {
        // One look at the database for all refusals of the route: nothing changed, and each 403 is in the access log.
        const after = await recorded();
        if (method !== 'GET' && after.changes !== before.changes)
          failures.push(`${route} | * | *: refused requests changed ${after.lastTable}`);
        for (const cell of routeCells) {
          if (!cell.denied || cell.who === 'anonymous' || cell.status === 401) continue;
          const mine = after.denied.filter((d) => d.user_agent === cell.tag);
          cell.logged = mine.length > 0;
          cell.routeLevel = mine.some((d) => d.event === 'access.denied');
          const where = `${route} | ${cell.who} | ${cell.relation}`;
          if (cell.status === 403 && !cell.logged) failures.push(`${where}: 403 not in the access log`);
          if (
            cell.status === 403 &&
            cell.logged &&
            cell.caseId &&
            !cell.routeLevel &&
            !mine.some((d) => d.case_id === cell.caseId)
          )
            failures.push(`${where}: 403 logged without the case`);
        }
      };
      const runCell = async ({ who, relation, expected, tag }: (typeof planned)[number]) => {
        const tg = targetFor(world, e.resource, who, relation);
        const url = urlFor(route, tg);
        const body =
          method === 'GET' || method === 'DELETE'
            ? undefined
            : BODIES[route]
              ? BODIES[route](tg, who, world)
              : schemas.has(route)
                ? generatedBody(schemas.get(route)!, tg)
                : undefined;
        const response = await send(agentOf(who), method, url, body, tag);
        const status = response.statusCode;
        const code = codeOf(response);
        const denied = status === 401 || status === 403 || (status === 404 && HIDDEN.has(code));
        const caseId = e.resource === 'case' || e.resource === 'task' ? tg.kase.id : undefined;
        const cell: Cell & { tag: string } = {
          route,
          who,
          relation,
          expected,
          status,
          code,
          denied,
          caseId,
          logged: false,
          routeLevel: false,
          hiddenLikeNothing: false,
          tag,
        };
        if (status === 400) Object.assign(cell, { detail: response.body.slice(0, 160) });
        cells.push(cell);
        routeCells.push(cell);
        const where = `${route} | ${who} | ${relation}`;
        const said = `${status} ${code}`.trim();
        if (status >= 500) failures.push(`${where}: 5xx ${response.body.slice(0, 200)}`);

        // Another municipality's record may be answered exactly like a record that does not exist (random ids: the
        // same status and code, and for a success the same body), which shows nothing of it.
        if (relation === 'otherTenant' && expected === 'deny' && status !== 404 && status < 500) {
          const twinUrl = foreignStrings().reduce((u, x) => u.split(x).join(randomUUID()), url);
          const twinBody =
            body === undefined
              ? undefined
              : JSON.parse(foreignStrings().reduce((b, x) => b.split(x).join(randomUUID()), JSON.stringify(body)));
          const twin = await send(agentOf(who), method, twinUrl, twinBody, `${tag}-twin`);
          cell.hiddenLikeNothing =
            twin.statusCode === status && codeOf(twin) === code && (status >= 400 || twin.body === response.body);
        }

        if (expected === 'allow' && denied) failures.push(`${where}: expected allowed, got ${said}`);
        if (expected === 'unauthenticated' && status !== 401) failures.push(`${where}: expected 401, got ${said}`);
        if (expected === 'deny' && !denied && !cell.hiddenLikeNothing)
          failures.push(`${where}: expected denied, got ${said}`);

        const text = /json|text|svg|csv/.test(String(response.headers['content-type'] ?? '')) ? response.body : '';
        for (const leak of contentLeaks(who, text, e, url + JSON.stringify(body ?? '')))
          failures.push(`${where}: response holds ${leak}`);

        // Put back what an allowed request removed or ended, and end an emergency access at once.
        if (expected === 'allow' && status < 300) await RESTORE[route]?.(tg, who);
      };
      // Requests that should be refused change nothing, and reads change nothing: they run side by side (never two
      // of one session at once). Allowed changes run one after the other, after the refusals (on the untouched world).
      const sideBySide = (p: (typeof planned)[number]) => p.expected !== 'allow' || method === 'GET';
      for (const relation of RESOURCE_RELATIONS[e.resource]) {
        await Promise.all(planned.filter((p) => sideBySide(p) && p.relation === relation).map(runCell));
      }
      await checkRefusals();
      for (const p of planned.filter((x) => !sideBySide(x))) await runCell(p);
      msPerRoute.set(route, performance.now() - routeStarted);
    }

    // Refusals in the own municipality: a case file answers 403 (docs); a route that hides existence answers 404,
    // unless the role may not use the route at all. Another municipality: 404, or a refusal that does not depend on
    // the record (the role may not use the route, or random ids get the same answer).
    for (const c of cells) {
      if (c.expected !== 'deny' || !c.denied) continue;
      const e = EXPECTATIONS[c.route]!;
      const where = `${c.route} | ${c.who} | ${c.relation}`;
      if (c.status === 401) failures.push(`${where}: a logged-in user got 401`);
      if (c.relation === 'otherTenant' && c.status !== 404 && !c.routeLevel && !c.hiddenLikeNothing)
        failures.push(`${where}: another municipality's record answered ${c.status} ${c.code} (existence shows)`);
      if (c.relation !== 'otherTenant' && e.hidesExistence && c.status !== 404 && !c.routeLevel)
        failures.push(`${where}: expected 404 (existence hidden), got ${c.status} ${c.code}`);
      if (c.relation !== 'otherTenant' && e.resource === 'case' && c.status !== 403)
        failures.push(`${where}: a case of the own municipality refused with ${c.status} ${c.code}, not 403`);
    }

    // The privacy officer without a second factor: the log viewer refuses (403 second_factor_required, logged);
    // everything else as for the officer with one.
    for (const route of ordered) {
      const e = EXPECTATIONS[route]!;
      const method = route.slice(0, route.indexOf(' '));
      if (e.allow.anonymous) continue;
      for (const relation of allowedRelations(e, 'privacy_officer')) {
        const tg = targetFor(world, e.resource, 'privacy_officer', relation);
        const body =
          method === 'GET' || method === 'DELETE'
            ? undefined
            : BODIES[route]
              ? BODIES[route](tg, 'privacy_officer', world)
              : undefined;
        await recorded();
        const r = await send(world.officerWithout2fa, method, urlFor(route, tg), body);
        const after = await recorded();
        const where = `${route} | privacy officer without second factor | ${relation}`;
        const logged = after.denied.some(
          (d) => d.user_id === world.officerWithout2faId && d.event === 'access_log.refused_without_second_factor',
        );
        cells.push({
          route,
          who: 'privacy_officer',
          relation,
          expected: e.secondFactor ? 'deny' : 'allow',
          status: r.statusCode,
          code: codeOf(r),
          denied: r.statusCode === 403 || r.statusCode === 404,
          caseId: undefined,
          logged,
          routeLevel: false,
          hiddenLikeNothing: false,
        });
        if (e.secondFactor && !(r.statusCode === 403 && codeOf(r) === 'second_factor_required' && logged))
          failures.push(
            `${where}: expected 403 second_factor_required (logged), got ${r.statusCode} ${codeOf(r)}${logged ? '' : ', not logged'}`,
          );
        if (!e.secondFactor && (r.statusCode === 401 || r.statusCode === 403))
          failures.push(`${where}: expected allowed, got ${r.statusCode} ${codeOf(r)}`);
      }
    }

    // Not vacuous: the content of the cases that someone may see was seen, and allowed requests changed the database.
    for (const key of ['own', 'team', 'consulted'] as const)
      expect([key, seen.has(world.cases[key].contentMarker)]).toEqual([key, true]);
    for (const key of ['own', 'team'] as const)
      expect([key, seen.has(world.cases[key].meldcodeMarker)]).toEqual([key, true]);
    expect((await recorded()).changes).toBeGreaterThan(changesAtStart);

    // HEAD answers like GET: without a login, 401 on every route that is not public.
    for (const url of heads) {
      const e = EXPECTATIONS[`GET ${url}`] ?? EXPECTATIONS[`HEAD ${url}`]!;
      const tg = targetFor(world, e.resource, 'anonymous', 'own');
      const route = EXPECTATIONS[`GET ${url}`] ? `GET ${url}` : `HEAD ${url}`;
      const r = await t.app.inject({ method: 'HEAD', url: urlFor(route, tg) });
      const isPublic = e.allow.anonymous === 'any';
      cells.push({
        route: `HEAD ${url}`,
        who: 'anonymous',
        relation: 'own',
        expected: isPublic ? 'allow' : 'unauthenticated',
        status: r.statusCode,
        code: '',
        denied: r.statusCode === 401,
        caseId: undefined,
        logged: false,
        routeLevel: false,
        hiddenLikeNothing: false,
      });
      if (!isPublic && r.statusCode !== 401)
        failures.push(`HEAD ${url} | anonymous: expected 401, got ${r.statusCode}`);
    }

    // AUTHZ_REPORT=<file>: every cell and every failure, for reading the matrix.
    if (process.env.AUTHZ_REPORT)
      writeFileSync(
        process.env.AUTHZ_REPORT,
        [
          ...failures,
          '',
          ...[...msPerRoute].sort((a, b) => b[1] - a[1]).map(([r, ms]) => `${Math.round(ms)} ms ${r}`),
          '',
          ...cells.map(
            (c) =>
              `${c.route} | ${c.who} | ${c.relation} | ${c.expected} | ${c.status} ${c.code}${c.detail ? ` ${c.detail}` : ''}`,
          ),
        ].join('\n'),
      );
    const matches = (d: Deviation, f: string) => {
      const [route, who, rest] = f.split(' | ');
      const relation = rest?.slice(0, rest.indexOf(':'));
      const message = rest?.slice(rest.indexOf(':') + 2) ?? '';
      return (
        route === d.route &&
        (d.who === '*' || d.who === who) &&
        (d.relation === '*' || d.relation === relation) &&
        message.startsWith(d.says)
      );
    };
    const unexpected = failures.filter((f) => !DEVIATIONS.some((d) => matches(d, f)));
    const gone = DEVIATIONS.filter((d) => !failures.some((f) => matches(d, f))).map(
      (d) => `${d.route} | ${d.who} | ${d.relation}: ${d.says}`,
    );
    const allowed = cells.filter((c) => !c.denied && !c.hiddenLikeNothing).length;
    const denied = cells.filter((c) => c.denied);
    const unloggedNotFound = denied.filter((c) => c.status === 404 && !c.logged && c.who !== 'anonymous').length;
    const likeNothing = cells.filter((c) => !c.denied && c.hiddenLikeNothing).length;
    console.log(
      `authorisation matrix: ${routes.length} routes (+${heads.length} HEAD) × ${WHO.length} subjects × ${RELATIONS.length} relations → ${cells.length} cells checked in ${((Date.now() - started) / 1000).toFixed(0)} s: ` +
        `${allowed} allowed, ${denied.length} denied (${denied.filter((c) => c.status === 401).length}× 401, ${denied.filter((c) => c.status === 403).length}× 403 of which ${denied.filter((c) => c.status === 403 && !c.logged).length} not logged, ` +
        `${denied.filter((c) => c.status === 404).length}× 404 of which ${unloggedNotFound} not logged; ${likeNothing} answered as for a record that does not exist); ${unexpected.length} failures, ${failures.length - unexpected.length} cells on ${DEVIATIONS.length} documented deviations`,
    );
    expect(unexpected).toEqual([]);
    expect(gone).toEqual([]);
  }, 900_000);
});
