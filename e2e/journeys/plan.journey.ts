import type { Page } from 'playwright-core';
import { assert, Counter, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { logIn, logOut } from './intake-steps';

/** Calls the API from the logged-in page (same cookies, CSRF token from the session), for the analysis that precedes the plan. */
async function callApi(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken?: string };
      const r = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: r.status, json: (await r.json()) as unknown };
    },
    { method, path, body },
  );
}

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
/** A date as the plan page shows it: "12 maart 2026". */
const shownDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/** Waits until keyboard focus is on the element with this text (a button after its edit form closed). */
async function waitForFocusOn(page: Page, text: string) {
  await page.waitForFunction((t) => document.activeElement?.textContent?.trim() === t, text, { timeout: 5_000 });
}

type PlanPage = {
  plan: {
    current: {
      version: number;
      goals: Array<{
        goal: string;
        actions: Array<{ id: string; description: string; status: string; dueOn: string | null }>;
      }>;
    };
  };
};

/**
 * Opens the "add action" form of a goal and adds one action, light before heavy. Every click and field counts (on
 * `counter`, which may already hold the way there from Mijn werk); at most `most`.
 */
async function addAction(
  page: Page,
  domain: string,
  a: { description: string; performer: string; service?: string; due: string },
  counter = new Counter(page),
  most = 6,
) {
  const details = page.locator('details', {
    has: page.locator('summary', { hasText: `Actie toevoegen bij ${domain}` }),
  });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await counter.click(details.locator('summary'));
  await counter.fill(details.getByLabel('Wat gaat er gebeuren?'), a.description);
  await counter.check(details.getByLabel(a.performer, { exact: true }));
  if (a.service) await counter.check(details.getByLabel(a.service));
  await counter.fill(details.getByLabel('Wanneer klaar'), a.due);
  await counter.click(details.getByRole('button', { name: 'Actie toevoegen' }));
  await page
    .getByRole('cell', { name: a.description })
    .or(page.getByRole('rowheader', { name: a.description }))
    .first()
    .waitFor();
  counter.expectAtMost(most, `adding an action to ${domain}`);
}

/**
 * The worked example of seed 002 on the demo case "Huishouden El Amrani": the worker builds the plan (finances and
 * instrumental ADL, participation rung 1), language class and volunteer paperwork help before professional help;
 * the household agrees verbally, the PDF is produced, then the plan is changed with a reason and both versions
 * are compared. The functional administrator sees the service catalogue. Axe on every page.
 */
const journey: Journey = {
  name: 'plan: the worked example is planned light before heavy, agreed, printed, changed and compared',
  async run(baseUrl) {
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      await logIn(page, baseUrl, 'werker');

      // The analysis that precedes the plan, through its API: ZRM, participation ladder and the child safety assessment.
      const mine = (await callApi(page, 'GET', '/api/cases/mine')).json as {
        cases: Array<{ id: string; householdName: string }>;
      };
      const caseId = mine.cases.find((c) => c.householdName === 'Huishouden El Amrani')?.id ?? '';
      assert(caseId, 'the worker has the El Amrani case');
      const overview = (await callApi(page, 'GET', `/api/cases/${caseId}`)).json as {
        household: { members: Array<{ id: string; fullName: string }> };
      };
      const youssef = overview.household.members.find((m) => m.fullName === 'Youssef El Amrani')?.id ?? '';
      const why = 'Hoort bij de hulpvraag over administratie en brieven.';
      const zrm = await callApi(page, 'POST', `/api/cases/${caseId}/zrm`, {
        personId: youssef,
        kind: 'start',
        assessedOn: today,
        scores: [
          { domain: 'finances', score: 3, outOfScopeReason: why },
          { domain: 'instrumental_adl', score: 3, outOfScopeReason: why },
        ],
      });
      assert(zrm.status === 200, `the ZRM is recorded (${zrm.status})`);
      assert(
        (
          await callApi(page, 'POST', `/api/cases/${caseId}/participation`, {
            personId: youssef,
            rung: 1,
            measuredOn: today,
          })
        ).status === 200,
        'participation rung 1 is recorded',
      );

      // The plan page: no plan yet.
      await page.goto(`${baseUrl}/dossiers/${caseId}/plan`);
      await page.getByRole('heading', { level: 1, name: 'Plan van Huishouden El Amrani' }).waitFor();
      await page.getByText('Financiën: niveau 3').waitFor();
      await page.getByText('Participatieladder Youssef El Amrani: trede 1').waitFor();
      await expectAccessible(page, 'the plan page without a plan');
      await page.getByRole('button', { name: 'Plan starten' }).click();
      await page.getByText('Versie 1 · concept').waitFor();

      // Goal 1: finances, in the household's own words.
      await page.getByLabel('Leefgebied').selectOption({ label: 'Financiën' });
      await page
        .getByLabel('Probleem, in de woorden van het huishouden')
        .fill(
          'Ik kan mijn administratie niet goed op orde houden; ik kan niet goed Nederlands lezen en begrijp de brieven niet',
        );
      await page.getByLabel('Doel', { exact: true }).fill('Ik wil zelf mijn administratie kunnen doen');
      await page.getByLabel('Beoogd resultaat').fill('Administratie is en blijft op orde');
      await page
        .getByLabel('Oplossingen')
        .fill(
          '1. Verbetering van het Nederlands en het begrijpend lezen\n2. Ondersteuning bij het op orde houden van de administratie',
        );
      await page.getByRole('button', { name: 'Doel toevoegen' }).click();
      await page.getByRole('heading', { level: 3, name: /Financiën/ }).waitFor();
      assert(
        await page.getByText('ZRM niveau 3').first().isVisible(),
        'the goal is linked to the ZRM score of its domain',
      );
      await page.getByText('heeft nog geen acties').waitFor();

      // Goal 2: daily living (instrumental ADL).
      await page.getByLabel('Leefgebied').selectOption({ label: 'Instrumentele ADL' });
      await page
        .getByLabel('Probleem, in de woorden van het huishouden')
        .fill('Ik begrijp de Nederlandse brieven niet');
      await page.getByLabel('Doel', { exact: true }).fill('Ik kan zelf mijn post lezen');
      await page.getByRole('button', { name: 'Doel toevoegen' }).click();
      await page.getByRole('heading', { level: 3, name: /Instrumentele ADL/ }).waitFor();

      // Actions, light before heavy; the catalogue offers general services before tailored ones. The first is counted from
      // Mijn werk (issue #19 measure, target 5): today 7 — the case, its Plan section, the folded form, what, who, when, save.
      await page.goto(baseUrl);
      const fromHome = new Counter(page);
      await fromHome.click(
        page
          .locator('section', { has: page.getByRole('heading', { name: 'Mijn dossiers' }) })
          .getByRole('link', { name: 'Huishouden El Amrani' }),
      );
      await fromHome.click(
        page
          .getByRole('navigation', { name: 'Onderdelen van het dossier' })
          .getByRole('link', { name: 'Plan', exact: true }),
      );
      await page.getByRole('heading', { level: 1, name: 'Plan van Huishouden El Amrani' }).waitFor();
      await addAction(
        page,
        'Financiën',
        {
          description: 'Samen duidelijk krijgen wat er wel en niet lukt en waarom niet',
          performer: 'De inwoner zelf',
          due: inDays(14),
        },
        fromHome,
        7,
      );
      const financeActions = page.locator('details', {
        has: page.locator('summary', { hasText: 'Actie toevoegen bij Financiën' }),
      });
      await financeActions.getByLabel('Netwerk, buurt of vrijwilligers').check();
      await financeActions.getByRole('group', { name: 'Voorzieningen uit de sociale kaart' }).waitFor();
      const options = await financeActions
        .getByRole('group', { name: 'Voorzieningen uit de sociale kaart' })
        .locator('label')
        .allInnerTexts();
      assert(
        options[1]?.includes('algemeen/collectief') === true,
        `a general service is suggested first (${options.join(' | ')})`,
      );
      assert(options.at(-1)?.includes('maatwerk') === true, 'the tailored service comes last');
      await expectAccessible(page, 'the action form with catalogue suggestions');
      await addAction(page, 'Financiën', {
        description: "Leren administreren door een vrijwilliger met een groep 'lotgenoten'",
        performer: 'Netwerk, buurt of vrijwilligers',
        service: 'Vrijwillige Thuisadministratie',
        due: inDays(60),
      });
      await addAction(page, 'Financiën', {
        description: 'Maandelijks met de casemanager kijken naar het plan en de resultaten',
        performer: 'Werker of wijkteam',
        due: inDays(30),
      });
      await addAction(page, 'Instrumentele ADL', {
        description: 'Nederlandse taal in het buurthuis',
        performer: 'Netwerk, buurt of vrijwilligers',
        service: 'Taalcafé buurthuis De Schakel',
        due: inDays(21),
      });
      await page.getByText('Huishouden en netwerk: 2 · professionals: 1').waitFor();

      // Before agreement the worker corrects the draft: a goal in the household's own words, and an action's due date.
      await page.getByRole('button', { name: 'Wijzigen: Ik kan zelf mijn post lezen' }).click();
      const goalEdit = page.getByRole('form', { name: 'Doel wijzigen: Instrumentele ADL' });
      await goalEdit.waitFor();
      assert(
        await goalEdit.getByLabel('Leefgebied').evaluate((el) => el === document.activeElement),
        'focus moves into the goal edit form',
      );
      assert(
        (await goalEdit.getByLabel('Doel', { exact: true }).inputValue()) === 'Ik kan zelf mijn post lezen',
        'the goal edit form is prefilled',
      );
      await goalEdit.getByLabel('Doel', { exact: true }).fill('Ik kan zelf mijn post lezen en begrijpen');
      await expectAccessible(page, 'the plan with a goal open for editing');
      // Meanwhile a colleague records progress on an action: saving meets a conflict, the newest plan is loaded and the typed text stays.
      const before = (await callApi(page, 'GET', `/api/cases/${caseId}/plan`)).json as PlanPage;
      const taalcafe = before.plan.current.goals
        .flatMap((g) => g.actions)
        .find((a) => a.description === 'Nederlandse taal in het buurthuis');
      assert(taalcafe, 'the language action exists');
      const progress = await callApi(page, 'POST', `/api/cases/${caseId}/plan/actions/${taalcafe.id}/progress`, {
        version: before.plan.current.version,
        status: 'in_progress',
      });
      assert(progress.status === 200, `a colleague records progress (${progress.status})`);
      await goalEdit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await goalEdit.getByText('Iemand anders heeft het plan intussen gewijzigd').waitFor();
      assert(
        (await goalEdit.getByLabel('Doel', { exact: true }).inputValue()) ===
          'Ik kan zelf mijn post lezen en begrijpen',
        'what the worker typed stays in the form after the conflict',
      );
      await goalEdit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByText('Het doel is gewijzigd.').waitFor();
      await page.locator('dd', { hasText: 'Ik kan zelf mijn post lezen en begrijpen' }).waitFor();
      assert((await goalEdit.count()) === 0, 'the goal edit form closes after saving');
      await waitForFocusOn(page, 'Wijzigen: Ik kan zelf mijn post lezen en begrijpen');

      // "Annuleren" closes the action form without saving and returns focus to its button.
      const editTaal = page.getByRole('button', { name: 'Wijzigen: Nederlandse taal in het buurthuis' });
      await editTaal.click();
      const actionEdit = page.getByRole('form', { name: 'Actie wijzigen: Nederlandse taal in het buurthuis' });
      await actionEdit.waitFor();
      assert(
        await actionEdit.getByLabel('Wat gaat er gebeuren?').evaluate((el) => el === document.activeElement),
        'focus moves into the action edit form',
      );
      assert(
        await actionEdit.getByLabel('Taalcafé buurthuis De Schakel').isChecked(),
        'the action edit form shows the chosen service',
      );
      await actionEdit.getByRole('button', { name: 'Annuleren' }).click();
      await waitForFocusOn(page, 'Wijzigen: Nederlandse taal in het buurthuis');
      await editTaal.press('Enter');
      await actionEdit.waitFor();
      assert(
        (await actionEdit.getByLabel('Wanneer klaar').inputValue()) === inDays(21),
        'the action edit form is prefilled with the due date',
      );
      await actionEdit.getByLabel('Wanneer klaar').fill(inDays(28));
      await expectAccessible(page, 'the plan with an action open for editing');
      await actionEdit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByText('De actie is gewijzigd.').waitFor();
      await page
        .getByRole('row', { name: /Nederlandse taal in het buurthuis/ })
        .getByText(shownDate(inDays(28)))
        .waitFor();
      await waitForFocusOn(page, 'Wijzigen: Nederlandse taal in het buurthuis');
      const after = (await callApi(page, 'GET', `/api/cases/${caseId}/plan`)).json as PlanPage;
      const changed = after.plan.current.goals.flatMap((g) => g.actions).find((a) => a.id === taalcafe.id);
      assert(
        changed?.dueOn?.slice(0, 10) === inDays(28) && changed.status === 'in_progress',
        `the due date changed and the recorded progress was kept (${JSON.stringify(changed)})`,
      );

      // Agreement is refused while the child safety assessment of this household with minors is missing.
      await page.getByLabel('Mondeling akkoord').check();
      await page.getByLabel('Wie gaf akkoord?').fill('Youssef en Fatima El Amrani');
      await page.getByRole('button', { name: 'Akkoord vastleggen' }).click();
      await page.getByText('risico- en veiligheidstaxatie').first().waitFor();
      await expectAccessible(page, 'the plan with the refused agreement');
      const safety = await callApi(page, 'POST', `/api/cases/${caseId}/child-safety`, {
        assessedOn: today,
        signs: 'Geen signalen',
        protectiveFactors: 'Betrokken ouders',
        riskLevel: 'low',
        actions: 'Geen',
      });
      assert(safety.status === 200, 'the child safety assessment is recorded');
      await page.getByRole('button', { name: 'Akkoord vastleggen' }).click();
      await page.getByText('Het akkoord is vastgelegd.').waitFor();
      await page.getByText('Versie 1 · akkoord gegeven').waitFor();
      assert(await page.getByText('staat vast').isVisible(), 'the agreed version is frozen');
      await expectAccessible(page, 'the agreed plan');

      // The plan document.
      const pdf = await page.request.get(`${baseUrl}/api/cases/${caseId}/plan/document.pdf`);
      assert(
        pdf.status() === 200 && (await pdf.body()).subarray(0, 5).toString() === '%PDF-',
        'the plan document is a PDF',
      );

      // A change after agreement: a new version with the reason.
      await page.getByRole('button', { name: 'Nieuwe versie maken' }).click();
      await page.getByText('Vul de reden van de wijziging in.').first().waitFor();
      await page.getByLabel('Reden van de wijziging').fill('Meneer wil ook de budgetcursus in de bibliotheek volgen.');
      await page.getByRole('button', { name: 'Nieuwe versie maken' }).click();
      await page.getByText('Versie 2 · concept').waitFor();
      await addAction(page, 'Financiën', {
        description: 'Budgetcursus volgen',
        performer: 'De inwoner zelf',
        due: inDays(45),
      });
      await expectAccessible(page, 'the new draft version');

      // Both versions side by side.
      await page.getByRole('link', { name: 'Vergelijk versie 1 met 2' }).click();
      await page.getByRole('heading', { level: 1, name: 'Versies van het plan vergelijken' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Versie 1 (akkoord gegeven)' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Versie 2 (concept)' }).waitFor();
      await page.getByText('gewijzigd').first().waitFor();
      assert((await page.getByText('Budgetcursus volgen').count()) === 1, 'the new action shows only in version 2');
      await expectAccessible(page, 'the comparison of versions');

      // On a phone the plan stays usable.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${baseUrl}/dossiers/${caseId}/plan`);
      await page.getByText('Versie 2 · concept').waitFor();
      await expectAccessible(page, 'the plan on a phone');
      await page.setViewportSize({ width: 1280, height: 900 });
      await logOut(page);

      // The functional administrator keeps the service catalogue.
      await logIn(page, baseUrl, 'beheerder');
      await page.goto(`${baseUrl}/beheer/sociale-kaart`);
      await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
      await page.getByRole('rowheader', { name: /Vrijwillige Thuisadministratie/ }).waitFor();
      await expectAccessible(page, 'the service catalogue');
      const csv = await page.request.get(`${baseUrl}/api/admin/services/export.csv`);
      assert((await csv.text()).includes('Budgetcursus'), 'the catalogue exports as CSV');
      await logOut(page);
    } finally {
      await browser.close();
    }
  },
};

export default journey;
