import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, type CaseCourseView, type Role } from '@nabij/contracts';
import { annaReferralBody, buildCase, buildLoggedInUser, buildTenant } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
const as: Record<string, Agent & { userId: string }> = {};
const today = new Date().toISOString().slice(0, 10);

async function login(key: string, roles: Role[]) {
  const user = await buildLoggedInUser(t, tenant, roles);
  as[key] = Object.assign(user.agent, { userId: user.id });
  return as[key];
}

const count = (
  table:
    | 'case_evaluation'
    | 'case_closure'
    | 'closing_question_answer'
    | 'case_watch'
    | 'watch_check_in'
    | 'case_letter'
    | 'outbox_message'
    | 'case_referral_link',
  caseId?: string,
) =>
  t.db.inSystem(async (tx) => {
    let q = tx.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n'));
    if (caseId && table !== 'outbox_message') q = q.where('case_id', '=', caseId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  });

const course = async (caseId: string) => (await as.worker!.get(`/api/cases/${caseId}/course`)).json<CaseCourseView>();
const timelineKinds = async (caseId: string) =>
  ((await as.worker!.get(`/api/cases/${caseId}`)).json().timeline as Array<{ kind: string }>).map((x) => x.kind);

/** A case of the test household with a referral by a GP, a start ZRM and participation, and an agreed plan (execution). */
async function caseInExecution() {
  const kase = await buildCase(t.db, tenant, {
    caseWorkerId: as.worker!.userId,
    referralDomains: ['finances', 'social_network'],
  });
  await t.db.inSystem(async (tx) => {
    const c = await tx
      .selectFrom('case_file')
      .select('referral_id')
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('referral')
      .set({
        referrer_kind: 'professional',
        referrer_name: 'Dr. A. Huisman',
        referrer_organisation: 'Huisartsenpraktijk De Linde',
        referrer_email: 'huisarts@example.org',
      })
      .where('id', '=', c.referral_id!)
      .execute();
    await tx.updateTable('person').set({ email: 'anna@example.org' }).where('id', '=', kase.adultId).execute();
  });
  const w = as.worker!;
  expect(
    (
      await w.post(`/api/cases/${kase.id}/zrm`, {
        personId: kase.adultId,
        kind: 'start',
        assessedOn: today,
        scores: [
          { domain: 'finances', score: 2 },
          { domain: 'social_network', score: 3 },
        ],
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (await w.post(`/api/cases/${kase.id}/participation`, { personId: kase.adultId, rung: 1, measuredOn: today }))
      .statusCode,
  ).toBe(200);
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
      problem: 'Ik ken niemand in de buurt',
      goal: 'Ik heb iemand om mee te praten',
    })
  ).json().plan.current;
  const [money, network] = plan.goals as Array<{ id: string }>;
  plan = (
    await w.post(`/api/cases/${kase.id}/plan/goals/${money!.id}/actions`, {
      version: plan.version,
      description: 'Budgetcursus volgen',
      performer: 'self',
      status: 'done',
    })
  ).json().plan.current;
  plan = (
    await w.post(`/api/cases/${kase.id}/plan/goals/${money!.id}/actions`, {
      version: plan.version,
      description: 'Aanmelden bij schuldhulp',
      performer: 'case_worker_or_team',
    })
  ).json().plan.current;
  plan = (
    await w.post(`/api/cases/${kase.id}/plan/goals/${network!.id}/actions`, {
      version: plan.version,
      description: 'Naar het taalcafé',
      performer: 'network_or_volunteers',
      status: 'in_progress',
    })
  ).json().plan.current;
  const agreed = await w.post(`/api/cases/${kase.id}/plan/agreement`, {
    version: plan.version,
    form: 'verbal',
    agreedOn: today,
    agreedByName: 'Anna Testhuis',
  });
  expect(agreed.statusCode).toBe(200);
  expect((await w.get(`/api/cases/${kase.id}`)).json().phase).toBe('execution');
  return { ...kase, goals: { money: money!.id, network: network!.id } };
}

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await login('worker', ['case_worker']);
  await login('colleague', ['case_worker']);
  await login('desk', ['intake_desk']);
});
afterAll(() => t.close());

describe('periodic evaluation', () => {
  it('is refused on a case that is not in execution, with a Dutch message, and stores nothing', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId, referralDomains: ['finances'] });
    const r = await as.worker!.post(`/api/cases/${kase.id}/evaluations`, {
      heldOn: today,
      participants: 'Anna',
      goals: [{ goalId: crypto.randomUUID(), status: 'ongoing' }],
      conclusion: 'continue',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'evaluation_not_in_execution' });
    expect(r.json().message).toContain('uitvoeringsfase');
    expect(await count('case_evaluation', kase.id)).toBe(0);
  });

  it('records per goal a status and note with an interim ZRM; bad input is refused and nothing is stored', async () => {
    const kase = await caseInExecution();
    const w = as.worker!;
    // Only the case's own workers may record it; the refusal is logged.
    expect(
      (
        await as.colleague!.post(`/api/cases/${kase.id}/evaluations`, {
          heldOn: today,
          participants: 'x',
          goals: [{ goalId: kase.goals.money, status: 'partly' }],
          conclusion: 'continue',
        })
      ).statusCode,
    ).toBe(403);
    const future = await w.post(`/api/cases/${kase.id}/evaluations`, {
      heldOn: addDays(today, 3),
      participants: 'Anna',
      goals: [
        { goalId: kase.goals.money, status: 'partly' },
        { goalId: kase.goals.network, status: 'ongoing' },
      ],
      conclusion: 'continue',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fieldErrors.heldOn[0]).toContain('toekomst');
    const missing = await w.post(`/api/cases/${kase.id}/evaluations`, {
      heldOn: today,
      participants: 'Anna',
      goals: [{ goalId: kase.goals.money, status: 'partly' }],
      conclusion: 'continue',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fieldErrors.goals[0]).toContain('Ik heb iemand om mee te praten');
    const noParticipants = await w.post(`/api/cases/${kase.id}/evaluations`, {
      heldOn: today,
      participants: '',
      goals: [
        { goalId: kase.goals.money, status: 'partly' },
        { goalId: kase.goals.network, status: 'ongoing' },
      ],
      conclusion: 'continue',
    });
    expect(noParticipants.statusCode).toBe(400);
    expect(await count('case_evaluation', kase.id)).toBe(0);

    const zrm = await w.post(`/api/cases/${kase.id}/zrm`, {
      personId: kase.adultId,
      kind: 'interim',
      assessedOn: today,
      scores: [{ domain: 'finances', score: 3 }],
    });
    const interimId = (zrm.json().zrm as Array<{ id: string; kind: string }>).find((a) => a.kind === 'interim')!.id;
    const ok = await w.post(`/api/cases/${kase.id}/evaluations`, {
      heldOn: today,
      participants: 'Anna Testhuis, schuldhulpverlener',
      goals: [
        { goalId: kase.goals.money, status: 'partly', note: 'Twee rekeningen betaald' },
        { goalId: kase.goals.network, status: 'ongoing' },
      ],
      interimZrmId: interimId,
      conclusion: 'adjust_plan',
    });
    expect(ok.statusCode).toBe(201);
    const view = ok.json<CaseCourseView>();
    expect(view.evaluations[0]).toMatchObject({
      heldOn: today,
      conclusion: 'adjust_plan',
      interimZrm: { id: interimId },
      goals: expect.arrayContaining([
        expect.objectContaining({ goalId: kase.goals.money, status: 'partly', note: 'Twee rekeningen betaald' }),
      ]),
    });
    expect(view.nextEvaluationDue).toBe(addDays(today, 13 * 7));
    expect(view.interimZrm[0]!.id).toBe(interimId);
    expect(await timelineKinds(kase.id)).toContain('evaluation');
    // "Plan bijstellen": a new version with a reason through the plan capability.
    const revised = await w.post(`/api/cases/${kase.id}/plan/revisions`, {
      version: view.plan!.current.version,
      reason: 'Evaluatie: schuldhulp loopt, doel bijstellen',
    });
    expect(revised.statusCode).toBe(201);
    expect((await course(kase.id)).plan!.current).toMatchObject({ number: 2, status: 'draft' });
    // The conclusion "afronden" moves the case to the closure phase.
    const toClosure = await w.post(`/api/cases/${kase.id}/evaluations`, {
      heldOn: today,
      participants: 'Anna',
      goals: [
        { goalId: kase.goals.money, status: 'achieved' },
        { goalId: kase.goals.network, status: 'partly' },
      ],
      conclusion: 'closure',
    });
    expect(toClosure.statusCode).toBe(201);
    expect(toClosure.json<CaseCourseView>().phase).toBe('closure');
  });
});

const closureBody = (kase: Awaited<ReturnType<typeof caseInExecution>>, extra: Record<string, unknown> = {}) => ({
  somethingGoesWrong: false,
  closedOn: today,
  goals: [
    {
      goalId: kase.goals.money,
      status: 'achieved',
      result: 'Rekeningen worden op tijd betaald',
      sideEffects: 'Meer rust in huis',
    },
    { goalId: kase.goals.network, status: 'achieved', result: 'Gaat wekelijks naar het taalcafé' },
  ],
  processWorked: 'Korte lijnen en vaste afspraken',
  processLearned: 'Eerder het netwerk betrekken',
  reason: 'goals_reached',
  aftercare: 'Anna belt zelf als het weer misgaat',
  outcome: 'closed',
  ...extra,
});

describe('closure', () => {
  it('records a "yes" to the closing question and refuses the closure until the team meeting', async () => {
    const kase = await caseInExecution();
    const r = await as.worker!.post(`/api/cases/${kase.id}/closure`, {
      somethingGoesWrong: true,
      closingQuestionExplanation: 'Zonder steun stapelen de schulden weer op',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'closure_needs_team_meeting' });
    expect(r.json().message).toContain('casuïstiekoverleg');
    const view = await course(kase.id);
    expect(view).toMatchObject({
      phase: 'execution',
      teamMeetingNeeded: true,
      closingQuestion: { somethingGoesWrong: true, explanation: 'Zonder steun stapelen de schulden weer op' },
    });
    expect(await count('case_closure', kase.id)).toBe(0);
    expect(await timelineKinds(kase.id)).toContain('closing_question');
  });

  it('refuses closing with open actions without a decision, listing them, and stores nothing', async () => {
    const kase = await caseInExecution();
    const answersBefore = await count('closing_question_answer', kase.id);
    const r = await as.worker!.post(`/api/cases/${kase.id}/closure`, closureBody(kase));
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('open_actions_undecided');
    expect(r.json().message).toContain('"Aanmelden bij schuldhulp"');
    expect(r.json().message).toContain('"Naar het taalcafé"');
    expect(r.json().openActions).toHaveLength(2);
    expect(
      Object.values(r.json().fieldErrors as Record<string, string[]>)
        .flat()
        .join(' '),
    ).toContain('Aanmelden bij schuldhulp');
    expect(await count('case_closure', kase.id)).toBe(0);
    expect(await count('closing_question_answer', kase.id)).toBe(answersBefore);
    expect((await course(kase.id)).phase).toBe('execution');
  });

  it('refuses a watch with an interval or an end beyond two years, and other bad input, storing nothing', async () => {
    const kase = await caseInExecution();
    const open = (await course(kase.id)).plan!.openActions;
    const decisions = open.map((a) => ({ actionId: a.id, decision: 'done' }));
    const tooOften = await as.worker!.post(
      `/api/cases/${kase.id}/closure`,
      closureBody(kase, {
        actionDecisions: decisions,
        outcome: 'watch',
        watch: { checkInIntervalWeeks: 105, endsOn: addMonths(today, 12) },
      }),
    );
    expect(tooOften.statusCode).toBe(400);
    expect(tooOften.json().fieldErrors['watch.checkInIntervalWeeks'][0]).toContain('hoogstens twee jaar');
    const tooLong = await as.worker!.post(
      `/api/cases/${kase.id}/closure`,
      closureBody(kase, {
        actionDecisions: decisions,
        outcome: 'watch',
        watch: { checkInIntervalWeeks: 8, endsOn: addDays(addMonths(today, 24), 1) },
      }),
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fieldErrors['watch.endsOn'][0]).toContain('hoogstens twee jaar');
    const noWhom = await as.worker!.post(
      `/api/cases/${kase.id}/closure`,
      closureBody(kase, { actionDecisions: decisions, reason: 'referred_elsewhere' }),
    );
    expect(noWhom.statusCode).toBe(400);
    expect(noWhom.json().fieldErrors.referredTo[0]).toContain('naar wie');
    const noText = await as.worker!.post(
      `/api/cases/${kase.id}/closure`,
      closureBody(kase, { actionDecisions: decisions, reason: 'other' }),
    );
    expect(noText.json().fieldErrors.reasonOther).toBeDefined();
    const handedToNobody = await as.worker!.post(
      `/api/cases/${kase.id}/closure`,
      closureBody(kase, {
        actionDecisions: [
          { actionId: open[0]!.id, decision: 'handed_over' },
          { actionId: open[1]!.id, decision: 'done' },
        ],
      }),
    );
    expect(handedToNobody.statusCode).toBe(400);
    const future = await as.worker!.post(
      `/api/cases/${kase.id}/closure`,
      closureBody(kase, { actionDecisions: decisions, closedOn: addDays(today, 2) }),
    );
    expect(future.statusCode).toBe(400);
    expect(await count('case_closure', kase.id)).toBe(0);
    expect(await count('case_watch', kase.id)).toBe(0);
    expect(await count('closing_question_answer', kase.id)).toBe(0);
    expect((await course(kase.id)).phase).toBe('execution');
  });

  it('closes with the ZRM comparison, settles open actions and sets closed_at; a closed case cannot be closed or evaluated again', async () => {
    const kase = await caseInExecution();
    const w = as.worker!;
    await w.post(`/api/cases/${kase.id}/zrm`, {
      personId: kase.adultId,
      kind: 'closing',
      assessedOn: today,
      scores: [
        { domain: 'finances', score: 4 },
        { domain: 'social_network', score: 3 },
      ],
    });
    await w.post(`/api/cases/${kase.id}/participation`, { personId: kase.adultId, rung: 3, measuredOn: today });
    const before = await course(kase.id);
    expect(before.comparison.zrm[0]!.domains).toEqual(
      expect.arrayContaining([
        { domain: 'finances', start: 2, closing: 4, change: 'risen' },
        { domain: 'social_network', start: 3, closing: 3, change: 'same' },
      ]),
    );
    expect(before.comparison.participation[0]).toMatchObject({ firstRung: 1, lastRung: 3, change: 'risen' });
    const [schuldhulp, taalcafe] = before.plan!.openActions;
    const r = await w.post(
      `/api/cases/${kase.id}/closure`,
      closureBody(kase, {
        actionDecisions: [
          { actionId: schuldhulp!.id, decision: 'handed_over', handedOverTo: 'Schuldhulpverlening gemeente' },
          { actionId: taalcafe!.id, decision: 'done' },
        ],
      }),
    );
    expect(r.statusCode).toBe(200);
    const view = r.json<CaseCourseView>();
    expect(view).toMatchObject({ phase: 'closed', teamMeetingNeeded: false });
    expect(view.closedAt).not.toBeNull();
    expect(view.closures[0]).toMatchObject({
      reason: 'goals_reached',
      outcome: 'closed',
      actions: expect.arrayContaining([
        expect.objectContaining({ decision: 'handed_over', handedOverTo: 'Schuldhulpverlening gemeente' }),
      ]),
    });
    expect(view.closures[0]!.snapshot.zrm[0]!.domains).toContainEqual({
      domain: 'finances',
      start: 2,
      closing: 4,
      change: 'risen',
    });
    const plan = (await w.get(`/api/cases/${kase.id}/plan`)).json().plan.current;
    const statuses = (
      plan.goals as Array<{ actions: Array<{ description: string; status: string; progressNote: string | null }> }>
    ).flatMap((g) => g.actions);
    expect(statuses.find((a) => a.description === 'Aanmelden bij schuldhulp')).toMatchObject({
      status: 'stopped',
      progressNote: expect.stringContaining('Schuldhulpverlening gemeente'),
    });
    expect(statuses.find((a) => a.description === 'Naar het taalcafé')!.status).toBe('done');
    expect(await timelineKinds(kase.id)).toContain('closure');
    const again = await w.post(`/api/cases/${kase.id}/closure`, closureBody(kase));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('closure_not_possible');
    expect(
      (
        await w.post(`/api/cases/${kase.id}/evaluations`, {
          heldOn: today,
          participants: 'x',
          goals: [{ goalId: kase.goals.money, status: 'achieved' }],
          conclusion: 'continue',
        })
      ).json().code,
    ).toBe('evaluation_not_in_execution');
  });
});

describe('letters on closure and the sharing check', () => {
  let kase: Awaited<ReturnType<typeof caseInExecution>>;
  beforeAll(async () => {
    kase = await caseInExecution();
    const open = (await course(kase.id)).plan!.openActions;
    const r = await as.worker!.post(
      `/api/cases/${kase.id}/closure`,
      closureBody(kase, {
        actionDecisions: open.map((a) => ({ actionId: a.id, decision: 'stopped' })),
        outcome: 'watch',
        watch: { checkInIntervalWeeks: 8, endsOn: addMonths(today, 12) },
      }),
    );
    expect(r.statusCode).toBe(200);
  });

  it('refuses the letter to the referrer without consent or a legal basis and sends nothing', async () => {
    const draft = (
      await as.worker!.get(`/api/cases/${kase.id}/closure-letters/draft?kind=case_closure_referrer`)
    ).json();
    expect(draft).toMatchObject({ to: 'huisarts@example.org', sharing: { thirdParty: true, consent: null } });
    expect(draft.body).toContain('Dr. A. Huisman');
    expect(draft.body).toContain('elke 8 weken');
    const outboxBefore = await count('outbox_message');
    const r = await as.worker!.post(`/api/cases/${kase.id}/closure-letters`, {
      kind: 'case_closure_referrer',
      subject: draft.subject,
      body: draft.body,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({
      code: 'sharing_basis_required',
      fieldErrors: { legalBasis: [expect.any(String)], sharingReason: [expect.any(String)] },
    });
    expect(await count('case_letter', kase.id)).toBe(0);
    expect(await count('outbox_message')).toBe(outboxBefore);
  });

  it('sends with a recorded legal basis exactly once, however often the send is retried, and logs the basis', async () => {
    const draft = (
      await as.worker!.get(`/api/cases/${kase.id}/closure-letters/draft?kind=case_closure_referrer`)
    ).json();
    const outboxBefore = await count('outbox_message');
    const body = {
      kind: 'case_closure_referrer',
      subject: draft.subject,
      body: draft.body,
      idempotencyKey: crypto.randomUUID(),
      legalBasis: 'Wmo 2015 art. 5.3.3 (beroepsmatig betrokken)',
      sharingReason: 'De huisarts blijft de zorg voor mevrouw dragen',
    };
    const first = await as.worker!.post(`/api/cases/${kase.id}/closure-letters`, body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      kind: 'case_closure_referrer',
      status: 'sent',
      to: 'huisarts@example.org',
      sharingBasis: 'legal_basis',
    });
    const [again, third] = await Promise.all([
      as.worker!.post(`/api/cases/${kase.id}/closure-letters`, body),
      as.worker!.post(`/api/cases/${kase.id}/closure-letters`, body),
    ]);
    expect(again.json().id).toBe(first.json().id);
    expect(third.json().id).toBe(first.json().id);
    expect(await count('outbox_message')).toBe(outboxBefore + 1);
    const stored = await t.db.inSystem((tx) =>
      tx
        .selectFrom('case_letter')
        .select(['legal_basis', 'sharing_reason', 'pdf'])
        .where('id', '=', first.json().id)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.legal_basis).toContain('Wmo 2015');
    expect(stored.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'detail', 'data_category'])
        .where('case_id', '=', kase.id)
        .where('event', '=', 'case_file.information_shared')
        .execute(),
    );
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0]).toMatchObject({
      data_category: 'consent',
      detail: expect.objectContaining({ basis: 'legal_basis' }),
    });
    const pdf = await as.worker!.get(`/api/cases/${kase.id}/closure-letters/${first.json().id}/pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('uses an active consent for the referrer when there is one, and sends to the household without a check', async () => {
    const consent = await as.worker!.post(`/api/cases/${kase.id}/consents`, {
      personId: kase.adultId,
      recipient: 'huisartsenpraktijk de linde',
      scope: 'Afronding en afspraken',
      form: 'verbal',
      givenOn: today,
    });
    expect(consent.statusCode).toBe(200);
    const draft = (
      await as.worker!.get(`/api/cases/${kase.id}/closure-letters/draft?kind=case_closure_referrer`)
    ).json();
    expect(draft.sharing.consent).toMatchObject({
      recipient: 'huisartsenpraktijk de linde',
      personName: 'Anna Testhuis',
    });
    const sent = await as.worker!.post(`/api/cases/${kase.id}/closure-letters`, {
      kind: 'case_closure_referrer',
      subject: draft.subject,
      body: draft.body,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(sent.json()).toMatchObject({ status: 'sent', sharingBasis: 'consent' });
    const household = (
      await as.worker!.get(`/api/cases/${kase.id}/closure-letters/draft?kind=case_closure_household`)
    ).json();
    expect(household).toMatchObject({ to: 'anna@example.org', sharing: { thirdParty: false } });
    expect(household.body).toContain('Rekeningen worden op tijd betaald');
    expect(household.body).toContain('elke 8 weken');
    const h = await as.worker!.post(`/api/cases/${kase.id}/closure-letters`, {
      kind: 'case_closure_household',
      subject: household.subject,
      body: household.body,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(h.json()).toMatchObject({ status: 'sent', sharingBasis: 'own_household', to: 'anna@example.org' });
    expect((await course(kase.id)).letters.map((l) => l.kind).sort()).toEqual([
      'case_closure_household',
      'case_closure_referrer',
      'case_closure_referrer',
    ]);
  });

  it('applies the same check to a referral letter once the referral has a case file', async () => {
    const referralId = (
      await t.db.inSystem((tx) =>
        tx.selectFrom('case_file').select('referral_id').where('id', '=', kase.id).executeTakeFirstOrThrow(),
      )
    ).referral_id!;
    // The consent recorded above covers the GP practice; withdraw it, so the check asks for a legal basis.
    const consentId = (await as.worker!.get(`/api/cases/${kase.id}`)).json().consents[0].id;
    await as.worker!.post(`/api/cases/${kase.id}/consents/${consentId}/withdraw`, {});
    const coordinator = await login('coordinator', ['team_coordinator']);
    const letter = {
      kind: 'closure',
      subject: 'Afsluiting',
      body: 'De begeleiding is afgerond.',
      idempotencyKey: crypto.randomUUID(),
    };
    const refused = await coordinator.post(`/api/referrals/${referralId}/letters`, letter);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('sharing_basis_required');
    const ok = await coordinator.post(`/api/referrals/${referralId}/letters`, {
      ...letter,
      legalBasis: 'Wmo 2015 art. 5.3.3',
      sharingReason: 'Terugkoppeling aan de verwijzer',
    });
    expect(ok.statusCode).toBe(201);
    const row = await t.db.inSystem((tx) =>
      tx
        .selectFrom('letter')
        .select(['sharing_basis', 'legal_basis'])
        .where('id', '=', ok.json().id)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ sharing_basis: 'legal_basis', legal_basis: 'Wmo 2015 art. 5.3.3' });
  });
});

describe('the watch (waakvlam) and reactivation', () => {
  let kase: Awaited<ReturnType<typeof caseInExecution>>;
  beforeAll(async () => {
    kase = await caseInExecution();
    const open = (await course(kase.id)).plan!.openActions;
    const r = await as.worker!.post(
      `/api/cases/${kase.id}/closure`,
      closureBody(kase, {
        actionDecisions: open.map((a) => ({ actionId: a.id, decision: 'done' })),
        outcome: 'watch',
        watch: { checkInIntervalWeeks: 8, endsOn: addMonths(today, 12) },
      }),
    );
    expect(r.statusCode).toBe(200);
  });

  it('starts with the interval and end, and the check-in log moves the next check-in', async () => {
    let view = await course(kase.id);
    expect(view.phase).toBe('watch');
    expect(view.closedAt).toBeNull();
    expect(view.watches[0]).toMatchObject({
      checkInIntervalWeeks: 8,
      nextCheckInOn: addDays(today, 56),
      endsOn: addMonths(today, 12),
      endedOn: null,
    });
    const future = await as.worker!.post(`/api/cases/${kase.id}/watch/check-ins`, {
      checkedOn: addDays(today, 1),
      way: 'phone',
      allWell: true,
    });
    expect(future.statusCode).toBe(400);
    const r = await as.worker!.post(`/api/cases/${kase.id}/watch/check-ins`, {
      checkedOn: today,
      way: 'phone',
      allWell: false,
      note: 'Nieuwe aanmaning ontvangen',
    });
    expect(r.statusCode).toBe(200);
    view = r.json<CaseCourseView>();
    expect(view.watches[0]!.checkIns).toEqual([
      expect.objectContaining({ way: 'phone', allWell: false, note: 'Nieuwe aanmaning ontvangen' }),
    ]);
    expect(view.watches[0]!.nextCheckInOn).toBe(addDays(today, 56));
    expect(await timelineKinds(kase.id)).toEqual(expect.arrayContaining(['watch_started', 'watch_check_in']));
  });

  it('links a new referral for the household to the case in watch, in the regiecheck and on the case', async () => {
    const desk = as.desk!;
    const created = await desk.post('/api/referrals', annaReferralBody(tenant.teamId));
    expect(created.statusCode).toBe(201);
    const referral = created.json();
    const check = (await desk.get(`/api/referrals/${referral.id}/regiecheck`)).json();
    const match = check.residents[0].matches.find((m: { person: { id: string } }) => m.person.id === kase.adultId);
    expect(match.caseFiles).toContainEqual(expect.objectContaining({ id: kase.id, phase: 'watch', linksToCase: true }));
    const done = await desk.post(`/api/referrals/${referral.id}/regiecheck`, {
      version: referral.version,
      links: [{ referralPersonId: referral.residents[0].id, personId: kase.adultId }],
      householdId: kase.householdId,
    });
    expect(done.statusCode).toBe(200);
    expect(await count('case_referral_link', kase.id)).toBe(1);
    const view = await course(kase.id);
    expect(view.linkedReferrals).toEqual([
      expect.objectContaining({ referralId: referral.id, reference: referral.reference, casePhase: 'watch' }),
    ]);
    expect(await timelineKinds(kase.id)).toContain('referral_linked');
  });

  it('reactivates in one step as a new episode of the same case file, keeping its history', async () => {
    expect((await as.worker!.post(`/api/cases/${kase.id}/reactivation`, { reason: '' })).statusCode).toBe(400);
    const r = await as.worker!.post(`/api/cases/${kase.id}/reactivation`, {
      reason: 'Nieuwe schulden; mevrouw vraagt weer om hulp',
    });
    expect(r.statusCode).toBe(200);
    const view = r.json<CaseCourseView>();
    expect(view).toMatchObject({ phase: 'execution', episode: 2, closedAt: null });
    expect(view.episodes).toEqual([
      expect.objectContaining({
        number: 2,
        fromPhase: 'watch',
        toPhase: 'execution',
        reason: 'Nieuwe schulden; mevrouw vraagt weer om hulp',
      }),
    ]);
    expect(view.closures).toEqual([expect.objectContaining({ episode: 1, outcome: 'watch' })]);
    expect(view.watches[0]).toMatchObject({ endKind: 'reactivated', endedOn: today });
    expect(view.watches[0]!.checkIns).toHaveLength(1);
    expect(await timelineKinds(kase.id)).toEqual(
      expect.arrayContaining(['closure', 'watch_started', 'watch_check_in', 'reactivated']),
    );
    // The new episode can be evaluated again, and a second reactivation is refused.
    expect((await as.worker!.post(`/api/cases/${kase.id}/reactivation`, { reason: 'nogmaals' })).json().code).toBe(
      'cannot_reactivate',
    );
    expect(
      (
        await as.worker!.post(`/api/cases/${kase.id}/watch/check-ins`, {
          checkedOn: today,
          way: 'phone',
          allWell: true,
        })
      ).json().code,
    ).toBe('not_in_watch');
  });

  it('ends a watch by closing the case', async () => {
    const other = await caseInExecution();
    const open = (await course(other.id)).plan!.openActions;
    await as.worker!.post(
      `/api/cases/${other.id}/closure`,
      closureBody(other, {
        actionDecisions: open.map((a) => ({ actionId: a.id, decision: 'done' })),
        outcome: 'watch',
        watch: { checkInIntervalWeeks: 12, endsOn: addMonths(today, 24) },
      }),
    );
    const r = await as.worker!.post(`/api/cases/${other.id}/watch/end`, { note: 'Het gaat goed' });
    expect(r.statusCode).toBe(200);
    expect(r.json<CaseCourseView>()).toMatchObject({
      phase: 'closed',
      watches: [expect.objectContaining({ endKind: 'ended' })],
    });
    expect(r.json<CaseCourseView>().closedAt).not.toBeNull();
    expect(r.json<CaseCourseView>().canReactivate).toBe(true);
  });
});
