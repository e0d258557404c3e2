import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type CaseCourseView, type Role } from '@nabij/contracts';
import { annaReferralBody, buildCase, buildLoggedInUser, buildTenant } from '../../../test/builders';
import { createResidentAccount, residentLogin } from '../../../test/resident-fixtures';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';
import { municipalDate } from '../../shared/clock';

/**
 * Issue #17: closure tells the truth (item 17), the household letter reaches Mijn Nabij (item 19), and nothing is asked
 * twice (item 11: the signer's name, one reason for several ZRM domains outside the question). ADR 0034.
 */

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
const as: Record<string, Agent & { userId: string }> = {};
const today = municipalDate(new Date());

async function login(key: string, roles: Role[]) {
  const user = await buildLoggedInUser(t, tenant, roles);
  as[key] = Object.assign(user.agent, { userId: user.id });
  return as[key];
}

const course = async (caseId: string) => (await as.worker!.get(`/api/cases/${caseId}/course`)).json<CaseCourseView>();
const rows = (table: 'closing_question_answer' | 'case_closure' | 'case_review_item', caseId: string) =>
  t.db.inSystem((tx) => tx.selectFrom(table).selectAll().where('case_id', '=', caseId).execute());

/** A case in execution: two goals, one open action, agreed verbally. */
async function caseInExecution(opts: { email?: string | null } = {}) {
  const kase = await buildCase(t.db, tenant, {
    caseWorkerId: as.worker!.userId,
    referralDomains: ['finances', 'social_network'],
  });
  await t.db.inSystem((tx) =>
    tx
      .updateTable('person')
      .set({ email: opts.email === undefined ? 'anna@example.org' : opts.email })
      .where('id', '=', kase.adultId)
      .execute(),
  );
  const w = as.worker!;
  expect(
    (
      await w.post(`/api/cases/${kase.id}/child-safety`, {
        assessedOn: today,
        signs: 'Geen',
        protectiveFactors: 'Betrokken moeder',
        riskLevel: 'low',
        actions: 'Geen',
      })
    ).statusCode,
  ).toBe(200);
  let plan = (await w.post(`/api/cases/${kase.id}/plan`, { startsOn: today })).json().plan.current;
  plan = (
    await w.post(`/api/cases/${kase.id}/plan/goals`, {
      version: plan.version,
      domain: 'finances',
      problem: 'Rekeningen stapelen zich op',
      goal: 'Ik betaal mijn rekeningen op tijd',
    })
  ).json().plan.current;
  plan = (
    await w.post(`/api/cases/${kase.id}/plan/goals`, {
      version: plan.version,
      domain: 'social_network',
      problem: 'Ik ken niemand',
      goal: 'Ik heb iemand om mee te praten',
    })
  ).json().plan.current;
  const [money, network] = plan.goals as Array<{ id: string }>;
  plan = (
    await w.post(`/api/cases/${kase.id}/plan/goals/${money!.id}/actions`, {
      version: plan.version,
      description: 'Aanmelden bij schuldhulp',
      performer: 'case_worker_or_team',
    })
  ).json().plan.current;
  const agreed = await w.post(`/api/cases/${kase.id}/plan/agreement`, {
    version: plan.version,
    form: 'verbal',
    agreedOn: today,
    agreedByName: 'Anna Testhuis',
  });
  expect(agreed.statusCode, agreed.body).toBe(200);
  const actionId = (await course(kase.id)).plan!.openActions[0]!.id;
  return { ...kase, goals: { money: money!.id, network: network!.id }, actionId };
}

const form = (kase: Awaited<ReturnType<typeof caseInExecution>>, extra: Record<string, unknown> = {}) => ({
  somethingGoesWrong: false,
  closedOn: today,
  goals: [
    { goalId: kase.goals.money, status: 'achieved', result: 'Rekeningen op tijd betaald' },
    { goalId: kase.goals.network, status: 'achieved', result: 'Gaat naar het taalcafé' },
  ],
  processWorked: 'Korte lijnen',
  processLearned: 'Eerder het netwerk betrekken',
  reason: 'goals_reached',
  outcome: 'closed',
  actionDecisions: [{ actionId: kase.actionId, decision: 'done' }],
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await login('worker', ['case_worker']);
  await login('coordinator', ['team_coordinator']);
  await login('desk', ['intake_desk']);
});
afterAll(() => t.close());

describe('"Gaat er iets mis als ik eruit stap? — ja" goes through the case review meeting (item 17)', () => {
  it('puts the case on the agenda, refuses a quick "nee", and closes with "ja" and the risk once the meeting decided to close', async () => {
    const kase = await caseInExecution();
    const w = as.worker!;
    const meeting = await w.post('/api/case-reviews', { teamId: tenant.teamId, date: today });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const meetingId = meeting.json<{ id: string }>().id;

    // "Ja": recorded, and the case is on today's meeting as a closure question.
    const yes = await w.post(`/api/cases/${kase.id}/closing-question`, {
      somethingGoesWrong: true,
      explanation: 'Zorgmijder: zonder ons stapelen de schulden weer op',
    });
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json<CaseCourseView>()).toMatchObject({
      teamMeetingNeeded: true,
      closureReview: { onAgenda: { meetingId, meetingDate: today }, decision: null },
    });
    const items = await rows('case_review_item', kase.id);
    expect(items).toEqual([
      expect.objectContaining({
        meeting_id: meetingId,
        question_kind: 'closure',
        question: 'Zorgmijder: zonder ons stapelen de schulden weer op',
      }),
    ]);

    // A "nee" right after the "ja" bypasses the meeting: refused, on its own and in the closure form.
    const no = await w.post(`/api/cases/${kase.id}/closing-question`, { somethingGoesWrong: false });
    expect(no.statusCode).toBe(409);
    expect(no.json()).toMatchObject({ code: 'closing_answer_needs_review' });
    expect(no.json().message).toContain('casuïstiekoverleg');
    const closeNo = await w.post(`/api/cases/${kase.id}/closure`, form(kase));
    expect(closeNo.statusCode).toBe(409);
    expect(closeNo.json().code).toBe('closing_answer_needs_review');
    // "Ja" in the form before the meeting decided: refused, the answer is not stored twice.
    const closeYes = await w.post(
      `/api/cases/${kase.id}/closure`,
      form(kase, { somethingGoesWrong: true, riskNote: 'x' }),
    );
    expect(closeYes.statusCode).toBe(409);
    expect(closeYes.json().code).toBe('closure_needs_team_meeting');
    expect(await rows('closing_question_answer', kase.id)).toHaveLength(1);
    expect(await rows('case_review_item', kase.id)).toHaveLength(1);
    expect(await rows('case_closure', kase.id)).toHaveLength(0);

    // The meeting decides; on a closure question the decision is required.
    const c = as.coordinator!;
    const item = (await c.get(`/api/case-reviews/${meetingId}`))
      .json<{ items: Array<{ id: string; version: number; caseId: string }> }>()
      .items.find((i) => i.caseId === kase.id)!;
    const noDecision = await c.put(`/api/case-reviews/${meetingId}/items/${item.id}/outcome`, {
      version: item.version,
      advice: 'Afsluiten, zus blijft betrokken',
    });
    expect(noDecision.statusCode).toBe(400);
    expect(noDecision.json().fieldErrors.closureDecision[0]).toContain('afsluiten');
    const decided = await c.put(`/api/case-reviews/${meetingId}/items/${item.id}/outcome`, {
      version: item.version,
      advice: 'Afsluiten met waakvlam; zus Karin blijft betrokken',
      closureDecision: 'close',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().items[0].outcome).toMatchObject({ closureDecision: 'close' });
    expect(await course(kase.id)).toMatchObject({
      teamMeetingNeeded: false,
      closureReview: { decision: 'close', advice: 'Afsluiten met waakvlam; zus Karin blijft betrokken' },
    });

    // After a decision to close the truthful answer stays "ja": "nee" is refused, "ja" needs the risk.
    expect((await w.post(`/api/cases/${kase.id}/closure`, form(kase))).json().code).toBe('closing_answer_needs_review');
    const noRisk = await w.post(`/api/cases/${kase.id}/closure`, form(kase, { somethingGoesWrong: true }));
    expect(noRisk.statusCode).toBe(400);
    expect(noRisk.json().fieldErrors.riskNote[0]).toContain('risico');
    const noReason = await w.post(
      `/api/cases/${kase.id}/closure`,
      form(kase, { somethingGoesWrong: true, riskNote: 'Schulden kunnen terugkomen', reason: undefined }),
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fieldErrors.reason).toBeDefined();
    expect(await rows('case_closure', kase.id)).toHaveLength(0);

    const closed = await w.post(
      `/api/cases/${kase.id}/closure`,
      form(kase, {
        somethingGoesWrong: true,
        riskNote: 'Schulden kunnen terugkomen; zus Karin belt ons als de post blijft liggen',
        outcome: 'watch',
        watch: { checkInIntervalWeeks: 8, endsOn: addDays(today, 180) },
      }),
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<CaseCourseView>().closures[0]).toMatchObject({
      riskNote: expect.stringContaining('Schulden kunnen terugkomen'),
    });
    const [stored] = await rows('case_closure', kase.id);
    const [answer] = await rows('closing_question_answer', kase.id);
    expect(stored).toMatchObject({ review_item_id: item.id, closing_question_id: answer!.id });
    expect(answer!.something_goes_wrong).toBe(true);

    // A new referral for the household: the regiecheck shows why it was closed and the risk.
    const referral = await as.desk!.post('/api/referrals', annaReferralBody(tenant.teamId));
    expect(referral.statusCode, referral.body).toBe(201);
    const check = (await as.desk!.get(`/api/referrals/${referral.json().id}/regiecheck`)).json();
    const found = check.residents[0].matches
      .flatMap((m: { caseFiles: unknown[] }) => m.caseFiles)
      .find((cf: { id: string }) => cf.id === kase.id);
    expect(found.closure).toMatchObject({
      reason: 'goals_reached',
      reasonText: 'de doelen uit het plan zijn bereikt',
      riskNote: expect.stringContaining('zus Karin belt ons'),
      closedOn: today,
    });
  });

  it('lets the team coordinator change a mistaken "ja" with a logged reason; the worker cannot', async () => {
    const kase = await caseInExecution();
    expect(
      (await as.worker!.post(`/api/cases/${kase.id}/closing-question`, { somethingGoesWrong: true })).statusCode,
    ).toBe(200);
    const byWorker = await as.worker!.post(`/api/cases/${kase.id}/closing-question`, {
      somethingGoesWrong: false,
      changeReason: 'Verkeerd aangeklikt',
    });
    expect(byWorker.statusCode).toBe(409);
    expect(byWorker.json().message).toContain('teamcoördinator');
    const byCoordinator = await as.coordinator!.post(`/api/cases/${kase.id}/closing-question`, {
      somethingGoesWrong: false,
      changeReason: 'Verkeerd aangeklikt; besproken met de werker',
    });
    expect(byCoordinator.statusCode, byCoordinator.body).toBe(200);
    expect(byCoordinator.json<CaseCourseView>()).toMatchObject({
      teamMeetingNeeded: false,
      closureReview: null,
      closingQuestion: { somethingGoesWrong: false, changeReason: 'Verkeerd aangeklikt; besproken met de werker' },
    });
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['user_id', 'detail'])
        .where('case_id', '=', kase.id)
        .where('event', '=', 'closure.question_answer_changed')
        .execute(),
    );
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0]!.user_id).toBe(as.coordinator!.userId);
    expect((await as.worker!.post(`/api/cases/${kase.id}/closure`, form(kase))).statusCode).toBe(200);
  });

  it('after the meeting decided to continue: no closure with risk, a later "nee" is accepted, a new "ja" goes to the meeting again', async () => {
    const kase = await caseInExecution();
    const meetingId = (await as.coordinator!.get('/api/case-reviews'))
      .json<{ meetings: Array<{ id: string; date: string }> }>()
      .meetings.find((m) => m.date === today)!.id;
    expect(
      (
        await as.worker!.post(`/api/cases/${kase.id}/closing-question`, { somethingGoesWrong: true })
      ).json<CaseCourseView>().closureReview!.onAgenda,
    ).toMatchObject({ meetingId });
    const item = (await as.coordinator!.get(`/api/case-reviews/${meetingId}`))
      .json<{ items: Array<{ id: string; version: number; caseId: string }> }>()
      .items.find((i) => i.caseId === kase.id)!;
    expect(
      (
        await as.coordinator!.put(`/api/case-reviews/${meetingId}/items/${item.id}/outcome`, {
          version: item.version,
          advice: 'Nog drie maanden doorgaan',
          closureDecision: 'continue',
        })
      ).statusCode,
    ).toBe(200);
    expect(await course(kase.id)).toMatchObject({ teamMeetingNeeded: false, closureReview: { decision: 'continue' } });
    // Later, after more work, the worker's "nee" is accepted again.
    const no = await as.worker!.post(`/api/cases/${kase.id}/closing-question`, {
      somethingGoesWrong: false,
      explanation: 'Schuldhulp loopt nu zelfstandig',
    });
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json<CaseCourseView>()).toMatchObject({
      teamMeetingNeeded: false,
      closureReview: null,
      closingQuestion: { somethingGoesWrong: false },
    });
    // Closing with "ja" and a risk is not what the meeting decided: a new "ja" is a new doubt, to the meeting again.
    expect(
      (
        await as.worker!.post(`/api/cases/${kase.id}/closure`, form(kase, { somethingGoesWrong: true, riskNote: 'x' }))
      ).json().code,
    ).toBe('closure_needs_team_meeting');
    expect(await rows('case_closure', kase.id)).toHaveLength(0);
    expect((await course(kase.id)).teamMeetingNeeded).toBe(true);
  });
});

describe('"Doelen bereikt" and the letters tell what happened (item 17)', () => {
  it('refuses "doelen bereikt" while a goal was not reached, and the household letter names the real results', async () => {
    const kase = await caseInExecution();
    const partly = form(kase, {
      goals: [
        { goalId: kase.goals.money, status: 'achieved', result: 'Rekeningen op tijd betaald' },
        { goalId: kase.goals.network, status: 'partly', result: 'Soms naar het taalcafé' },
      ],
    });
    const refused = await as.worker!.post(`/api/cases/${kase.id}/closure`, partly);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fieldErrors.reason[0]).toContain('Ik heb iemand om mee te praten');
    expect(await rows('case_closure', kase.id)).toHaveLength(0);
    expect(
      (await as.worker!.post(`/api/cases/${kase.id}/closure`, { ...partly, reason: 'household_stopped' })).statusCode,
    ).toBe(200);
    const letter = (
      await as.worker!.get(`/api/cases/${kase.id}/closure-letters/draft?kind=case_closure_household`)
    ).json();
    expect(letter.body).toContain('het huishouden wilde stoppen');
    expect(letter.body).toContain('Ik heb iemand om mee te praten: deels bereikt. Soms naar het taalcafé');
    expect(letter.body).not.toContain('zijn bereikt');
  });

  it('a case closed without an agreed plan gets no letter about "our plan" or what was achieved', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId, referralDomains: ['finances'] });
    const r = await as.worker!.post(`/api/cases/${kase.id}/closure`, {
      somethingGoesWrong: false,
      closedOn: today,
      processWorked: 'Eropaf geweest',
      processLearned: 'Eerder bellen',
      reason: 'no_contact_after_outreach',
      outcome: 'closed',
    });
    expect(r.statusCode, r.body).toBe(200);
    const letter = (
      await as.worker!.get(`/api/cases/${kase.id}/closure-letters/draft?kind=case_closure_household`)
    ).json();
    expect(letter.body).toContain('het is niet gelukt contact te krijgen');
    expect(letter.body).toContain('Er was nog geen plan met doelen afgesproken.');
    expect(letter.body).not.toContain('samen aan uw plan gewerkt');
    expect(letter.body).not.toContain('Wat er is bereikt');
  });

  it('takes the goal results of the final evaluation into the closure instead of asking them again', async () => {
    const kase = await caseInExecution();
    const evaluation = await as.worker!.post(`/api/cases/${kase.id}/evaluations`, {
      heldOn: today,
      participants: 'Anna Testhuis',
      goals: [
        { goalId: kase.goals.money, status: 'achieved', note: 'Alle rekeningen betaald' },
        { goalId: kase.goals.network, status: 'achieved', note: 'Elke week naar het taalcafé' },
      ],
      conclusion: 'closure',
    });
    expect(evaluation.statusCode, evaluation.body).toBe(201);
    expect(evaluation.json<CaseCourseView>().finalEvaluation).toMatchObject({
      heldOn: today,
      goals: expect.arrayContaining([expect.objectContaining({ goalId: kase.goals.money, status: 'achieved' })]),
    });
    const r = await as.worker!.post(`/api/cases/${kase.id}/closure`, form(kase, { goals: [] }));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<CaseCourseView>().closures[0]!.goals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          goalId: kase.goals.money,
          status: 'achieved',
          result: 'Alle rekeningen betaald',
          fromEvaluation: true,
        }),
        expect.objectContaining({
          goalId: kase.goals.network,
          status: 'achieved',
          result: 'Elke week naar het taalcafé',
          fromEvaluation: true,
        }),
      ]),
    );
  });
});

describe('the household letter reaches a resident with a Mijn Nabij account (item 19)', () => {
  it('without an e-mail address of the person: shown in Mijn Nabij and announced without content', async () => {
    const kase = await caseInExecution({ email: null });
    await createResidentAccount(as.worker!, kase.id, kase.adultId, 'anna.portaal@example.org');
    expect((await as.worker!.post(`/api/cases/${kase.id}/closure`, form(kase))).statusCode).toBe(200);
    const draft = (
      await as.worker!.get(`/api/cases/${kase.id}/closure-letters/draft?kind=case_closure_household`)
    ).json();
    const sent = await as.worker!.post(`/api/cases/${kase.id}/closure-letters`, {
      kind: 'case_closure_household',
      subject: draft.subject,
      body: draft.body,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'portal', inPortal: true, to: null });
    const mails = await t.db.inSystem((tx) =>
      tx
        .selectFrom('outbox_message')
        .select(['subject', 'text_body', 'attachment_names'])
        .where('recipient', '=', 'anna.portaal@example.org')
        .execute(),
    );
    const announcement = mails.find((m) => m.subject === 'Er staat een brief voor u klaar in Mijn Nabij');
    expect(announcement).toBeDefined();
    expect(announcement!.attachment_names).toEqual([]);
    expect(announcement!.text_body).not.toContain('Rekeningen');
    expect(announcement!.text_body).not.toContain('Testhuis');

    const resident = await residentLogin(t, 'anna.portaal@example.org');
    const documents = await resident.get(`/api/resident/persons/${kase.adultId}/documents`);
    expect(documents.statusCode, documents.body).toBe(200);
    expect(documents.json().letters).toEqual([expect.objectContaining({ id: sent.json().id, subject: draft.subject })]);
    const pdf = await resident.get(`/api/resident/persons/${kase.adultId}/letters/${sent.json().id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['action'])
        .where('event', '=', 'resident_letter.downloaded')
        .where('case_id', '=', kase.id)
        .execute(),
    );
    expect(logged).toEqual([{ action: 'export' }]);
  });
});

describe('nothing asked twice, and dates and domains that fit (items 11 and 17)', () => {
  it("takes the signer's name from the typed signature", async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId, referralDomains: ['parenting'] });
    const w = as.worker!;
    expect(
      (
        await w.post(`/api/cases/${kase.id}/child-safety`, {
          assessedOn: today,
          signs: 'Geen',
          protectiveFactors: 'Betrokken moeder',
          riskLevel: 'low',
          actions: 'Geen',
        })
      ).statusCode,
    ).toBe(200);
    let plan = (await w.post(`/api/cases/${kase.id}/plan`, { startsOn: today })).json().plan.current;
    // Every life domain of the help question can be a goal's domain: "Opvoeding" too.
    const goal = await w.post(`/api/cases/${kase.id}/plan/goals`, {
      version: plan.version,
      domain: 'parenting',
      problem: 'Bedtijd is elke avond strijd',
      goal: 'De kinderen liggen om acht uur in bed',
    });
    expect(goal.statusCode, goal.body).toBe(200);
    plan = goal.json().plan.current;
    const agreed = await w.post(`/api/cases/${kase.id}/plan/agreement`, {
      version: plan.version,
      form: 'typed_signature',
      agreedOn: today,
      typedSignature: 'Anna Testhuis',
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json().plan.current.agreement).toMatchObject({
      agreedByName: 'Anna Testhuis',
      typedSignature: 'Anna Testhuis',
    });
  });

  it('asks one reason for several ZRM domains outside the help question', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId, referralDomains: ['finances'] });
    const r = await as.worker!.post(`/api/cases/${kase.id}/zrm`, {
      personId: kase.adultId,
      kind: 'start',
      assessedOn: today,
      scores: [
        { domain: 'finances', score: 2 },
        { domain: 'justice', score: 3 },
        { domain: 'housing', score: 4 },
      ],
      outOfScopeReason: 'Beslaglegging door een boete raakt wonen en justitie',
    });
    expect(r.statusCode, r.body).toBe(200);
    const scores = (r.json().zrm as Array<{ scores: Array<{ domain: string; outOfScopeReason: string | null }> }>)[0]!
      .scores;
    expect(scores.find((s) => s.domain === 'justice')!.outOfScopeReason).toBe(
      'Beslaglegging door een boete raakt wonen en justitie',
    );
    expect(scores.find((s) => s.domain === 'housing')!.outOfScopeReason).toBe(
      'Beslaglegging door een boete raakt wonen en justitie',
    );
    expect(scores.find((s) => s.domain === 'finances')!.outOfScopeReason).toBeNull();
  });

  it('refuses an outreach attempt dated before the referral, in Dutch, storing nothing', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId, referralDomains: ['finances'] });
    const r = await as.worker!.post(`/api/cases/${kase.id}/outreach`, {
      attemptedOn: addDays(today, -3),
      way: 'home_visit',
      contactMade: false,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors.attemptedOn[0]).toContain('voor de aanmelding');
    const stored = await t.db.inSystem((tx) =>
      tx.selectFrom('outreach_attempt').select('id').where('case_id', '=', kase.id).execute(),
    );
    expect(stored).toHaveLength(0);
    expect(
      (
        await as.worker!.post(`/api/cases/${kase.id}/outreach`, {
          attemptedOn: today,
          way: 'home_visit',
          contactMade: false,
        })
      ).statusCode,
    ).toBe(200);
  });
});
