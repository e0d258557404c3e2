import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@nabij/contracts';
import { buildCase, buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let kase: Awaited<ReturnType<typeof buildCase>>;
const as: Record<string, Agent & { userId: string }> = {};

async function login(key: string, roles: Role[], forTenant = tenant) {
  const user = await buildUser(t.db, forTenant, { roles });
  const agent = t.agent();
  await agent.login(user.username, user.password);
  as[key] = Object.assign(agent, { userId: user.id });
  return as[key];
}

const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await login('worker', ['case_worker']);
  await login('colleague', ['case_worker']);
  await login('coordinator', ['team_coordinator']);
  await login('scientist', ['behavioural_scientist']);
  await login('desk', ['intake_desk']);
  kase = await buildCase(t.db, tenant, {
    caseWorkerId: as.worker!.userId,
    referralDomains: ['finances', 'housing', 'domestic_relations', 'parenting'],
  });
});
afterAll(() => t.close());

describe('the case file page', () => {
  it('shows the household, deadlines and what the analysis still needs', async () => {
    const r = await as.worker!.get(`/api/cases/${kase.id}`);
    expect(r.statusCode).toBe(200);
    const o = r.json();
    expect(o.household.members.map((m: { fullName: string; isMinor: boolean }) => [m.fullName, m.isMinor])).toEqual([
      ['Anna Testhuis', false],
      ['Bo Testhuis', true],
    ]);
    expect(o).toMatchObject({
      phase: 'analysis',
      analysisDeadline: '2026-12-13',
      childSafetyRequired: true,
      meldcode: [],
      questionDomains: expect.arrayContaining(['finances', 'housing']),
    });
    // The overview shows the help question as referred (issue #19).
    expect(o.helpQuestion).toBe('Testvraag');
  });

  it('is refused to a colleague outside the case and to the intake desk, and the refusal is logged', async () => {
    expect((await as.colleague!.get(`/api/cases/${kase.id}`)).statusCode).toBe(403);
    expect((await as.desk!.get(`/api/cases/${kase.id}`)).statusCode).toBe(403);
    const denied = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('event')
        .where('user_id', '=', as.colleague!.userId)
        .where('outcome', '=', 'denied')
        .where('case_id', '=', kase.id)
        .execute(),
    );
    expect(denied.length).toBeGreaterThan(0);
    expect((await as.coordinator!.get(`/api/cases/${kase.id}`)).statusCode).toBe(200);
    expect((await as.scientist!.get(`/api/cases/${kase.id}`)).statusCode).toBe(200);
  });

  it('a case of another municipality does not exist for the user', async () => {
    const elsewhere = await buildTenant(t.db);
    const stranger = await login('stranger', ['team_coordinator'], elsewhere);
    expect((await stranger.get(`/api/cases/${kase.id}`)).statusCode).toBe(404);
  });
});

describe('network and ecogram', () => {
  it('records network persons and professionals and draws them around the household', async () => {
    // Before anything is recorded the ecogram says so, instead of a blank map.
    const empty = await as.worker!.get(`/api/cases/${kase.id}/ecogram.svg`);
    expect(empty.body).toContain('Nog geen netwerk of betrokken professionals vastgelegd.');
    await as.worker!.post(`/api/cases/${kase.id}/network`, {
      name: 'Oma Truus',
      relationType: 'family',
      quality: 'supportive',
      contactFrequency: 'weekly',
      keyFigure: true,
    });
    await as.worker!.post(`/api/cases/${kase.id}/network`, {
      name: 'Buurman Piet',
      relationType: 'neighbour',
      quality: 'stressful',
      contactFrequency: 'daily',
    });
    const o = (
      await as.worker!.post(`/api/cases/${kase.id}/professionals`, {
        organisation: 'Schuldhulp Voorbeeld',
        name: 'K. Geld',
        role: 'schuldhulpverlener',
      })
    ).json();
    expect(o.network).toHaveLength(2);
    expect(o.professionals[0]).toMatchObject({ organisation: 'Schuldhulp Voorbeeld', consentToShare: false });
    const svg = await as.worker!.get(`/api/cases/${kase.id}/ecogram.svg`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('Oma Truus');
    expect(svg.body).toContain('buurtgenoot, belastend');
    expect(svg.body).toContain('K. Geld (Schuldhulp Voorbeeld)');
    // A legend explains the solid, dashed and dotted lines (also on paper).
    expect(svg.body).toContain('<g class="ecogram-legend">');
    for (const kind of ['steunend', 'belastend', 'wisselend']) expect(svg.body).toContain(`>${kind}</text>`);
  });

  it('refuses a network person without the required choices, in Dutch', async () => {
    const r = await as.worker!.post(`/api/cases/${kase.id}/network`, { name: '' });
    expect(r.statusCode).toBe(400);
    expect(Object.keys(r.json().fieldErrors)).toEqual(
      expect.arrayContaining(['name', 'relationType', 'quality', 'contactFrequency']),
    );
  });
});

describe('the ZRM', () => {
  it('records only the domains of the question, asks a reason for others, and keeps the history', async () => {
    const outside = await as.worker!.post(`/api/cases/${kase.id}/zrm`, {
      personId: kase.adultId,
      kind: 'start',
      assessedOn: today,
      scores: [
        { domain: 'finances', score: 2 },
        { domain: 'justice', score: 4 },
      ],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fieldErrors['scores.1.outOfScopeReason'][0]).toContain('buiten de hulpvraag');

    const start = await as.worker!.post(`/api/cases/${kase.id}/zrm`, {
      personId: kase.adultId,
      kind: 'start',
      assessedOn: today,
      scores: [
        { domain: 'finances', score: 2, note: 'Schulden bij drie schuldeisers' },
        { domain: 'housing', score: 3 },
        { domain: 'domestic_relations', score: 2 },
        { domain: 'justice', score: 4, outOfScopeReason: 'Lopende boete speelt mee in de schulden.' },
      ],
    });
    expect(start.statusCode).toBe(200);
    const o = start.json();
    expect(o.zrm).toHaveLength(1);
    expect(o.zrm[0].scores.find((s: { domain: string }) => s.domain === 'justice').outOfScopeReason).toContain('boete');
    expect(o.meldcodeSuggested).toBe(true);

    const interim = (
      await as.worker!.post(`/api/cases/${kase.id}/zrm`, {
        personId: kase.adultId,
        kind: 'interim',
        assessedOn: today,
        scores: [{ domain: 'finances', score: 3 }],
      })
    ).json();
    expect(interim.zrm.map((a: { kind: string }) => a.kind)).toEqual(['start', 'interim']);
  });

  it('refuses scores outside the levels, a future date, and a person outside the household', async () => {
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const r = await as.worker!.post(`/api/cases/${kase.id}/zrm`, {
      personId: kase.adultId,
      kind: 'start',
      assessedOn: future,
      scores: [{ domain: 'finances', score: 6 }],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors).toMatchObject({
      assessedOn: ['Deze datum ligt in de toekomst.'],
      'scores.0.score': ['Kies een niveau van 1 tot en met 5.'],
    });
    const stranger = await as.worker!.post(`/api/cases/${kase.id}/zrm`, {
      personId: '00000000-0000-4000-8000-000000000000',
      kind: 'start',
      assessedOn: today,
      scores: [{ domain: 'finances', score: 3 }],
    });
    expect(stranger.json().fieldErrors.personId[0]).toContain('huishouden');
  });

  it('shows imported criteria texts next to the levels, and only the administrator imports them', async () => {
    const admin = await login('admin', ['functional_admin']);
    const criteria = {
      instrument: 'zrm2017',
      criteria: [{ domain: 'finances', level: 1, text: 'Tekst onder licentie (voorbeeld)' }],
    };
    expect((await as.worker!.put('/api/admin/zrm-criteria', criteria)).statusCode).toBe(403);
    expect((await admin.put('/api/admin/zrm-criteria', criteria)).json()).toEqual({ imported: 1 });
    const got = (await as.worker!.get('/api/zrm/zrm2017')).json();
    expect(got.domains).toHaveLength(13);
    expect(got.criteria).toEqual([{ domain: 'finances', level: 1, text: 'Tekst onder licentie (voorbeeld)' }]);
  });
});

describe('participation ladder, child safety, outreach and consent', () => {
  it('records the ladder for adults only', async () => {
    expect(
      (
        await as.worker!.post(`/api/cases/${kase.id}/participation`, {
          personId: kase.adultId,
          rung: 2,
          measuredOn: today,
        })
      ).json().participation[0].rung,
    ).toBe(2);
    const child = await as.worker!.post(`/api/cases/${kase.id}/participation`, {
      personId: kase.childId,
      rung: 3,
      measuredOn: today,
    });
    expect(child.json().fieldErrors.personId[0]).toContain('volwassenen');
  });

  it('records the child safety assessment, which the plan will require', async () => {
    const o = (
      await as.worker!.post(`/api/cases/${kase.id}/child-safety`, {
        assessedOn: today,
        signs: 'Spanningen tussen ouders.',
        protectiveFactors: 'Betrokken oma.',
        riskLevel: 'medium',
        actions: 'Gesprek met moeder.',
      })
    ).json();
    expect(o.childSafetyRequired).toBe(false);
    expect(o.childSafety[0]).toMatchObject({ riskLevel: 'medium' });
  });

  it('flags outreach for the team only after weeks without contact', async () => {
    const o = (
      await as.worker!.post(`/api/cases/${kase.id}/outreach`, {
        attemptedOn: today,
        way: 'home_visit',
        contactMade: false,
      })
    ).json();
    expect(o.outreach).toMatchObject({
      flaggedForTeam: false,
      attempts: [expect.objectContaining({ way: 'home_visit', contactMade: false })],
    });
  });

  it('records consent per recipient and shows it on the professional; withdrawal ends it', async () => {
    let o = (
      await as.worker!.post(`/api/cases/${kase.id}/consents`, {
        personId: kase.adultId,
        recipient: 'Schuldhulp Voorbeeld',
        scope: 'Financiën',
        form: 'verbal',
        givenOn: today,
      })
    ).json();
    expect(o.professionals[0].consentToShare).toBe(true);
    o = (await as.worker!.post(`/api/cases/${kase.id}/consents/${o.consents[0].id}/withdraw`, {})).json();
    expect(o.consents[0].active).toBe(false);
    expect(o.professionals[0].consentToShare).toBe(false);
    const noRecipient = await as.worker!.post(`/api/cases/${kase.id}/consents`, {
      personId: kase.adultId,
      recipient: '',
      scope: 'x',
      form: 'verbal',
      givenOn: today,
    });
    expect(noRecipient.json().fieldErrors.recipient[0]).toContain('aan wie');
  });
});

describe('the Meldcode', () => {
  it('walks the steps to a decision, shielded from colleagues outside the case', async () => {
    const w = as.worker!;
    const started = await w.post(`/api/cases/${kase.id}/meldcode`, {});
    expect(started.statusCode).toBe(201);
    const id = started.json().id;
    const early = await w.post(`/api/cases/${kase.id}/meldcode/${id}/decision`, {
      suspicion: true,
      weighing: 'x',
      reportToVeiligThuis: false,
      provideOrOrganiseHelp: true,
      consentAsked: false,
    });
    expect(early.json().fieldErrors.signals[0]).toContain('signalen');

    await w.post(`/api/cases/${kase.id}/meldcode/${id}/signals`, {
      observedOn: today,
      fact: 'Bo vertelde dat papa en mama hard schreeuwen.',
      source: 'Bo (6), op school',
      interpretation: 'Mogelijk huiselijk geweld (hypothese werker).',
    });
    await w.post(`/api/cases/${kase.id}/meldcode/${id}/consultations`, {
      consultedOn: today,
      withWhom: 'Veilig Thuis (advies, anoniem)',
      advice: 'Gesprek met moeder aangaan.',
    });
    const noTalk = await w.post(`/api/cases/${kase.id}/meldcode/${id}/conversations`, {});
    expect(noTalk.json().fieldErrors.reasonNotHeld[0]).toContain('waarom er geen gesprek');
    await w.post(`/api/cases/${kase.id}/meldcode/${id}/conversations`, {
      heldOn: today,
      withWhom: 'Anna (moeder)',
      summary: 'Herkent spanningen, wil hulp.',
    });
    const noWeighing = await w.post(`/api/cases/${kase.id}/meldcode/${id}/decision`, {
      suspicion: true,
      weighing: '',
      reportToVeiligThuis: false,
      provideOrOrganiseHelp: true,
      consentAsked: true,
    });
    expect(noWeighing.json().fieldErrors.weighing).toBeDefined();
    const decided = await w.post(`/api/cases/${kase.id}/meldcode/${id}/decision`, {
      suspicion: true,
      acuteOrStructuralUnsafety: false,
      helpPossible: true,
      helpAccepted: true,
      weighing: 'Geen acute onveiligheid; moeder accepteert hulp.',
      reportToVeiligThuis: false,
      provideOrOrganiseHelp: true,
      consentAsked: true,
      consentGiven: true,
    });
    expect(decided.json()).toMatchObject({
      status: 'closed',
      decision: { provideOrOrganiseHelp: true, reportToVeiligThuis: false },
      signals: [expect.objectContaining({ source: 'Bo (6), op school' })],
    });
    expect(
      (
        await w.post(`/api/cases/${kase.id}/meldcode/${id}/decision`, {
          suspicion: true,
          weighing: 'opnieuw',
          reportToVeiligThuis: false,
          provideOrOrganiseHelp: true,
          consentAsked: true,
        })
      ).json().code,
    ).toBe('already_decided');

    expect((await as.scientist!.get(`/api/cases/${kase.id}/meldcode/${id}`)).statusCode).toBe(200);
    expect((await as.colleague!.get(`/api/cases/${kase.id}/meldcode/${id}`)).statusCode).toBe(403);
    const denied = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'data_category'])
        .where('user_id', '=', as.colleague!.userId)
        .where('data_category', '=', 'meldcode')
        .where('outcome', '=', 'denied')
        .execute(),
    );
    expect(denied.length).toBe(2); // one row per person of the household
    expect(denied.every((d) => d.event === 'case_file.access_denied' && d.data_category === 'meldcode')).toBe(true);
  });

  it('insists on reporting when there is acute or structural unsafety', async () => {
    const id = (await as.worker!.post(`/api/cases/${kase.id}/meldcode`, {})).json().id;
    const r = await as.worker!.post(`/api/cases/${kase.id}/meldcode/${id}/decision`, {
      suspicion: true,
      acuteOrStructuralUnsafety: true,
      weighing: 'Acuut.',
      reportToVeiligThuis: false,
      provideOrOrganiseHelp: true,
      consentAsked: false,
    });
    expect(r.json().fieldErrors.reportToVeiligThuis[0]).toContain('Veilig Thuis');
  });
});
