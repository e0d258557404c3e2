import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, TaskList, TaskView } from '@nabij/contracts';
import { buildCase, buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';
import { startScheduler, type JobDefinition } from '../../platform/jobs';
import { createMailer } from '../../platform/mail';
import { generateReminders } from './generate-reminders';
import { sendTaskDigests } from './task-digest';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
const as: Record<string, Agent & { userId: string }> = {};
const today = new Date().toISOString().slice(0, 10);
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function login(key: string, roles: Role[], forTenant = tenant, email?: string) {
  const user = await buildUser(t.db, forTenant, { roles });
  if (email) await t.db.inSystem((tx) => tx.updateTable('app_user').set({ email }).where('id', '=', user.id).execute());
  const agent = t.agent();
  await agent.login(user.username, user.password);
  as[key] = Object.assign(agent, { userId: user.id });
  return as[key];
}
const tasksOf = (caseId: string) =>
  t.db.inSystem((tx) =>
    tx.selectFrom('task').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute(),
  );

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await login('worker', ['case_worker'], tenant, 'werker@example.test');
  await login('colleague', ['case_worker']);
  await login('coordinator', ['team_coordinator']);
});
afterAll(() => t.close());

describe('manual tasks', () => {
  it('adds a task on a case for the case worker, shows it in Mijn werk, on the case and to the coordinator', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    const r = await as.worker!.post(`/api/cases/${kase.id}/tasks`, {
      title: 'Bel de woningcorporatie',
      dueOn: addDays(today, -1),
    });
    expect(r.statusCode).toBe(201);
    const task = r.json<TaskView>();
    expect(task).toMatchObject({ kind: 'manual', overdue: true, assignee: { id: as.worker!.userId } });

    const mine = (await as.worker!.get('/api/tasks/mine')).json<TaskList>();
    expect(mine.tasks.map((x) => x.id)).toContain(task.id);
    expect((await as.colleague!.get('/api/tasks/mine')).json<TaskList>().tasks.map((x) => x.id)).not.toContain(task.id);
    const team = (await as.coordinator!.get('/api/tasks/team')).json<TaskList>();
    expect(team.tasks.find((x) => x.id === task.id)?.assignee?.id).toBe(as.worker!.userId);
    expect((await as.worker!.get('/api/tasks/team')).statusCode).toBe(403);

    const overview = (await as.worker!.get(`/api/cases/${kase.id}`)).json<{
      openTasks: Array<{ id: string; overdue: boolean }>;
    }>();
    expect(overview.openTasks).toEqual([expect.objectContaining({ id: task.id, overdue: true, dueToday: false })]);
    // A task due today is marked as such on the case page.
    const todays = (
      await as.worker!.post(`/api/cases/${kase.id}/tasks`, { title: 'Huisbezoek voorbereiden', dueOn: today })
    ).json<TaskView>();
    const withToday = (await as.worker!.get(`/api/cases/${kase.id}`)).json<{
      openTasks: Array<{ id: string; overdue: boolean; dueToday: boolean }>;
    }>();
    expect(withToday.openTasks.find((x) => x.id === todays.id)).toMatchObject({ overdue: false, dueToday: true });

    const done = await as.worker!.post(`/api/tasks/${task.id}/done`, { version: task.version });
    expect(done.statusCode).toBe(200);
    expect((await as.worker!.get('/api/tasks/mine')).json<TaskList>().tasks.map((x) => x.id)).not.toContain(task.id);
    const again = await as.worker!.post(`/api/tasks/${task.id}/done`, { version: task.version });
    expect(again.statusCode).toBe(409);
  });

  it('refuses completing a task of a colleague outside the case, and a task without a title', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    const task = (
      await as.worker!.post(`/api/cases/${kase.id}/tasks`, { title: 'Brief nasturen', dueOn: today })
    ).json<TaskView>();
    const r = await as.colleague!.post(`/api/tasks/${task.id}/done`, { version: task.version });
    expect(r.statusCode).toBe(403);
    const empty = await as.worker!.post(`/api/cases/${kase.id}/tasks`, { title: ' ', dueOn: today });
    expect(empty.statusCode).toBe(400);
    expect((await tasksOf(kase.id)).length).toBe(1);
    expect((await as.coordinator!.post(`/api/tasks/${task.id}/done`, { version: task.version })).statusCode).toBe(200);
  });
});

describe('undoing "Klaar" (issue #19 item 8)', () => {
  it('reopens a done task with its version, logged as task.reopened; refused to a colleague outside the case (logged), and for a stale version or an open task', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    const task = (
      await as.worker!.post(`/api/cases/${kase.id}/tasks`, { title: 'Formulier bijzondere bijstand', dueOn: today })
    ).json<TaskView>();
    const done = (await as.worker!.post(`/api/tasks/${task.id}/done`, { version: task.version })).json<TaskView>();
    expect((await as.worker!.get('/api/tasks/mine')).json<TaskList>().tasks.map((x) => x.id)).not.toContain(task.id);

    const strangers = await as.colleague!.post(`/api/tasks/${task.id}/reopen`, { version: done.version });
    expect(strangers.statusCode).toBe(403);
    const stale = await as.worker!.post(`/api/tasks/${task.id}/reopen`, { version: task.version });
    expect(stale.statusCode).toBe(409);

    const reopened = await as.worker!.post(`/api/tasks/${task.id}/reopen`, { version: done.version });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json<TaskView>().version).toBe(done.version + 1);
    expect((await as.worker!.get('/api/tasks/mine')).json<TaskList>().tasks.map((x) => x.id)).toContain(task.id);
    const row = await t.db.inSystem((tx) =>
      tx
        .selectFrom('task')
        .select(['done_at', 'done_by', 'outcome'])
        .where('id', '=', task.id)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ done_at: null, done_by: null, outcome: null });
    // Reopening an open task changes nothing.
    expect((await as.worker!.post(`/api/tasks/${task.id}/reopen`, { version: done.version + 1 })).statusCode).toBe(409);

    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'user_id', 'outcome'])
        .where('case_id', '=', kase.id)
        .where('event', 'in', ['task.reopened', 'task.reopen_denied'])
        .orderBy('id')
        .execute(),
    );
    expect(logged).toEqual([
      { event: 'task.reopen_denied', user_id: as.colleague!.userId, outcome: 'denied' },
      { event: 'task.reopened', user_id: as.worker!.userId, outcome: 'allowed' },
    ]);
  });
});

describe('unread messages from residents on Mijn werk (issue #19 item 8)', () => {
  it("lists per own case the unread Mijn Nabij messages with a count, logged per case; read or others' cases not", async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    const other = await buildCase(t.db, tenant, { caseWorkerId: as.coordinator!.userId });
    await t.db.inSystem(async (tx) => {
      for (const c of [kase, other]) {
        const account = await tx
          .insertInto('resident_account')
          .values({
            tenant_id: tenant.id,
            person_id: c.adultId,
            email: `${c.id}@voorbeeld.example`,
            identity_check: 'in_person',
            email_verified_at: new Date(),
            created_by: as.worker!.userId,
            last_login_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const message = (body: string, read: boolean) => ({
          tenant_id: tenant.id,
          case_id: c.id,
          person_id: c.adultId,
          account_id: account.id,
          body,
          read_at: read ? new Date() : null,
          read_by: read ? as.worker!.userId : null,
        });
        await tx
          .insertInto('resident_message')
          .values([
            message('Kunt u mij terugbellen?', false),
            message('De brief is binnen.', false),
            message('Dank u wel', true),
          ])
          .execute();
      }
    });
    const before = await as.worker!.get('/api/resident-messages/unread');
    expect(before.statusCode).toBe(200);
    const mine = before.json<{
      cases: Array<{ caseId: string; householdName: string | null; unread: number; lastSentAt: string }>;
    }>().cases;
    expect(mine).toEqual([
      { caseId: kase.id, householdName: 'Huishouden Testhuis', unread: 2, lastSentAt: expect.any(String) },
    ]);
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'action'])
        .where('user_id', '=', as.worker!.userId)
        .where('case_id', '=', kase.id)
        .where('event', '=', 'resident_message.unread_listed')
        .execute(),
    );
    expect(logged).toEqual([{ event: 'resident_message.unread_listed', action: 'read' }]);
    // Once read on the case, the message leaves Mijn werk.
    await t.db.inSystem((tx) =>
      tx
        .updateTable('resident_message')
        .set({ read_at: new Date(), read_by: as.worker!.userId })
        .where('case_id', '=', kase.id)
        .execute(),
    );
    expect((await as.worker!.get('/api/resident-messages/unread')).json<{ cases: unknown[] }>().cases).toEqual([]);
  });
});

describe('generated reminders', () => {
  it('creates the analysis-deadline reminder a week ahead, once, and resolves it when the phase moves on', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    await t.db.inSystem((tx) =>
      tx.updateTable('case_file').set({ analysis_deadline: '2027-03-10' }).where('id', '=', kase.id).execute(),
    );
    await generateReminders(t.db, '2027-03-02');
    expect((await tasksOf(kase.id)).filter((x) => x.kind === 'analysis_deadline')).toHaveLength(0);
    await generateReminders(t.db, '2027-03-03');
    await generateReminders(t.db, '2027-03-04');
    const reminders = (await tasksOf(kase.id)).filter((x) => x.kind === 'analysis_deadline');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ due_on: '2027-03-10', done_at: null, assignee_id: null });

    await t.db.inSystem((tx) => tx.updateTable('case_file').set({ phase: 'plan' }).where('id', '=', kase.id).execute());
    await generateReminders(t.db, '2027-03-05');
    const after = (await tasksOf(kase.id)).filter((x) => x.kind === 'analysis_deadline');
    expect(after[0]).toMatchObject({ outcome: 'resolved' });
    expect(after[0]!.done_at).not.toBeNull();
  });

  it('reminds of the evaluation every evaluation interval after the plan was agreed', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    await as.worker!.post(`/api/cases/${kase.id}/plan`, { startsOn: today });
    await t.db.inSystem(async (tx) => {
      await tx.updateTable('case_file').set({ phase: 'execution' }).where('id', '=', kase.id).execute();
      await tx
        .updateTable('plan_version')
        .set({ status: 'agreed', agreement_form: 'verbal', agreed_on: '2027-01-01', agreed_by_name: 'Anna Testhuis' })
        .where('plan_id', 'in', tx.selectFrom('plan').select('id').where('case_id', '=', kase.id))
        .execute();
    });
    // 13 weeks after 2027-01-01 is 2027-04-02; the reminder appears two weeks before.
    await generateReminders(t.db, '2027-03-18');
    expect((await tasksOf(kase.id)).filter((x) => x.kind === 'evaluation_due')).toHaveLength(0);
    await generateReminders(t.db, '2027-03-19');
    const evaluation = (await tasksOf(kase.id)).filter((x) => x.kind === 'evaluation_due');
    expect(evaluation).toHaveLength(1);
    expect(evaluation[0]!.due_on).toBe('2027-04-02');

    // The evaluation is held: this reminder is resolved and the next one is due 13 weeks later.
    await t.db.inSystem(async (tx) => {
      const v = await tx
        .selectFrom('plan_version')
        .select('id')
        .where('plan_id', 'in', tx.selectFrom('plan').select('id').where('case_id', '=', kase.id))
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('case_evaluation')
        .values({
          tenant_id: tenant.id,
          case_id: kase.id,
          episode: 1,
          held_on: '2027-03-30',
          participants: 'Anna',
          plan_version_id: v.id,
          conclusion: 'continue',
          recorded_by: as.worker!.userId,
        })
        .execute();
    });
    await generateReminders(t.db, '2027-03-31');
    const after = (await tasksOf(kase.id)).filter((x) => x.kind === 'evaluation_due');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ outcome: 'resolved' });
    await generateReminders(t.db, '2027-06-15');
    const next = (await tasksOf(kase.id)).filter((x) => x.kind === 'evaluation_due' && x.done_at === null);
    expect(next.map((x) => x.due_on)).toEqual(['2027-06-29']);
  });

  it('reminds of the watch check-in a week ahead and moves on after a check-in', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    const watchId = await t.db.inSystem(async (tx) => {
      await tx.updateTable('case_file').set({ phase: 'watch' }).where('id', '=', kase.id).execute();
      const q = await tx
        .insertInto('closing_question_answer')
        .values({
          tenant_id: tenant.id,
          case_id: kase.id,
          episode: 1,
          something_goes_wrong: false,
          answered_by: as.worker!.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const closure = await tx
        .insertInto('case_closure')
        .values({
          tenant_id: tenant.id,
          case_id: kase.id,
          episode: 1,
          closed_on: '2027-01-01',
          outcome: 'watch',
          reason: 'goals_reached',
          process_worked: 'Samen',
          process_learned: 'Vroeg beginnen',
          closing_question_id: q.id,
          outcome_snapshot: JSON.stringify({}),
          recorded_by: as.worker!.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const w = await tx
        .insertInto('case_watch')
        .values({
          tenant_id: tenant.id,
          case_id: kase.id,
          episode: 1,
          closure_id: closure.id,
          started_on: '2027-01-01',
          check_in_interval_weeks: 8,
          next_check_in_on: '2027-02-26',
          ends_on: '2028-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return w.id;
    });
    await generateReminders(t.db, '2027-02-18');
    expect((await tasksOf(kase.id)).filter((x) => x.kind === 'watch_check_in')).toHaveLength(0);
    await generateReminders(t.db, '2027-02-19');
    expect((await tasksOf(kase.id)).filter((x) => x.kind === 'watch_check_in').map((x) => x.due_on)).toEqual([
      '2027-02-26',
    ]);
    await t.db.inSystem((tx) =>
      tx.updateTable('case_watch').set({ next_check_in_on: '2027-04-23' }).where('id', '=', watchId).execute(),
    );
    await generateReminders(t.db, '2027-02-27');
    expect((await tasksOf(kase.id)).find((x) => x.kind === 'watch_check_in')).toMatchObject({ outcome: 'resolved' });
  });

  it('reminds of a consent that expires, a Meldcode follow-up and an outreach without contact', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    await t.db.inSystem(async (tx) => {
      await tx
        .insertInto('information_consent')
        .values({
          tenant_id: tenant.id,
          case_id: kase.id,
          person_id: kase.adultId,
          recipient: 'GGD',
          scope: 'gezondheid',
          form: 'verbal',
          given_on: '2026-01-01',
          expires_on: '2027-02-01',
          recorded_by: as.worker!.userId,
        })
        .execute();
      await tx
        .insertInto('meldcode_record')
        .values({
          tenant_id: tenant.id,
          case_id: kase.id,
          started_on: '2026-12-01',
          started_by: as.worker!.userId,
          follow_up_on: '2027-01-20',
        })
        .execute();
      await tx
        .insertInto('outreach_attempt')
        .values({
          tenant_id: tenant.id,
          case_id: kase.id,
          attempted_on: '2026-12-01',
          way: 'phone',
          contact_made: false,
          note: null,
          recorded_by: as.worker!.userId,
        })
        .execute();
    });
    await generateReminders(t.db, '2027-01-20');
    const kinds = (await tasksOf(kase.id))
      .map((x) => x.kind)
      .filter((k) => k !== 'analysis_deadline')
      .sort();
    expect(kinds).toEqual(['consent_expiring', 'meldcode_follow_up', 'outreach_deadline']);
    // Contact was made: the outreach reminder is resolved.
    await t.db.inSystem((tx) =>
      tx
        .insertInto('outreach_attempt')
        .values({
          tenant_id: tenant.id,
          case_id: kase.id,
          attempted_on: '2027-01-21',
          way: 'home_visit',
          contact_made: true,
          note: null,
          recorded_by: as.worker!.userId,
        })
        .execute(),
    );
    await generateReminders(t.db, '2027-01-22');
    expect((await tasksOf(kase.id)).find((x) => x.kind === 'outreach_deadline')).toMatchObject({ outcome: 'resolved' });
  });

  it('creates each reminder once when two app instances run the job queue on one database', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    await t.db.inSystem((tx) =>
      tx.updateTable('case_file').set({ analysis_deadline: today }).where('id', '=', kase.id).execute(),
    );
    let runs = 0;
    const jobs = (): JobDefinition[] => [
      {
        name: 'generate-reminders',
        cron: '0 3 * * *',
        run: async () => {
          runs++;
          return generateReminders(t.db, today);
        },
      },
    ];
    const quiet = { error: () => undefined, info: () => undefined };
    const [a, b] = await Promise.all([
      startScheduler(t.testDb.url, jobs(), quiet),
      startScheduler(t.testDb.url, jobs(), quiet),
    ]);
    try {
      // Both instances queue a run at the same moment, as both do at start.
      await Promise.all([a.runNow('generate-reminders'), b.runNow('generate-reminders')]);
      const deadline = Date.now() + 20_000;
      while (runs < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(runs).toBe(2); // two queued jobs, each run by exactly one instance
      const reminders = (await tasksOf(kase.id)).filter((x) => x.kind === 'analysis_deadline');
      expect(reminders).toHaveLength(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 40_000);
});

describe('the daily digest', () => {
  it('mails a user who asked for it once a day, with counts and no personal data', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    await as.worker!.post(`/api/cases/${kase.id}/tasks`, { title: 'Huisbezoek Testhuis voorbereiden', dueOn: today });
    const mailer = createMailer({ smtpUrl: undefined, from: 'nabij@example.test', production: false }, t.db);
    const deps = { db: t.db, mailer, config: t.config };
    expect(await sendTaskDigests(deps, today)).toBe(0); // not asked for
    expect((await as.worker!.put('/api/tasks/digest', { taskDigest: true })).json()).toEqual({ taskDigest: true });
    const [first, second] = await Promise.all([sendTaskDigests(deps, today), sendTaskDigests(deps, today)]);
    expect(first + second).toBe(1);
    const mails = await t.db.inSystem((tx) =>
      tx.selectFrom('outbox_message').selectAll().where('recipient', '=', 'werker@example.test').execute(),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toMatch(/vandaag af/);
    expect(mails[0]!.text_body).not.toMatch(/Testhuis/);
    expect(await sendTaskDigests(deps, addDays(today, 1))).toBe(1);
  });

  it('retries a failing job and then shows it to the functional administrator, never silently lost', async () => {
    const admin = await login('admin', ['functional_admin']);
    let attempts = 0;
    const failing: JobDefinition = {
      name: 'always-fails',
      cron: '0 3 * * *',
      retryLimit: 1,
      retryDelaySeconds: 1,
      run: () => {
        attempts++;
        return Promise.reject(new Error('mailserver weigert'));
      },
    };
    const scheduler = await startScheduler(t.testDb.url, [failing], { error: () => undefined, info: () => undefined });
    try {
      await scheduler.runNow('always-fails');
      const deadline = Date.now() + 25_000;
      let jobs: Array<{ name: string; error: string; retryCount: number }> = [];
      while (Date.now() < deadline) {
        jobs = (await admin.get('/api/admin/jobs/failed')).json<{ jobs: typeof jobs }>().jobs;
        if (jobs.length > 0) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(jobs).toEqual([
        expect.objectContaining({ name: 'always-fails', error: 'mailserver weigert', retryCount: 1 }),
      ]);
      expect(attempts).toBe(2);
    } finally {
      await scheduler.stop();
    }
    expect((await as.worker!.get('/api/admin/jobs/failed')).statusCode).toBe(403);
  }, 40_000);
});
