import type { Page } from 'playwright-core';
import { assert, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { logIn, logOut } from './intake-steps';

/** Calls the API from the logged-in page (same cookies, CSRF token from the session). */
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
/** Today in Amsterdam (as the app counts days), and a date as the pages show it. */
const meetingDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const shownDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
const REVIEW_ADVICE = 'Afsluiten met een waakvlam van zes maanden; zus Karin blijft betrokken.';
const RISK_NOTE = 'Mevrouw mijdt hulp als het slechter gaat; zus Karin belt ons als de post blijft liggen.';

/**
 * The demo case "Huishouden Meijer" (agreed plan, in execution, evaluation due): the worker logs a home visit in the
 * journaal and plans today's case review meeting; she records an evaluation with an interim ZRM and concludes to close;
 * on "Afsluiten" she sees the ZRM comparison and the goal results of the evaluation (not asked again; she changes one),
 * answers "Gaat er iets mis als ik eruit stap?" with "ja" — the case goes onto today's meeting and a quick "nee" is
 * refused; the coordinator records the meeting's decision to close; she closes with "ja" and the remaining risk, after
 * "doelen bereikt" was refused (one goal was only partly reached) and the open actions needed a decision, into a watch of
 * six months, and sends both letters — the GP's only with a legal basis, as there is no consent — which arrive in the
 * development outbox. She records a check-in and reactivates the case as a new episode; the timeline shows it all.
 * Axe on every page.
 */
const journey: Journey = {
  name: 'execution and closure: evaluation, closure with ZRM comparison and letters, watch, check-in, reactivation',
  async run(baseUrl) {
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      await logIn(page, baseUrl, 'werker');
      const mine = (await callApi(page, 'GET', '/api/cases/mine')).json as {
        cases: Array<{ id: string; householdName: string; phase: string }>;
      };
      const kase = mine.cases.find((c) => c.householdName === 'Huishouden Meijer');
      assert(kase?.phase === 'execution', 'the worker has the Meijer case in execution');
      const overview = (await callApi(page, 'GET', `/api/cases/${kase.id}`)).json as {
        household: { members: Array<{ id: string; fullName: string }> };
      };
      const anja = overview.household.members[0]?.id ?? '';
      // The interim and closing ZRM are scored with the ZRM page (covered by the analysis journey); here through its API.
      const interim = await callApi(page, 'POST', `/api/cases/${kase.id}/zrm`, {
        personId: anja,
        kind: 'interim',
        assessedOn: today,
        scores: [
          { domain: 'mental_health', score: 3 },
          { domain: 'instrumental_adl', score: 3 },
          { domain: 'social_network', score: 2 },
        ],
      });
      assert(interim.status === 200, `the interim ZRM is recorded (${interim.status})`);

      // The case overview says the evaluation is due; its section "Verloop" says more (issue #19: each section its own address).
      await page.goto(`${baseUrl}/dossiers/${kase.id}`);
      await page.getByRole('heading', { level: 1, name: 'Huishouden Meijer' }).waitFor();
      await page
        .locator('#overzicht-todo')
        .getByRole('link', { name: /^Evaluatie te laat/ })
        .waitFor();
      await page.goto(`${baseUrl}/dossiers/${kase.id}/verloop`);
      await page.getByRole('heading', { level: 2, name: 'Verloop: evaluatie, afsluiten en waakvlam' }).waitFor();
      await page.getByText('De evaluatie is te laat').waitFor();
      await expectAccessible(page, 'the case page in execution');

      // 1. Contacts of the execution phase, in the journaal of the case ("Contact vastleggen" opens the form).
      await page.goto(`${baseUrl}/dossiers/${kase.id}/journaal`);
      await page.locator('section#journaal').getByRole('button', { name: 'Contact vastleggen' }).click();
      const contactForm = page.locator('section#journaal').getByRole('form', { name: 'Contact vastleggen' });
      await contactForm.getByLabel('Huisbezoek').check();
      await contactForm.getByRole('button', { name: '60 minuten' }).click();
      await contactForm
        .getByLabel('Wat is er besproken of gedaan?')
        .fill('Evaluatie voorbereid met mevrouw Meijer en zus Karin; de weekplanning loopt.');
      await contactForm.getByRole('button', { name: 'Contact vastleggen', exact: true }).click();
      await contactForm.getByText(/\(huisbezoek\) is vastgelegd\./).waitFor();

      // 2. Today's case review meeting, planned by the worker (the closing question below sends the case there).
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Casuïstiekoverleg' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Casuïstiekoverleg' }).waitFor();
      await page.getByLabel('Datum').fill(meetingDay);
      await page.getByRole('button', { name: 'Overleg plannen' }).click();
      await page.getByText('Het overleg is gepland.').waitFor();
      await expectAccessible(page, 'the planned meeting');
      await page.goto(`${baseUrl}/dossiers/${kase.id}/verloop`);
      await page.getByRole('heading', { level: 1, name: 'Huishouden Meijer' }).waitFor();

      // 3. The periodic evaluation.
      await page.getByRole('link', { name: 'Evaluatie vastleggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Evaluatie van het plan' }).waitFor();
      await page.getByText('Laatste tussentijdse ZRM: Anja Meijer').waitFor();
      await expectAccessible(page, 'the evaluation page');
      await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
      await page.getByText('Vul wie er bij de evaluatie waren').first().waitFor();
      await page.getByLabel('Wie waren erbij?').fill('Anja Meijer, zus Karin, vrijwilliger buurtkamer');
      const goal = (text: string) => page.getByRole('group', { name: new RegExp(text) });
      await goal('Ik houd mijn huis zelf op orde').getByLabel('Bereikt', { exact: true }).check();
      await goal('contact met mensen in de buurt').getByLabel('Deels bereikt').check();
      await goal('bij wie ik terecht kan').getByLabel('Bereikt', { exact: true }).check();
      await page
        .getByLabel('Toelichting bij “Ik heb elke week contact met mensen in de buurt.”')
        .fill('Gaat elke dinsdag naar de koffieochtend.');
      assert(
        (await page.getByLabel('Koppel een tussentijdse ZRM').inputValue()) !== '',
        'the latest interim ZRM is linked by default',
      );
      await page.getByLabel('Afronden: naar afsluiten').check();
      await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
      await page.getByText('De evaluatie is vastgelegd.').waitFor();
      await page.getByRole('heading', { level: 3, name: /Afronden: naar afsluiten \(plan versie 1\)/ }).waitFor();
      await expectAccessible(page, 'the evaluation page after saving');

      const closing = await callApi(page, 'POST', `/api/cases/${kase.id}/zrm`, {
        personId: anja,
        kind: 'closing',
        assessedOn: today,
        scores: [
          { domain: 'mental_health', score: 3 },
          { domain: 'instrumental_adl', score: 4 },
          { domain: 'social_network', score: 2 },
        ],
      });
      assert(closing.status === 200, 'the closing ZRM is recorded');

      // 4. Closure: the comparison, the goal results of the evaluation, the closing question.
      await page.getByRole('link', { name: 'Naar afsluiten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Afsluiten' }).waitFor();
      const zrmTable = page.getByRole('table', { name: /ZRM van Anja Meijer/ });
      await zrmTable.getByRole('row', { name: /Instrumentele ADL 2 4 Gestegen/ }).waitFor();
      await zrmTable.getByRole('row', { name: /Sociaal netwerk 2 2 Gelijk/ }).waitFor();
      // The results recorded in the final evaluation are taken over, not asked again.
      await page
        .getByText(
          `Uit de evaluatie van ${shownDate(meetingDay)}: Deels bereikt. Gaat elke dinsdag naar de koffieochtend.`,
        )
        .waitFor();
      assert(
        (await page.getByRole('group', { name: /Is het doel “Ik heb elke week/ }).count()) === 0,
        'a goal answered in the evaluation is not asked again',
      );
      await expectAccessible(page, 'the closure page');
      // "Gaat er iets mis als ik eruit stap? — ja": the case goes to today's case review meeting.
      await page.getByRole('group', { name: 'Gaat er iets mis als ik eruit stap?' }).getByLabel('Ja').check();
      await page
        .getByLabel('Toelichting (niet verplicht)', { exact: true })
        .fill('Mevrouw mijdt hulp als het slechter gaat.');
      await page.getByRole('button', { name: 'Antwoord vastleggen' }).click();
      await page
        .getByText(`Het dossier staat op de agenda van het casuïstiekoverleg van ${shownDate(meetingDay)}`)
        .waitFor();
      await expectAccessible(page, 'the closure page after "ja"');
      // A quick "nee" after the "ja" would bypass the meeting: refused.
      const quickNo = await callApi(page, 'POST', `/api/cases/${kase.id}/closing-question`, {
        somethingGoesWrong: false,
      });
      assert(quickNo.status === 409, `a "nee" right after a "ja" is refused (${quickNo.status})`);

      // The coordinator records the meeting's decision: close, the risk accepted.
      await logOut(page);
      await logIn(page, baseUrl, 'coordinator');
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Casuïstiekoverleg' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Casuïstiekoverleg' }).waitFor();
      await page.getByRole('link', { name: `Overleg van ${shownDate(meetingDay)}` }).click();
      const item = page.getByRole('article', { name: /Huishouden Meijer/ });
      await item.getByText('Mevrouw mijdt hulp als het slechter gaat.').waitFor();
      await item.getByLabel('Advies of besluit').fill(REVIEW_ADVICE);
      await item.getByRole('button', { name: 'Uitkomst vastleggen' }).click();
      await item.getByText('Kies het besluit: afsluiten of de begeleiding voortzetten.').first().waitFor();
      await item.getByLabel('Afsluiten: het risico is besproken en aanvaard').check();
      await item.getByRole('button', { name: 'Uitkomst vastleggen' }).click();
      await page.getByText('De uitkomst is vastgelegd in het dossier.').waitFor();
      await expectAccessible(page, 'the meeting with the decision to close the Meijer case');
      await logOut(page);
      await logIn(page, baseUrl, 'werker');
      await page.goto(`${baseUrl}/dossiers/${kase.id}/overleg`);
      await page.locator('section#overleg').getByText(REVIEW_ADVICE).waitFor({ timeout: 60_000 });

      // 5. Closing with "ja" and the risk that remains.
      await page.goto(`${baseUrl}/dossiers/${kase.id}/afsluiten`);
      await page.getByRole('heading', { level: 1, name: 'Afsluiten' }).waitFor();
      await page.getByText('Het casuïstiekoverleg besloot').waitFor();
      await page.getByRole('button', { name: 'Resultaat van “Ik houd mijn huis zelf op orde.” wijzigen' }).click();
      await page
        .getByLabel('Resultaat van “Ik houd mijn huis zelf op orde.”')
        .fill('Het huis is op orde; vaste weekplanning.');
      await page.getByLabel('Wat werkte goed?').fill('Kleine stappen en de vrijwilliger van de buurtkamer.');
      await page.getByLabel('Wat leren we ervan?').fill('Eerder het netwerk (zus Karin) betrekken.');
      await page.getByLabel('Welk risico blijft er, en wat is daarover afgesproken?').fill(RISK_NOTE);
      await page
        .getByLabel('Afspraken voor daarna (nazorg)')
        .fill('Mevrouw belt zelf als het slechter gaat; zus Karin let mee op.');
      await page.getByLabel('Afsluiten met waakvlam').check();
      await page.getByLabel('Elke hoeveel weken contact?').fill('8');
      await page.getByLabel('6 maanden').check();
      // "Doelen bereikt" while one goal was only partly reached: refused.
      await page.getByLabel('Doelen bereikt').check();
      await page.getByRole('button', { name: 'Dossier afsluiten' }).click();
      await page.getByText('"Doelen bereikt" kan alleen als alle doelen zijn bereikt.').first().waitFor();
      await expectAccessible(page, 'the closure page with "doelen bereikt" refused');
      await page.getByLabel('Anders', { exact: true }).check();
      await page
        .getByLabel('Welke reden?')
        .fill('Mevrouw redt het met haar netwerk; het contact in de buurt loopt via de buurtkamer.');
      // Open actions without a decision: refused, and each one is named.
      await page.getByRole('button', { name: 'Dossier afsluiten' }).click();
      await page.getByText('Er staan nog acties uit het plan open').waitFor();
      await page.getByRole('link', { name: /Wekelijks opruimen met een vrijwilliger/ }).waitFor();
      await expectAccessible(page, 'the closure page with open actions refused');
      const decide = (action: string, decision: string) =>
        page
          .getByRole('group', { name: `Wat gebeurt er met “${action}”?` })
          .getByLabel(decision, { exact: true })
          .check();
      await decide('Wekelijks opruimen met een vrijwilliger van de buurtkamer', 'Overgedragen');
      await page
        .getByLabel('Overgedragen aan (bij “Wekelijks opruimen met een vrijwilliger van de buurtkamer”)')
        .fill('Buurtkamer De Schakel');
      await decide('Naar de koffieochtend in buurthuis De Schakel', 'Afgerond');
      await decide('Signaleringsplan opstellen met zus Karin', 'Afgerond');
      await page.getByRole('button', { name: 'Dossier afsluiten' }).click();
      await page.getByText('Het dossier is afgesloten met waakvlam. Verstuur nu de brieven.').waitFor();
      await page.getByText(`Risico: ${RISK_NOTE}`).waitFor();
      await expectAccessible(page, 'the closure page with the letters');

      // 6. The letters: the GP's needs a legal basis (no consent); the household's goes straight out.
      const gp = page.getByRole('region', { name: 'Brief aan de verwijzer' });
      await gp.getByText('geen geldige toestemming').waitFor();
      await gp.getByRole('button', { name: /Versturen/ }).click();
      await gp.getByText('Vul de wettelijke grondslag in').first().waitFor();
      await gp.getByLabel('Wettelijke grondslag').fill('Wmo 2015 art. 5.3.3: de huisarts is beroepsmatig betrokken');
      await gp.getByLabel('Waarom is delen nodig?').fill('De huisarts blijft de zorg voor mevrouw dragen.');
      await gp.getByRole('button', { name: /Versturen/ }).click();
      await page.getByText('Brief aan de verwijzer: De brief is verstuurd.').waitFor();
      const household = page.getByRole('region', { name: 'Brief aan het huishouden' });
      const householdText = await household.getByLabel('Tekst van de brief').inputValue();
      assert(
        householdText.includes('Het huis is op orde') &&
          householdText.includes('Ik heb elke week contact met mensen in de buurt: deels bereikt'),
        'the household letter names the real results',
      );
      assert(
        !householdText.includes('doelen uit het plan zijn bereikt'),
        'the letter does not claim every goal was reached',
      );
      await household.getByRole('button', { name: /Versturen/ }).click();
      await page.getByText('Brief aan het huishouden: De brief is verstuurd.').waitFor();
      await page.getByText(/Brief aan de verwijzer: verstuurd, .* \(op wettelijke grondslag\)/).waitFor();
      await expectAccessible(page, 'the closure page after sending the letters');

      // The development outbox holds residents' login codes: only the functional administrator reads it.
      await logOut(page);
      await logIn(page, baseUrl, 'beheerder');
      await page.goto(`${baseUrl}/beheer/outbox`);
      await page.getByText('bakker@huisarts-parkweg.example').first().waitFor();
      await page.getByText('anja.meijer@voorbeeld.example').first().waitFor();
      await page.getByText('afronding-verwijzer.pdf').first().waitFor();
      await expectAccessible(page, 'the development outbox');
      await logOut(page);
      await logIn(page, baseUrl, 'werker');

      // 7. The watch: a check-in.
      await page.goto(`${baseUrl}/dossiers/${kase.id}/waakvlam`);
      await page.getByRole('heading', { level: 1, name: 'Waakvlam' }).waitFor();
      await page.getByText('ongeveer elke 8 weken').waitFor();
      await expectAccessible(page, 'the watch page');
      await page.getByLabel('Telefonisch').check();
      await page.getByLabel('Ja, alles gaat goed').check();
      await page.getByLabel('Korte notitie').fill('Gaat goed; zus komt elke week.');
      await page.getByRole('button', { name: 'Check-in vastleggen' }).click();
      await page.getByText('De check-in is vastgelegd.').waitFor();
      await page.getByRole('cell', { name: 'Gaat goed; zus komt elke week.' }).waitFor();
      await expectAccessible(page, 'the watch page with a check-in');

      // 8. One-step reactivation as a new episode.
      await page
        .getByLabel('Waarom start de ondersteuning weer?')
        .fill('Mevrouw belt: de post stapelt zich weer op en zij voelt zich somber.');
      await page.getByRole('button', { name: 'Opnieuw actief maken' }).click();
      await page.getByText('Het dossier is weer actief (episode 2).').waitFor();
      await expectAccessible(page, 'the watch page after reactivation');

      await page.goto(`${baseUrl}/dossiers/${kase.id}/verloop`);
      await page.getByRole('heading', { level: 1, name: 'Huishouden Meijer' }).waitFor();
      await page.getByText('Episode 2', { exact: true }).waitFor();
      await page.goto(`${baseUrl}/dossiers/${kase.id}/tijdlijn`);
      const timeline = page.getByRole('region', { name: 'Tijdlijn' });
      for (const entry of [
        'Contact: Huisbezoek',
        'Uitkomst casuïstiekoverleg',
        'Evaluatie van het plan (versie 1): afronden',
        'Afgesloten met waakvlam (episode 1)',
        'Waakvlam gestart',
        'Check-in waakvlam (telefonisch): alles gaat goed',
        'Brief bij afronding aan de verwijzer verstuurd',
        'Opnieuw actief als episode 2 (uitvoering)',
      ]) {
        await timeline.getByText(entry).first().waitFor();
      }
      await expectAccessible(page, 'the case page after reactivation');
      await logOut(page);
    } finally {
      await browser.close();
    }
  },
};

export default journey;
