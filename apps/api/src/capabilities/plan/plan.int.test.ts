import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@nabij/contracts';
import { buildCase, buildTenant, buildUser } from '../../../test/builders';
import { accessibilityProblems, indexOfElement, readPdfStructure } from '../../../test/pdf-structure';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let kase: Awaited<ReturnType<typeof buildCase>>;
const as: Record<string, Agent & { userId: string }> = {};
const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function login(key: string, roles: Role[], forTenant = tenant) {
  const user = await buildUser(t.db, forTenant, { roles });
  const agent = t.agent();
  await agent.login(user.username, user.password);
  as[key] = Object.assign(agent, { userId: user.id });
  return as[key];
}

interface Page {
  plan: {
    versions: Array<{ number: number; status: string }>;
    current: {
      number: number;
      status: string;
      version: number;
      goals: Array<{
        id: string;
        domain: string;
        zrmScore: number | null;
        balance: { household: number; professional: number };
        actions: Array<{ id: string; performer: string | null; status: string }>;
      }>;
      warnings: Array<{ code: string }>;
      document: { id: string } | null;
      residentPlan: { leading: boolean; file: { id: string } | null } | null;
    };
  } | null;
}
const current = async (caseId = kase.id) =>
  (await as.worker!.get(`/api/cases/${caseId}/plan`)).json<Page>().plan!.current;

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await login('worker', ['case_worker']);
  await login('colleague', ['case_worker']);
  await login('coordinator', ['team_coordinator']);
  await login('scientist', ['behavioural_scientist']);
  await login('admin', ['functional_admin']);
  kase = await buildCase(t.db, tenant, {
    caseWorkerId: as.worker!.userId,
    referralDomains: ['finances', 'instrumental_adl'],
  });
  await as.worker!.post(`/api/cases/${kase.id}/zrm`, {
    personId: kase.adultId,
    kind: 'start',
    assessedOn: today,
    scores: [
      { domain: 'finances', score: 3 },
      { domain: 'instrumental_adl', score: 3 },
    ],
  });
  for (const s of [
    { organisation: 'Gemeente', name: 'Schuldhulpverlening', domains: ['finances'], type: 'tailored' },
    { organisation: 'Bibliotheek', name: 'Budgetcursus', domains: ['finances'], type: 'group' },
    {
      organisation: 'Vrijwilligerscentrale',
      name: 'Vrijwillige Thuisadministratie',
      domains: ['finances', 'instrumental_adl'],
      type: 'general',
    },
    { organisation: 'Buurthuis', name: 'Taalcafé', domains: ['community_participation'], type: 'group' },
  ]) {
    expect((await as.admin!.post('/api/admin/services', s)).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('the plan of a case', () => {
  it('starts with a first draft, and a second start is refused', async () => {
    const r = await as.worker!.post(`/api/cases/${kase.id}/plan`, { startsOn: today });
    expect(r.statusCode).toBe(201);
    expect(r.json<Page>().plan!.current).toMatchObject({ number: 1, status: 'draft', version: 1, goals: [] });
    const again = await as.worker!.post(`/api/cases/${kase.id}/plan`, { startsOn: today });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('plan_exists');
    expect((await as.worker!.get(`/api/cases/${kase.id}`)).json().phase).toBe('plan');
  });

  it('adds a goal per life domain, linked to the latest ZRM score of that domain', async () => {
    const v = await current();
    const r = await as.worker!.post(`/api/cases/${kase.id}/plan/goals`, {
      version: v.version,
      domain: 'finances',
      problem:
        'Ik kan mijn administratie niet goed op orde houden; ik kan niet goed Nederlands lezen en begrijp de brieven niet',
      goal: 'Ik wil zelf mijn administratie kunnen doen',
      intendedResult: 'Administratie is en blijft op orde',
      solutions: 'Verbetering van het Nederlands; ondersteuning bij de administratie',
    });
    expect(r.statusCode).toBe(200);
    const goal = r.json<Page>().plan!.current.goals[0]!;
    expect(goal).toMatchObject({ domain: 'finances', zrmScore: 3 });
    expect(r.json<Page>().plan!.current.warnings.map((w) => w.code)).toContain('goal_without_actions');
  });

  it("suggests general and collective services before tailored ones for the goal's domain", async () => {
    const r = await as.worker!.get(`/api/cases/${kase.id}/plan/suggestions?domain=finances`);
    expect(r.statusCode).toBe(200);
    expect(r.json().services.map((s: { name: string; type: string }) => [s.type, s.name])).toEqual([
      ['general', 'Vrijwillige Thuisadministratie'],
      ['group', 'Budgetcursus'],
      ['tailored', 'Schuldhulpverlening'],
    ]);
  });

  it('adds actions with who does it, and shows the balance between household and professionals', async () => {
    let v = await current();
    const goalId = v.goals[0]!.id;
    const services = (await as.worker!.get(`/api/cases/${kase.id}/plan/suggestions?domain=finances`)).json()
      .services as Array<{ id: string; name: string }>;
    const add = async (body: object) => {
      const r = await as.worker!.post(`/api/cases/${kase.id}/plan/goals/${goalId}/actions`, {
        version: v.version,
        ...body,
      });
      expect(r.statusCode).toBe(200);
      v = r.json<Page>().plan!.current;
    };
    await add({ description: 'Samen duidelijk krijgen wat er wel en niet lukt', performer: 'self', dueOn: inDays(14) });
    await add({
      description: 'Leren administreren met een vrijwilliger',
      performer: 'network_or_volunteers',
      serviceId: services[0]!.id,
      dueOn: inDays(60),
    });
    await add({ description: 'Maandelijks het plan bekijken', performer: 'case_worker_or_team', dueOn: inDays(30) });
    expect(v.goals[0]!.balance).toMatchObject({ household: 2, professional: 1 });
    expect(v.warnings.map((w) => w.code)).not.toContain('goal_without_actions');
  });

  it('refuses an action without a description or with a date before the plan starts, and stores nothing', async () => {
    const v = await current();
    const goalId = v.goals[0]!.id;
    const empty = await as.worker!.post(`/api/cases/${kase.id}/plan/goals/${goalId}/actions`, {
      version: v.version,
      description: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fieldErrors.description[0]).toContain('Vul wat er gaat gebeuren in');
    const early = await as.worker!.post(`/api/cases/${kase.id}/plan/goals/${goalId}/actions`, {
      version: v.version,
      description: 'Te vroeg',
      dueOn: '2020-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().fieldErrors.dueOn[0]).toContain('voor de start van het plan');
    const after = await current();
    expect(after.goals[0]!.actions).toHaveLength(3);
    expect(after.version).toBe(v.version);
  });

  it('gives a stale edit 409 version_conflict', async () => {
    const v = await current();
    const first = await as.worker!.post(`/api/cases/${kase.id}/plan/goals`, {
      version: v.version,
      domain: 'instrumental_adl',
      problem: 'Brieven blijven liggen',
      goal: 'Post elke week openen',
    });
    expect(first.statusCode).toBe(200);
    const stale = await as.coordinator!.post(`/api/cases/${kase.id}/plan/goals`, {
      version: v.version,
      domain: 'housing',
      problem: 'x',
      goal: 'y',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });

  it('warns, without blocking, about an action without performer or date', async () => {
    const v = await current();
    const goal = v.goals.find((g) => g.domain === 'instrumental_adl')!;
    const r = await as.worker!.post(`/api/cases/${kase.id}/plan/goals/${goal.id}/actions`, {
      version: v.version,
      description: 'Taalles in het buurthuis',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json<Page>().plan!.current.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['action_without_performer', 'action_without_date']),
    );
  });
});

describe('agreement and versions', () => {
  it('refuses agreement while a household with minors has no child safety assessment', async () => {
    const v = await current();
    const r = await as.worker!.post(`/api/cases/${kase.id}/plan/agreement`, {
      version: v.version,
      form: 'verbal',
      agreedOn: today,
      agreedByName: 'Anna Testhuis',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({
      code: 'child_safety_required',
      message: expect.stringContaining('minderjarigen'),
    });
  });

  it('refuses agreeing a plan without goals', async () => {
    const other = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    await as.worker!.post(`/api/cases/${other.id}/child-safety`, {
      assessedOn: today,
      signs: 'Geen',
      protectiveFactors: 'Betrokken oma',
      riskLevel: 'low',
      actions: 'Geen',
    });
    const started = (await as.worker!.post(`/api/cases/${other.id}/plan`, { startsOn: today })).json<Page>().plan!
      .current;
    const r = await as.worker!.post(`/api/cases/${other.id}/plan/agreement`, {
      version: started.version,
      form: 'verbal',
      agreedOn: today,
      agreedByName: 'Anna Testhuis',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'plan_without_goals', message: expect.stringContaining('zonder doelen') });
    expect((await current(other.id)).status).toBe('draft');
  });

  it('records verbal agreement, freezes the version and stores the plan document', async () => {
    await as.worker!.post(`/api/cases/${kase.id}/child-safety`, {
      assessedOn: today,
      signs: 'Geen signalen',
      protectiveFactors: 'Moeder zorgt goed',
      riskLevel: 'low',
      actions: 'Geen',
    });
    const v = await current();
    const r = await as.worker!.post(`/api/cases/${kase.id}/plan/agreement`, {
      version: v.version,
      form: 'verbal',
      agreedOn: today,
      agreedByName: 'Anna Testhuis',
      note: 'Tijdens huisbezoek',
    });
    expect(r.statusCode).toBe(200);
    const agreed = r.json<Page>().plan!.current;
    expect(agreed.status).toBe('agreed');
    expect(agreed.document).not.toBeNull();
    const pdf = await as.worker!.get(`/api/cases/${kase.id}/plan/document.pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await as.worker!.get(`/api/cases/${kase.id}`)).json().phase).toBe('execution');

    // Accessible (PDF/UA-1, ADR 0053): tagged, Dutch, titled, and read in order — each heading before its text.
    const doc = readPdfStructure(pdf.rawPayload);
    const title = doc.xmpTitle ?? '';
    expect(title).toMatch(/^Ons plan — /);
    expect(accessibilityProblems(doc, title)).toEqual([]);
    const types = new Set(doc.elements.map((e) => e.type));
    for (const type of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD'])
      expect([type, types.has(type)]).toEqual([type, true]);
    expect(doc.artifactText.join(' ')).toContain('pagina 1 van');
    const h1 = indexOfElement(doc, 'H1', 'Ons plan');
    const goal = indexOfElement(doc, 'H2', 'Doel 1');
    const want = indexOfElement(doc, 'H3', 'Wat wilt u bereiken?');
    const wantText = indexOfElement(doc, 'P', 'Ik wil zelf mijn administratie kunnen doen');
    const action = indexOfElement(doc, 'TD', 'Leren administreren met een vrijwilliger');
    expect(h1).toBe(1);
    expect([h1 < goal, goal < want, want < wantText, wantText < action]).toEqual([true, true, true, true]);
    expect(doc.elements.filter((e) => e.type === 'TH').map((e) => e.text)).toEqual(
      expect.arrayContaining(['Wat', 'Wie', 'Wanneer klaar', 'Hoe staat het']),
    );
    // The team's own evaluation interval (13 weeks by default), not a hard-coded "elke maand".
    const text = doc.elements.map((e) => e.text).join(' ');
    expect(text).toContain('Samen kijken we elke drie maanden hoe het gaat.');
    expect(text).not.toContain('elke maand');
  });

  it('refuses direct edits of the agreed version with a clear Dutch message, but lets progress be recorded', async () => {
    const v = await current();
    const edit = await as.worker!.post(`/api/cases/${kase.id}/plan/goals`, {
      version: v.version,
      domain: 'housing',
      problem: 'x',
      goal: 'y',
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'plan_frozen', message: expect.stringContaining('nieuwe versie') });
    const again = await as.worker!.post(`/api/cases/${kase.id}/plan/agreement`, {
      version: v.version,
      form: 'verbal',
      agreedOn: today,
      agreedByName: 'Anna',
    });
    expect(again.json().code).toBe('plan_frozen');
    const actionId = v.goals[0]!.actions[0]!.id;
    const progress = await as.worker!.post(`/api/cases/${kase.id}/plan/actions/${actionId}/progress`, {
      version: v.version,
      status: 'in_progress',
      progressNote: 'Eerste gesprek gehad',
    });
    expect(progress.statusCode).toBe(200);
    expect(progress.json<Page>().plan!.current.goals[0]!.actions[0]!.status).toBe('in_progress');
  });

  it('a change after agreement needs a reason and makes a new draft version; both versions can be compared', async () => {
    const v = await current();
    const noReason = await as.worker!.post(`/api/cases/${kase.id}/plan/revisions`, {
      version: v.version,
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fieldErrors.reason[0]).toContain('reden');
    expect((await current()).number).toBe(1);

    const r = await as.worker!.post(`/api/cases/${kase.id}/plan/revisions`, {
      version: v.version,
      reason: 'Taalcafé vol; andere dag gekozen',
    });
    expect(r.statusCode).toBe(201);
    const draft = r.json<Page>().plan!;
    expect(draft.versions.map((x) => [x.number, x.status])).toEqual([
      [2, 'draft'],
      [1, 'agreed'],
    ]);
    expect(draft.current.goals).toHaveLength(2);
    const goalId = draft.current.goals[0]!.id;
    expect(
      (
        await as.worker!.post(`/api/cases/${kase.id}/plan/goals/${goalId}/actions`, {
          version: draft.current.version,
          description: 'Budgetcursus volgen',
          performer: 'self',
          dueOn: inDays(40),
        })
      ).statusCode,
    ).toBe(200);

    const one = (await as.worker!.get(`/api/cases/${kase.id}/plan/versions/1`)).json();
    const two = (await as.worker!.get(`/api/cases/${kase.id}/plan/versions/2`)).json();
    expect(one.goals[0].actions).toHaveLength(3);
    expect(two.goals[0].actions).toHaveLength(4);
    expect(two.changeReason).toContain('Taalcafé');
  });

  it('a revision of a draft is refused: the draft is simply edited', async () => {
    const v = await current();
    const r = await as.worker!.post(`/api/cases/${kase.id}/plan/revisions`, {
      version: v.version,
      reason: 'Waarom niet',
    });
    expect(r.json().code).toBe('plan_not_agreed');
  });
});

describe("the household's own plan", () => {
  it('stores a typed and uploaded familiegroepsplan as the leading plan, checking the file by its content', async () => {
    const v = await current();
    const fake = await as.worker!.put(`/api/cases/${kase.id}/plan/resident-plan`, {
      version: v.version,
      kind: 'family_group_plan',
      leading: true,
      file: { filename: 'plan.pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') },
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().fieldErrors.file[0]).toContain('PDF');
    const r = await as.worker!.put(`/api/cases/${kase.id}/plan/resident-plan`, {
      version: v.version,
      kind: 'family_group_plan',
      leading: true,
      text: 'Oma helpt elke week met de post.',
      file: { filename: 'familiegroepsplan.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') },
    });
    expect(r.statusCode).toBe(200);
    const rp = r.json<Page>().plan!.current.residentPlan!;
    expect(rp.leading).toBe(true);
    const file = await as.worker!.get(`/api/cases/${kase.id}/plan/files/${rp.file!.id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
  });
});

describe('access to the plan', () => {
  it('a worker outside the case cannot read or change the plan, and the attempt is logged', async () => {
    expect((await as.colleague!.get(`/api/cases/${kase.id}/plan`)).statusCode).toBe(403);
    expect((await as.colleague!.get(`/api/cases/${kase.id}/plan/document.pdf`)).statusCode).toBe(403);
    expect(
      (
        await as.colleague!.post(`/api/cases/${kase.id}/plan/goals`, {
          version: 1,
          domain: 'finances',
          problem: 'x',
          goal: 'y',
        })
      ).statusCode,
    ).toBe(403);
    const denied = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'data_category'])
        .where('user_id', '=', as.colleague!.userId)
        .where('outcome', '=', 'denied')
        .where('case_id', '=', kase.id)
        .execute(),
    );
    expect(denied.length).toBeGreaterThanOrEqual(3);
    expect(denied.every((d) => d.data_category === 'plan')).toBe(true);
  });

  it('the behavioural scientist reads the plan but does not change it; reads and changes are logged', async () => {
    expect((await as.scientist!.get(`/api/cases/${kase.id}/plan`)).statusCode).toBe(200);
    const v = await current();
    expect(
      (
        await as.scientist!.post(`/api/cases/${kase.id}/plan/goals`, {
          version: v.version,
          domain: 'finances',
          problem: 'x',
          goal: 'y',
        })
      ).statusCode,
    ).toBe(403);
    const events = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('event')
        .where('case_id', '=', kase.id)
        .where('data_category', '=', 'plan')
        .where('outcome', '=', 'allowed')
        .execute(),
    );
    expect([...new Set(events.map((e) => e.event))]).toEqual(
      expect.arrayContaining([
        'plan.viewed',
        'plan.started',
        'plan.goal_added',
        'plan.action_added',
        'plan.agreed',
        'plan.revised',
        'plan.printed',
      ]),
    );
  });

  it('the service catalogue is for the functional administrator only', async () => {
    expect((await as.worker!.get('/api/admin/services')).statusCode).toBe(403);
    expect((await as.admin!.get('/api/admin/services')).statusCode).toBe(200);
  });
});

describe('the service catalogue CSV', () => {
  it('exports with formula cells neutralised and imports back, refusing a bad file as a whole', async () => {
    expect(
      (
        await as.admin!.post('/api/admin/services', {
          organisation: '=HYPERLINK("http://x")',
          name: '@Kwaad',
          domains: ['finances'],
          type: 'general',
        })
      ).statusCode,
    ).toBe(201);
    const csv = await as.admin!.get('/api/admin/services/export.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    // Dutch Excel: a byte order mark, semicolons, Dutch headers and labels instead of codes.
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFNummer (niet wijzigen);Organisatie;Voorziening;Omschrijving;Leefgebieden;Soort;Gebied;Telefoon;E-mail;Website;Actief',
    );
    expect(csv.body).toMatch(
      /;"'=HYPERLINK\(""http:\/\/x""\)";'@Kwaad;;Financiën;Algemene \(collectieve\) voorziening;;;;;ja\r\n/,
    );
    expect(csv.body).not.toMatch(/(^|[,;])=HYPERLINK/m);

    const before = (await as.admin!.get('/api/admin/services')).json().services.length;
    const bad = await as.admin!.post('/api/admin/services/import', {
      csv: 'organisation,name,domains,type\nBuurthuis,Koffie-ochtend,social_network,general\nX,Y,finances,soms\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fieldErrors)).toEqual(['rows.3']);
    expect((await as.admin!.get('/api/admin/services')).json().services.length).toBe(before);

    const ok = await as.admin!.post('/api/admin/services/import', {
      csv: csv.body + ';Buurthuis;Koffie-ochtend;;Sociaal netwerk;Groepsaanbod;;;;;ja\r\n',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ added: 1, updated: before });
    const names = (await as.admin!.get('/api/admin/services'))
      .json()
      .services.map((s: { organisation: string }) => s.organisation);
    expect(names).toContain('=HYPERLINK("http://x")');
  });
});
