/**
 * Crash consistency (issue #11 §1): the real app runs as a process on the demo municipality; a burst of
 * writes (referrals from the desk and the public form, ZRM scores, plan goals, contacts in the journaal) is
 * cut off by SIGKILL of the whole process group — the app and, on the embedded database, its PGlite
 * process — at a random moment.
 * After every restart each write the app acknowledged (2xx) must be there and complete; writes that were
 * under way when the process died are retried with their idempotency key and must then exist exactly once.
 * At the end the database itself is checked for anything half-written.
 *
 * CRASH_ROUNDS (default 10 per database, so CI's two runs kill at least 20 times) sets the number of kills;
 * e.g. `CRASH_ROUNDS=100 npx vitest run apps/api/test/reliability/crash-consistency.int.test.ts`.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/platform/database/database';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/platform/database/embedded';
import { createAppData, startAppProcess, waitForLockRelease, type AppData, type AppProcess } from './app-process';
import { HttpAgent } from './http-client';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 10);
const PASSWORD = 'Welkom-bij-Nabij-2026';
/** Each round's writes run for a random time in this range before the kill. */
const BURST_MS: [number, number] = [150, 1_200];

const digest = (s: string) => createHash('sha256').update(s).digest('hex');
/** Long texts derived from the key, so a torn or truncated write cannot pass for a complete one. */
const questionFor = (key: string) => `Crashtest ${key} ${digest(key).repeat(30)}`;
const problemFor = (key: string) => `Crashdoel ${key} ${digest(`p${key}`).repeat(15)}`;
const noteFor = (key: string, domain: string) => `Crashscore ${key} ${domain} ${digest(key + domain).repeat(5)}`;
const contactFor = (key: string) => `Crashcontact ${key} ${digest(`c${key}`).repeat(40)}`;

let data: AppData;
let app: AppProcess | undefined;
const desk = new HttpAgent('');
const worker = new HttpAgent('');
const publicClient = new HttpAgent('');
let teamId: string;
let zrmCase: { id: string; personId: string; domains: string[] };
let planCase: { id: string; version: number };

/** What the app acknowledged, and what was under way when it died. */
const acked = {
  desk: new Map<string, string>(),
  public: new Map<string, string>(),
  zrm: new Set<string>(),
  goals: new Set<string>(),
  contacts: new Map<string, string>(),
};
const unacknowledgedDesk = new Set<string>();
const unacknowledgedContacts = new Set<string>();
const stats = { kills: 0, writesAcknowledged: 0, writesInterrupted: 0, retried: 0 };

function pointAt(baseUrl: string) {
  desk.baseUrl = worker.baseUrl = publicClient.baseUrl = baseUrl;
}

const deskReferral = (key: string) => ({
  teamId,
  channel: 'phone',
  referrerKind: 'self',
  referrer: { name: 'Inwoner', phone: '0612345678' },
  residents: [{ firstName: 'Crash', lastName: `Test ${key.slice(0, 8)}` }],
  lifeDomains: ['finances', 'housing'],
  question: questionFor(key),
  idempotencyKey: key,
});

const contact = (key: string) => ({
  idempotencyKey: key,
  kind: 'phone',
  contactOn: '2026-01-05',
  durationMinutes: 15,
  note: contactFor(key),
});

const publicReferral = (key: string) => ({
  teamId,
  referrerKind: 'professional',
  referrer: { name: 'Dr. Test', organisation: 'Huisartsenpraktijk', phone: '030-1234567' },
  residents: [{ firstName: 'Publiek', lastName: `Crash ${key.slice(0, 8)}` }],
  lifeDomains: ['finances'],
  question: questionFor(key),
  attachments: [],
  idempotencyKey: key,
});

/** One round of writes until `deadline`; returns when every writer has stopped (the app was killed). */
async function burst(killAt: number, killed: Promise<void>) {
  let dead = false;
  void killed.then(() => (dead = true));
  const alive = () => !dead;
  const deskWriter = async () => {
    while (alive()) {
      const key = crypto.randomUUID();
      const r = await desk.post('/api/referrals', deskReferral(key));
      if (r.status === 201) {
        acked.desk.set(key, r.body.id);
        stats.writesAcknowledged++;
      } else if (r.status <= 0) {
        unacknowledgedDesk.add(key);
        stats.writesInterrupted++;
      } else throw new Error(`desk referral answered ${r.status}: ${r.text}`);
    }
  };
  const publicWriter = async () => {
    // The public form allows 10 referrals per address per 10 minutes (per process): two per round.
    for (let i = 0; i < 2 && alive(); i++) {
      await new Promise((r) => setTimeout(r, Math.random() * (killAt - Date.now())));
      const key = crypto.randomUUID();
      const r = await publicClient.post('/api/public/referrals/voorbeeld', publicReferral(key));
      if (r.status === 201) {
        acked.public.set(key, r.body.reference);
        stats.writesAcknowledged++;
      } else if (r.status <= 0) stats.writesInterrupted++;
      else throw new Error(`public referral answered ${r.status}: ${r.text}`);
    }
  };
  const zrmWriter = async () => {
    while (alive()) {
      const key = crypto.randomUUID();
      const scores = zrmCase.domains
        .slice(0, 2)
        .map((domain, i) => ({ domain, score: 1 + ((i + key.charCodeAt(0)) % 5), note: noteFor(key, domain) }));
      const r = await worker.post(`/api/cases/${zrmCase.id}/zrm`, {
        personId: zrmCase.personId,
        kind: 'interim',
        assessedOn: '2026-01-05',
        scores,
      });
      if (r.status === 200) {
        acked.zrm.add(key);
        stats.writesAcknowledged++;
      } else if (r.status <= 0) stats.writesInterrupted++;
      else throw new Error(`ZRM answered ${r.status}: ${r.text}`);
    }
  };
  const planWriter = async () => {
    while (alive()) {
      const key = crypto.randomUUID();
      const r = await worker.post(`/api/cases/${planCase.id}/plan/goals`, {
        version: planCase.version,
        domain: 'finances',
        problem: problemFor(key),
        goal: `Doel ${key}`,
      });
      if (r.status === 200) {
        acked.goals.add(key);
        planCase.version = r.body.plan.current.version;
        stats.writesAcknowledged++;
      } else if (r.status <= 0) stats.writesInterrupted++;
      else throw new Error(`plan goal answered ${r.status}: ${r.text}`);
    }
  };
  const contactWriter = async () => {
    while (alive()) {
      const key = crypto.randomUUID();
      const r = await worker.post(`/api/cases/${zrmCase.id}/contacts`, contact(key));
      if (r.status === 201) {
        acked.contacts.set(key, r.body.id);
        stats.writesAcknowledged++;
      } else if (r.status <= 0) {
        unacknowledgedContacts.add(key);
        stats.writesInterrupted++;
      } else throw new Error(`contact answered ${r.status}: ${r.text}`);
    }
  };
  await Promise.all([deskWriter(), deskWriter(), publicWriter(), zrmWriter(), planWriter(), contactWriter()]);
}

async function start() {
  await waitForLockRelease(data.dataDir);
  app = await startAppProcess({ ...data.env, JOBS_ENABLED: 'false' });
  pointAt(app.baseUrl);
}

/** Keys already checked through the API after an earlier restart (the final database check covers all). */
const verified = new Set<string>();

/** Checks through the API that every write acknowledged since the last check is there and complete. */
async function verifyAcknowledged() {
  for (const [key, id] of acked.desk) {
    if (verified.has(key)) continue;
    const r = await desk.get(`/api/referrals/${id}`);
    expect(r.status, `referral ${key}`).toBe(200);
    expect(r.body.question).toBe(questionFor(key));
    expect(r.body.residents).toHaveLength(1);
    verified.add(key);
  }
  const overview = await worker.get(`/api/cases/${zrmCase.id}`);
  expect(overview.status).toBe(200);
  const zrmByKey = new Map<string, Array<{ domain: string; note: string | null }>>();
  for (const a of overview.body.zrm as Array<{ scores: Array<{ domain: string; note: string | null }> }>) {
    const key = /^Crashscore (\S+)/.exec(a.scores[0]?.note ?? '')?.[1];
    if (key) zrmByKey.set(key, a.scores);
  }
  for (const key of acked.zrm) {
    const scores = zrmByKey.get(key);
    expect(scores, `ZRM ${key}`).toBeDefined();
    expect(scores!.map((s) => s.note).sort()).toEqual(
      zrmCase.domains
        .slice(0, 2)
        .map((d) => noteFor(key, d))
        .sort(),
    );
  }
  const log = await worker.get(`/api/cases/${zrmCase.id}/contacts`);
  expect(log.status).toBe(200);
  const notes = new Map((log.body.contacts as Array<{ id: string; note: string }>).map((c) => [c.id, c.note]));
  for (const [key, id] of acked.contacts) expect(notes.get(id), `contact ${key}`).toBe(contactFor(key));
  const plan = await worker.get(`/api/cases/${planCase.id}/plan`);
  expect(plan.status).toBe(200);
  planCase.version = plan.body.plan.current.version;
  const goals = new Map(
    (plan.body.plan.current.goals as Array<{ goal: string; problem: string }>).map((g) => [g.goal, g.problem]),
  );
  for (const key of acked.goals) expect(goals.get(`Doel ${key}`), `goal ${key}`).toBe(problemFor(key));
}

beforeAll(async () => {
  data = await createAppData();
  await start();
  await desk.login('bureaudienst', PASSWORD);
  await worker.login('werker', PASSWORD);
  const form = await publicClient.get('/api/public/referral-form/voorbeeld');
  teamId = (form.body.teams as Array<{ id: string; name: string }>).find((t) => t.name === 'Wijkteam Noord')!.id;
  const mine = await worker.get('/api/cases/mine');
  const cases = mine.body.cases as Array<{ id: string }>;
  expect(cases.length).toBeGreaterThanOrEqual(2);
  const all = await Promise.all(cases.map(async (c) => (await worker.get(`/api/cases/${c.id}`)).body));
  // Cases being worked on (not closing, watched or closed), so that plans and contacts may change.
  const overviews = all.filter((o) => ['analysis', 'plan', 'execution'].includes(o.phase));
  expect(overviews.length).toBeGreaterThanOrEqual(2);
  const withMembers = overviews.filter(
    (o) =>
      o.questionDomains.length > 0 &&
      o.household?.members.some((m: { isMinor: boolean | null }) => m.isMinor === false),
  );
  const zrmOverview = withMembers[0];
  const adult = zrmOverview.household.members.find((m: { isMinor: boolean | null }) => m.isMinor === false);
  const domains = [...zrmOverview.questionDomains, 'finances', 'housing', 'social_network'].filter(
    (d, i, all) => all.indexOf(d) === i,
  );
  zrmCase = { id: zrmOverview.id, personId: adult.id, domains };
  // The plan case: another case; start a plan or a new draft when needed.
  const planId = overviews.find((o) => o.id !== zrmCase.id)!.id;
  let page = (await worker.get(`/api/cases/${planId}/plan`)).body;
  if (!page.plan) page = (await worker.post(`/api/cases/${planId}/plan`, { startsOn: '2026-01-05' })).body;
  if (page.plan.current.status !== 'draft') {
    page = (
      await worker.post(`/api/cases/${planId}/plan/revisions`, {
        version: page.plan.current.version,
        reason: 'Crashtest',
      })
    ).body;
  }
  planCase = { id: planId, version: page.plan.current.version };
  // Out-of-question domains need a reason; the first two domains are the question's own where possible.
  if (!zrmOverview.questionDomains.includes(zrmCase.domains[1])) {
    zrmCase.domains = [...zrmOverview.questionDomains.slice(0, 2)];
  }
  expect(zrmCase.domains.length).toBeGreaterThanOrEqual(1);
}, 180_000);

afterAll(async () => {
  await app?.kill();
  await waitForLockRelease(data?.dataDir).catch(() => undefined);
  await data?.remove();
});

describe('crash consistency', () => {
  it(
    `keeps every acknowledged write through ${ROUNDS} kills of the running app`,
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const killAt = Date.now() + BURST_MS[0] + Math.random() * (BURST_MS[1] - BURST_MS[0]);
        let signalKilled!: () => void;
        const killed = new Promise<void>((resolve) => (signalKilled = resolve));
        const writes = burst(killAt, killed);
        await new Promise((r) => setTimeout(r, killAt - Date.now()));
        await app!.kill();
        stats.kills++;
        signalKilled();
        await writes;
        const t0 = Date.now();
        await start();
        const t1 = Date.now();
        // Writes cut off by the crash: the client retries with the same key and gets one referral.
        for (const key of [...unacknowledgedDesk]) {
          const r = await desk.post('/api/referrals', deskReferral(key));
          expect(r.status, r.text).toBe(201);
          acked.desk.set(key, r.body.id);
          unacknowledgedDesk.delete(key);
          stats.retried++;
        }
        const t2 = Date.now();
        for (const key of [...unacknowledgedContacts]) {
          const r = await worker.post(`/api/cases/${zrmCase.id}/contacts`, contact(key));
          expect([200, 201], r.text).toContain(r.status);
          acked.contacts.set(key, r.body.id);
          unacknowledgedContacts.delete(key);
          stats.retried++;
        }
        await verifyAcknowledged();
        if (process.env.CRASH_DEBUG)
          console.log(`round ${round}: restart ${t1 - t0} ms, retries ${t2 - t1} ms, verify ${Date.now() - t2} ms`);
      }
      console.log(`crash consistency: ${JSON.stringify(stats)}`);
      expect(stats.kills).toBe(ROUNDS);
      expect(stats.writesAcknowledged).toBeGreaterThan(ROUNDS);
    },
    ROUNDS * 30_000 + 60_000,
  );

  it('leaves nothing half-written in the database after a last kill', async () => {
    await app!.kill();
    await waitForLockRelease(data.dataDir);
    let embedded: EmbeddedDatabase | undefined;
    let db: Database;
    if (data.mode === 'embedded') {
      embedded = await startEmbeddedDatabase(data.dataDir!);
      db = createDatabase(embedded.url, 2);
    } else db = createDatabase(data.serverUrl!, 2);
    try {
      await db.inSystem(async (tx) => {
        const referrals = await tx
          .selectFrom('referral as r')
          .select(['r.id', 'r.idempotency_key', 'r.reference', 'r.question', 'r.channel'])
          .select((eb) =>
            eb
              .selectFrom('referral_person as p')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('p.referral_id', '=', 'r.id')
              .as('persons'),
          )
          .select((eb) =>
            eb
              .selectFrom('access_log as l')
              .select((e) => e.fn.countAll<number>().as('n'))
              .where('l.event', 'in', ['referral.registered', 'referral.received'])
              .where(sql<boolean>`l.detail->>'referralId' = r.id::text`)
              .as('logged'),
          )
          .where('r.question', 'like', 'Crashtest %')
          .execute();
        for (const r of referrals) {
          const key = r.question.split(' ')[1]!;
          expect(r.idempotency_key).toBe(key);
          expect(r.question).toBe(questionFor(key));
          expect(Number(r.persons)).toBe(1);
          expect(Number(r.logged), `access log of referral ${r.id}`).toBe(1);
        }
        const byKey = new Map(referrals.map((r) => [r.idempotency_key, r]));
        for (const [key, id] of acked.desk) expect(byKey.get(key)?.id).toBe(id);
        for (const [key, reference] of acked.public) expect(byKey.get(key)?.reference).toBe(reference);

        const assessments = await tx
          .selectFrom('zrm_assessment as a')
          .innerJoin('zrm_score as s', 's.assessment_id', 'a.id')
          .select(['a.id', 's.note'])
          .where('a.case_id', '=', zrmCase.id)
          .where('s.note', 'like', 'Crashscore %')
          .execute();
        const notesPerAssessment = new Map<string, string[]>();
        for (const a of assessments) notesPerAssessment.set(a.id, [...(notesPerAssessment.get(a.id) ?? []), a.note!]);
        const stored = new Set<string>();
        for (const notes of notesPerAssessment.values()) {
          const key = notes[0]!.split(' ')[1]!;
          expect(notes.sort()).toEqual(
            zrmCase.domains
              .slice(0, 2)
              .map((d) => noteFor(key, d))
              .sort(),
          );
          stored.add(key);
        }
        for (const key of acked.zrm) expect(stored.has(key), `ZRM ${key}`).toBe(true);

        const contacts = await tx
          .selectFrom('contact_entry as c')
          .select(['c.id', 'c.idempotency_key', 'c.note'])
          .select((eb) =>
            eb
              .selectFrom('access_log as l')
              .select(sql<string>`count(*) - count(distinct l.person_id)`.as('d'))
              .where('l.event', '=', 'contact.logged')
              .where(sql<boolean>`l.detail->>'contactId' = c.id::text`)
              .as('duplicates'),
          )
          .select((eb) =>
            eb
              .selectFrom('access_log as l')
              .select((e) => e.fn.countAll<string>().as('n'))
              .where('l.event', '=', 'contact.logged')
              .where(sql<boolean>`l.detail->>'contactId' = c.id::text`)
              .as('logged'),
          )
          .where('c.note', 'like', 'Crashcontact %')
          .execute();
        for (const c of contacts) {
          expect(c.note).toBe(contactFor(c.idempotency_key!));
          expect(Number(c.logged), `access log of contact ${c.id}`).toBeGreaterThan(0);
          expect(Number(c.duplicates)).toBe(0);
        }
        const contactIds = new Map(contacts.map((c) => [c.idempotency_key, c.id]));
        for (const [key, id] of acked.contacts) expect(contactIds.get(key), `contact ${key}`).toBe(id);

        const goals = await tx
          .selectFrom('plan_goal')
          .select(['goal', 'problem'])
          .where('goal', 'like', 'Doel %')
          .execute();
        for (const g of goals) expect(g.problem).toBe(problemFor(g.goal.slice(5)));
        const goalKeys = new Set(goals.map((g) => g.goal.slice(5)));
        for (const key of acked.goals) expect(goalKeys.has(key), `goal ${key}`).toBe(true);
        console.log(
          `crash consistency, database check: ${referrals.length} referrals, ${notesPerAssessment.size} ZRM assessments, ${contacts.length} contacts, ${goals.length} plan goals; lost 0`,
        );
      });
    } finally {
      await db.close();
      await embedded?.stop();
    }
  }, 120_000);
});
