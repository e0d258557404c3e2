import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { totpCode } from '../../apps/api/src/capabilities/auth';
import { assert, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { logIn, logOut } from './intake-steps';

const PASSWORD = 'Welkom-bij-Nabij-2026';
const REASON = 'Petra de Vries belt in paniek: de deurwaarder staat voor de deur en Sanne is vandaag niet bereikbaar.';

/** The password step only; the caller handles what comes next (code, or straight to "Mijn werk"). */
async function typePassword(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.keyboard.press('Enter');
}

/**
 * Break the glass, then the privacy officer's question of the issue: "who looked at this family's file this
 * month?", answered in the browser in under a minute. The case worker opens the De Vries case; a worker of
 * another team is refused, gives a reason and opens it with emergency access. The privacy officer is refused
 * the log without two-factor, sets it up, logs in with a code, finds the family, reads the plain-Dutch
 * overview, exports the log as CSV, checks its integrity and reviews the emergency access. Axe on every page.
 */
const journey: Journey = {
  name: 'privacy: emergency access with a reason; the privacy officer sees who looked at a family’s file this month (two-factor, CSV, integrity)',
  async run(baseUrl) {
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();

      // The case worker opens her case: an ordinary, logged look.
      await logIn(page, baseUrl, 'werker');
      await page.getByRole('link', { name: 'Huishouden De Vries' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Huishouden De Vries' }).waitFor();
      const caseUrl = page.url();
      await logOut(page);

      // A worker of team Zuid has no relation to the case: refused, with the option of emergency access.
      await logIn(page, baseUrl, 'werker2');
      await page.goto(caseUrl);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang tot dit dossier' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Noodtoegang' }).waitFor();
      await expectAccessible(page, 'the no-access page with emergency access');
      await page.getByLabel('Reden').fill('spoed');
      await page.getByRole('button', { name: 'Noodtoegang gebruiken' }).click();
      await page.getByRole('link', { name: /ten minste 15 tekens/ }).waitFor();
      await expectAccessible(page, 'the emergency access form with an error');
      await page.getByLabel('Reden').fill(REASON);
      assert(
        (await page.getByLabel('Hoe lang heeft u het dossier nodig?').inputValue()) === '8',
        'emergency access lasts 8 hours by default',
      );
      await page.getByRole('button', { name: 'Noodtoegang gebruiken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Huishouden De Vries' }).waitFor();
      await page.getByText(/U bekijkt dit dossier met noodtoegang tot/).waitFor();
      await expectAccessible(page, 'the case opened with emergency access');
      await logOut(page);

      // The privacy officer without two-factor: the log is refused, with a clear Dutch message.
      await typePassword(page, baseUrl, 'privacy');
      await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacy' }).click();
      await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
      await page.getByText(/alleen te bekijken als u bent ingelogd met tweestapsverificatie/).waitFor();
      await expectAccessible(page, 'the log refused without two-factor');
      await page.getByRole('link', { name: 'Tweestapsverificatie instellen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
      const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
      await page.getByRole('textbox', { name: 'Code van zes cijfers' }).fill(totpCode(secret, new Date()));
      await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      await page.getByRole('button', { name: 'Ik heb de codes bewaard, ga verder' }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await logOut(page);

      // Logged in with password and code, the question is answered in under a minute.
      const started = Date.now();
      await typePassword(page, baseUrl, 'privacy');
      await page.getByRole('heading', { level: 1, name: 'Code invullen' }).waitFor();
      await page
        .getByRole('textbox', { name: 'Code van zes cijfers' })
        .fill(totpCode(secret, new Date(Date.now() + 30_000)));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
      await page.getByRole('link', { name: 'Logboek bekijken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
      await page
        .getByRole('search', { name: 'Wie bekeek de gegevens van een cliënt?' })
        .getByLabel('Naam')
        .fill('de vries');
      await page.getByRole('button', { name: 'Cliënt zoeken' }).click();
      await page.getByRole('link', { name: 'Wie bekeek de gegevens van Petra de Vries?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wie bekeek de gegevens van Petra de Vries?' }).waitFor();
      const table = page.getByRole('table', { name: 'Wie bekeek of wijzigde de gegevens, nieuwste eerst' });
      await table
        .getByRole('row')
        .filter({ hasText: 'Joost Vermeulen' })
        .filter({ hasText: 'Noodtoegang' })
        .first()
        .waitFor();
      const seconds = (Date.now() - started) / 1000;
      assert(seconds < 60, `the privacy officer has the answer within a minute (took ${seconds.toFixed(1)} s)`);
      const text = await table.innerText();
      assert(
        /Sanne de Boer, Wijkteamwerker bij Gemeente Voorbeeld/.test(text) && text.includes('bekeek het dossier'),
        'the case worker’s look is listed in plain Dutch',
      );
      assert(text.includes(`noodtoegang: ${REASON}`), 'the emergency access is listed with its reason as the basis');
      assert(text.includes('taak van de gemeente volgens de wet'), 'ordinary looks name their legal basis');
      await expectAccessible(page, 'the per-client overview');

      // On a phone the overview reads without horizontal scrolling.
      await page.setViewportSize({ width: 360, height: 740 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert(overflow <= 0, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
      await page.setViewportSize({ width: 1280, height: 900 });

      // The log itself, filtered on the client, exported as CSV.
      await page.getByRole('link', { name: 'Alle logregels van deze persoon' }).click();
      await page.getByText(/regels gevonden/).waitFor();
      await expectAccessible(page, 'the log filtered on a client');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Exporteren als CSV (met deze filters)' }).click(),
      ]);
      const csv = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
      assert(csv.startsWith('Tijdstip;Volgnummer;Medewerker;Rol;Team;'), 'the CSV has a Dutch header, for Dutch Excel');
      assert(csv.includes('Joost Vermeulen') && csv.includes(';ja;toegestaan;'), 'the CSV holds the emergency access');

      // Tamper evidence on request.
      await page.getByRole('button', { name: 'Controleer integriteit' }).click();
      await page.getByText(/Het logboek is onveranderd: \d+ regels gecontroleerd/).waitFor();
      await expectAccessible(page, 'the integrity check');

      // The daily overview of emergency accesses: review today's with a note.
      await page.getByRole('navigation', { name: 'Privacy' }).getByRole('link', { name: 'Noodtoegang' }).click();
      await page.getByRole('heading', { level: 1, name: 'Noodtoegang: overzicht per dag' }).waitFor();
      const card = page.getByRole('article').filter({ hasText: 'Joost Vermeulen' }).filter({ hasText: REASON });
      await card.waitFor();
      await expectAccessible(page, 'the daily overview of emergency accesses');
      await card.getByLabel('Uw beoordeling').fill('Gebeld met Joost en de coördinator: terecht gebruikt.');
      await card.getByRole('button', { name: 'Markeer als beoordeeld' }).click();
      await page.getByText('De beoordeling is opgeslagen.').waitFor();
      await page.getByText(/Beoordeeld door Ingrid Schouten op .*: Gebeld met Joost/).waitFor();
      await expectAccessible(page, 'the reviewed emergency access');
      await logOut(page);
    } finally {
      await browser.close();
    }
  },
};

export default journey;
