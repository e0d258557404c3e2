import type { Page } from 'playwright-core';
import { totpCode } from '../../apps/api/src/capabilities/auth';
import { assert, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';

const PASSWORD = 'Welkom-bij-Nabij-2026';

async function logIn(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await expectAccessible(page, 'the login page');
  await page.getByLabel('Gebruikersnaam').fill('werker');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.keyboard.press('Enter');
}

/**
 * A case worker whose role requires two-factor authentication logs in for the first time (sets it up),
 * logs out, logs in again with a code, searches a resident, opens them, and logs out — by keyboard where
 * it matters, with axe on every page.
 */
const journey: Journey = {
  name: 'log in with two-factor, search a person, open them, log out',
  env: { MFA_REQUIRED_ROLES: 'case_worker' },
  async run(baseUrl) {
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();

      // First login: two-factor must be set up before anything else.
      await logIn(page, baseUrl);
      await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
      await expectAccessible(page, 'the two-factor enrolment page');
      const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
      await page.getByRole('textbox', { name: 'Code van zes cijfers' }).fill(totpCode(secret, new Date()));
      await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      const codes = await page.getByTestId('recovery-codes').innerText();
      assert(
        codes.split(/\s+/).filter((c) => /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/.test(c)).length === 10,
        'ten recovery codes are shown',
      );
      await expectAccessible(page, 'the recovery codes');
      await page.getByRole('button', { name: 'Ik heb de codes bewaard, ga verder' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByText('U bent uitgelogd.').waitFor();

      // Second login: the code from the app (the next 30-second step, as a phone shows shortly after).
      await logIn(page, baseUrl);
      await page.getByRole('heading', { level: 1, name: 'Code invullen' }).waitFor();
      await expectAccessible(page, 'the two-factor code page');
      await page
        .getByRole('textbox', { name: 'Code van zes cijfers' })
        .fill(totpCode(secret, new Date(Date.now() + 30_000)));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
      await expectAccessible(page, 'Mijn werk');
      assert(await page.getByText('Welkom, Sanne de Boer.').isVisible(), 'the home page greets the worker');

      // The skip link is the first focusable element and takes the keyboard to the main content.
      const first = page.locator('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').first();
      assert(/inhoud/i.test(await first.innerText()), 'the first focusable element is the skip link');
      await first.focus();
      await page.keyboard.press('Enter');
      const inMain = await page.evaluate(() =>
        Boolean(document.activeElement?.closest('main') ?? document.activeElement?.tagName === 'MAIN'),
      );
      assert(inMain, 'the skip link moves focus into the main content');

      // Search a resident by name and open them.
      await page.getByRole('link', { name: 'Persoon zoeken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
      await page.getByLabel('Naam').fill('el amrani');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByText('4 personen gevonden.').waitFor();
      await expectAccessible(page, 'the search results');
      await page.getByRole('link', { name: 'Fatima El Amrani' }).click();
      await page.getByRole('heading', { level: 1, name: 'Fatima El Amrani' }).waitFor();
      await expectAccessible(page, 'the person page');
      assert(await page.getByText('Huishouden El Amrani').first().isVisible(), 'the person page shows the household');
      assert(await page.getByText('Bilal El Amrani').first().isVisible(), 'the household members are listed');
      assert(!(await page.content()).match(/\b9999\d{5}\b/), 'the BSN is masked until asked for');
      // The API itself sends it masked (ADR 0051); "Toon BSN" fetches the full number through its own logged route.
      const personId = new URL(page.url()).pathname.split('/').pop() ?? '';
      const sent = await page.evaluate(async (id) => (await fetch(`/api/persons/${id}`)).text(), personId);
      assert(!/9999\d{5}/.test(sent) && sent.includes('•••••'), 'the person API sends the BSN masked');
      await page.getByRole('button', { name: 'Toon BSN' }).click();
      await page.getByRole('button', { name: 'Verberg BSN' }).waitFor();
      assert(
        /^9999\d{5}$/.test((await page.getByTestId('person-bsn').innerText()).trim()),
        'Toon BSN shows the number',
      );
      await page.getByRole('button', { name: 'Verberg BSN' }).click();
      await page.getByRole('button', { name: 'Toon BSN' }).waitFor();
      assert(!(await page.content()).match(/\b9999\d{5}\b/), 'Verberg BSN hides it again');

      // Names as they are written (ADR 0030): "Meyer" finds Anja Meijer on the Personen page, with why.
      await page.getByRole('link', { name: 'Personen', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
      await page.getByLabel('Naam').fill('Meyer');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('link', { name: 'Anja Meijer' }).waitFor();
      assert(
        await page.getByRole('row', { name: /Anja Meijer.*Klinkt gelijk \(ij\/y\)/ }).isVisible(),
        'Meijer is found for "Meyer", with the reason in Dutch',
      );

      // The search box in the header: "van den Berg" finds the whole family, each with why; by keyboard.
      const box = page.getByRole('search', { name: 'Zoeken' }).getByLabel('Zoek persoon of dossier');
      await box.fill('van den Berg');
      await box.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Resultaten voor “van den Berg”' }).waitFor();
      await page.getByRole('link', { name: 'Rob van den Berg' }).waitFor();
      for (const name of ['Rob van den Berg', 'Sandra van den Berg', 'Noah van den Berg']) {
        assert(
          await page
            .getByRole('row', { name: new RegExp(`${name}.*Achternaam gelijk, tussenvoegsel gelijk`) })
            .isVisible(),
          `${name} is found with "achternaam gelijk, tussenvoegsel gelijk"`,
        );
      }
      await expectAccessible(page, 'the search box results for persons');

      // …and a case by its reference, typed in lower case: it opens the case file.
      const mine = (await (await page.request.get(`${baseUrl}/api/cases/mine`)).json()) as {
        cases: Array<{ id: string; reference: string; householdName: string }>;
      };
      const vdb = mine.cases.find((c) => c.householdName === 'Huishouden Van den Berg');
      assert(vdb, 'the worker has the Van den Berg case');
      await box.fill(vdb.reference.toLowerCase());
      await box.press('Enter');
      await page.getByRole('heading', { level: 1, name: `Resultaten voor “${vdb.reference.toLowerCase()}”` }).waitFor();
      await page.getByRole('link', { name: `Dossier ${vdb.reference}` }).waitFor();
      assert(
        await page.getByRole('row', { name: /Huishouden Van den Berg.*dossiernummer gelijk/ }).isVisible(),
        'the case is found by its reference, with why',
      );
      await expectAccessible(page, 'the search box results for a case');
      await page.getByRole('link', { name: `Dossier ${vdb.reference}` }).click();
      await page.waitForURL(`**/dossiers/${vdb.id}`);

      // An unknown page is a Dutch 404.
      await page.goto(`${baseUrl}/bestaat-niet`);
      await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
      await expectAccessible(page, 'the 404 page');

      // Log out; the person page is no longer reachable.
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByText('U bent uitgelogd.').waitFor();
      const afterLogout = await page.request.get(`${baseUrl}/api/home`);
      assert(afterLogout.status() === 401, 'the API refuses requests after logout');

      // On a phone the same pages work without horizontal scrolling.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${baseUrl}/inloggen`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert(overflow <= 0, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
    } finally {
      await browser.close();
    }
  },
};

export default journey;
