import type { Page } from 'playwright-core';
import { assert, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { logIn, PASSWORD } from './intake-steps';

const RESIDENT_EMAIL = 'anja.meijer@voorbeeld.example';
const PHONE = { width: 390, height: 844 };

/** Calls the API from the worker's logged-in page (same cookies, CSRF token from the session). */
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

/**
 * The newest login code in the development outbox (what the resident would find in their mail), read by the
 * functional administrator — the only role that may (issue #21 item 9) — through the API, outside the browser.
 */
async function codeFromOutbox(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'beheerder', password: PASSWORD }),
  });
  assert(login.status === 200, `the functional administrator logs in (${login.status})`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const outbox = (await (await fetch(`${baseUrl}/api/dev/outbox`, { headers: { cookie } })).json()) as {
    messages: Array<{ to: string; subject: string; text: string }>;
  };
  const mail = outbox.messages.find((m) => m.to === RESIDENT_EMAIL && m.subject === 'Uw inlogcode voor Mijn Nabij');
  const code = mail ? /(\d{6})/.exec(mail.text)?.[1] : undefined;
  assert(code, 'the login code is in the development outbox');
  return code;
}

/** Back to the resident's start page and on to one of its menu items. */
async function openFromStart(page: Page, menuItem: string, heading: string) {
  await page.getByRole('link', { name: 'Terug naar de startpagina' }).click();
  await page.getByRole('heading', { level: 1, name: 'Welkom, Anja' }).waitFor();
  await page.getByRole('link', { name: menuItem }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/**
 * The resident portal "Mijn Nabij" on a phone (390×844), for Anja Meijer, whose plan was agreed: the worker offers a
 * new plan version; Anja logs in with a code from her e-mail, reads the plan, marks her own action done with a note,
 * sends a message, agrees to the new version, sees who looked at her file, withdraws a consent, sends her own
 * statement and asks for a copy of her data. The worker then sees each of these in the case. Axe on every page.
 */
const journey: Journey = {
  name: 'resident portal: a resident logs in with an e-mail code on a phone, works in the plan, agrees, withdraws a consent, reads the access log and asks for a copy',
  async run(baseUrl) {
    const staff = await openBrowser();
    const phone = await openBrowser(PHONE);
    try {
      // The worker prepares a new version of the plan and offers it in Mijn Nabij.
      const worker = await staff.context.newPage();
      await logIn(worker, baseUrl, 'werker');
      const mine = (await callApi(worker, 'GET', '/api/cases/mine')).json as {
        cases: Array<{ id: string; householdName: string }>;
      };
      const caseId = mine.cases.find((c) => c.householdName === 'Huishouden Meijer')?.id ?? '';
      assert(caseId, 'the worker has the Meijer case');
      const plan = (await callApi(worker, 'GET', `/api/cases/${caseId}/plan`)).json as {
        plan: { current: { version: number } };
      };
      const revised = await callApi(worker, 'POST', `/api/cases/${caseId}/plan/revisions`, {
        version: plan.plan.current.version,
        reason: 'Na het gesprek: ook de koffieochtend elke week en een vaste dag voor de post',
      });
      assert(revised.status === 201, `a new plan version is made (${revised.status})`);
      await worker.goto(`${baseUrl}/dossiers/${caseId}/mijn-nabij`);
      await worker.getByRole('heading', { level: 2, name: 'Mijn Nabij' }).waitFor();
      await worker.getByRole('button', { name: 'Klaarzetten in Mijn Nabij' }).click();
      await worker.getByText('Versie 2 staat klaar in Mijn Nabij.').waitFor();
      await expectAccessible(worker, 'the case page with the Mijn Nabij section');

      // Anja logs in on her phone with a code from her e-mail.
      const page = await phone.context.newPage();
      await page.goto(`${baseUrl}/mijn`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen op Mijn Nabij' }).waitFor();
      await expectAccessible(page, 'the resident login page (phone)');
      await page.getByLabel('Uw e-mailadres').fill(RESIDENT_EMAIL);
      await page.getByRole('button', { name: 'Stuur mij een code' }).click();
      await page.getByLabel('De code uit de e-mail').waitFor();
      await expectAccessible(page, 'the code step of the resident login');
      await page.getByLabel('De code uit de e-mail').fill(await codeFromOutbox(baseUrl));
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Welkom, Anja' }).waitFor();
      await page.getByText('Er staat een nieuwe versie van het plan voor u klaar.').waitFor();
      await page.getByText('Sanne de Boer, Wijkteam Noord').waitFor();
      assert(
        await page.getByRole('link', { name: '030 700 10 10' }).isVisible(),
        'the team’s phone number is shown as a link',
      );
      assert(
        !(await page
          .getByRole('navigation', { name: 'Hoofdmenu' })
          .isVisible()
          .catch(() => false)),
        'the portal has no staff navigation',
      );
      await expectAccessible(page, 'the resident start page (phone)');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      assert(!wide, 'the start page fits the phone without scrolling sideways');

      // The plan: her own action done, with a note.
      await page.getByRole('link', { name: 'Mijn plan bekijken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();
      // The plan's life domains carry the plain labels of the plan PDF, not the ZRM names (issue #19 item 5).
      await page
        .getByRole('heading', {
          level: 2,
          name: 'Familie, vrienden en buren: Ik heb elke week contact met mensen in de buurt.',
        })
        .waitFor();
      assert(
        (await page.getByText(/Sociaal netwerk|Basale ADL|Instrumentele ADL/).count()) === 0,
        'no ZRM names in Mijn Nabij',
      );
      await expectAccessible(page, 'the resident plan page (phone)');
      await page
        .getByRole('button', { name: 'Ik heb dit gedaan: Naar de koffieochtend in buurthuis De Schakel' })
        .click();
      await page.getByLabel('Hoe ging het? (kort)').fill('Ik ga nu elke dinsdag. Het is gezellig.');
      await expectAccessible(page, 'the resident plan with the "done" form open');
      await page.getByRole('button', { name: 'Opslaan als klaar' }).click();
      await page.getByText('Opgeslagen. De actie staat nu op klaar en uw contactpersoon ziet dit.').waitFor();
      await page.getByText('Via Mijn Nabij: Ik ga nu elke dinsdag. Het is gezellig.').waitFor();

      // A message to the worker.
      await openFromStart(page, 'Een bericht sturen', 'Een bericht sturen');
      await expectAccessible(page, 'the resident message page (phone)');
      await page
        .getByLabel('Uw bericht', { exact: true })
        .fill('Kunt u mij volgende week bellen over de brief van de woningcorporatie?');
      await page.getByRole('button', { name: 'Bericht sturen' }).click();
      await page.getByText('Uw bericht is verstuurd.').waitFor();
      await page.getByText('Nog niet gelezen').waitFor();

      // The new version of the plan, agreed digitally.
      await page.getByRole('link', { name: 'Terug naar de startpagina' }).click();
      await page.getByRole('link', { name: 'Nieuwe versie lezen en akkoord geven' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nieuwe versie van uw plan' }).waitFor();
      await page.getByText('Wat is er veranderd: Na het gesprek').waitFor();
      await expectAccessible(page, 'the resident agreement page (phone)');
      assert((await page.getByLabel('Uw naam').inputValue()) === 'Anja Meijer', 'the name is filled in');
      await page.getByRole('button', { name: 'Akkoord geven' }).click();
      await page.getByText('Zet een vinkje als u akkoord gaat met het plan.').first().waitFor();
      await page.getByLabel('Ik heb het plan gelezen en ik ga akkoord met deze versie.').check();
      await page.getByRole('button', { name: 'Akkoord geven' }).click();
      await page.getByText('Dank u wel. U heeft akkoord gegeven op versie 2 van uw plan.').waitFor();
      await expectAccessible(page, 'the resident agreement confirmation (phone)');

      // Who looked at her file.
      await openFromStart(page, 'Wie heeft mijn dossier bekeken', 'Wie heeft mijn dossier bekeken');
      await page.getByText('Wijkteamwerker, Gemeente Voorbeeld, Wijkteam Noord').first().waitFor();
      const log = await page.locator('main').innerText();
      assert(!/meldcode/i.test(log), 'the access log shown to the resident never mentions the Meldcode');
      assert(!log.includes('Sanne de Boer'), 'staff names are not shown in the resident’s access log');
      await expectAccessible(page, 'the resident access log (phone)');

      // A consent withdrawn.
      await openFromStart(page, 'Mijn toestemmingen', 'Mijn toestemmingen');
      await page.getByRole('heading', { level: 2, name: 'Woningcorporatie Het Parkhuis' }).waitFor();
      await expectAccessible(page, 'the resident consents page (phone)');
      await page.getByRole('button', { name: 'Toestemming voor Woningcorporatie Het Parkhuis intrekken' }).click();
      await page.getByRole('button', { name: 'Ja, intrekken' }).click();
      await page
        .getByText('De toestemming voor Woningcorporatie Het Parkhuis is ingetrokken. Uw contactpersoon ziet dit.')
        .waitFor();
      await page.getByText(/Ingetrokken op/).waitFor();
      await expectAccessible(page, 'the resident consents page after withdrawing');

      // Her own statement for the file, and the conversations the worker wrote down.
      await openFromStart(page, 'Mijn eigen plan of verklaring sturen', 'Mijn eigen plan of verklaring');
      await expectAccessible(page, 'the resident own plan and statement page (phone)');
      await page
        .getByLabel('Uw verklaring')
        .fill('De vervuiling van mijn huis kwam door een lekkage, niet alleen doordat ik somber was.');
      await page.getByRole('button', { name: 'Verklaring sturen' }).click();
      await page.getByText('Uw verklaring is aan uw dossier toegevoegd.').waitFor();
      await openFromStart(page, 'Gesprekken met het wijkteam', 'Gesprekken met het wijkteam');
      await expectAccessible(page, 'the resident conversations page (phone)');

      // A copy of her data: a request in the privacy officer's register.
      await openFromStart(page, 'Een kopie van mijn gegevens vragen', 'Een kopie van mijn gegevens');
      await expectAccessible(page, 'the resident copy page (phone)');
      await page.getByRole('button', { name: 'Vraag een kopie van mijn gegevens' }).click();
      await page.getByText(/Uw vraag is ontvangen met nummer AVG-\d{4}-\d{4}/).waitFor();
      await expectAccessible(page, 'the resident copy page after the request');

      // The worker sees each of these in the case.
      await worker.goto(`${baseUrl}/dossiers/${caseId}/mijn-nabij`);
      const section = worker.locator('section#mijn-nabij');
      await section.getByText('Kunt u mij volgende week bellen over de brief van de woningcorporatie?').waitFor();
      await section.getByText('1 ongelezen bericht', { exact: true }).waitFor();
      await section.getByText('De vervuiling van mijn huis kwam door een lekkage').waitFor();
      await section.getByRole('button', { name: /^Bericht van Anja Meijer van .* als gelezen markeren$/ }).click();
      await section.getByText(/Gelezen door Sanne de Boer/).waitFor();
      await worker.goto(`${baseUrl}/dossiers/${caseId}/tijdlijn`);
      const timeline = worker.locator('section#tijdlijn');
      for (const entry of [
        'Bericht van het huishouden via Mijn Nabij',
        'Eigen actie uit het plan op klaar gezet via Mijn Nabij',
        'Digitaal akkoord op het plan via Mijn Nabij',
        'Toestemming ingetrokken via Mijn Nabij',
        'Kopie van de gegevens gevraagd via Mijn Nabij (bij de privacyfunctionaris)',
      ])
        await timeline.getByText(entry).first().waitFor();
      await expectAccessible(worker, 'the case page after the resident’s actions');
      const after = (await callApi(worker, 'GET', `/api/cases/${caseId}/plan`)).json as {
        plan: {
          current: { number: number; status: string; agreement: { recordedByName: string } };
          versions: Array<{ number: number; status: string }>;
        };
      };
      assert(after.plan.current.number === 2 && after.plan.current.status === 'agreed', 'version 2 is agreed');
      assert(
        after.plan.current.agreement.recordedByName === 'de inwoner zelf, via Mijn Nabij',
        'the agreement came from the resident',
      );
      await worker.goto(`${baseUrl}/dossiers/${caseId}/plan`);
      await worker.getByText('Via Mijn Nabij: Ik ga nu elke dinsdag. Het is gezellig.').first().waitFor();

      // Anja logs out.
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByText('U bent uitgelogd.').waitFor();
      await expectAccessible(page, 'the resident login page after logging out');
    } finally {
      await phone.close();
      await staff.close();
    }
  },
};

export default journey;
