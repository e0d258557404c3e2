import type { Page } from 'playwright-core';
import { assert, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { logIn, logOut } from './intake-steps';

/** Today in Amsterdam, as the app counts days. */
const today = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
/** A date as the pages show it: "12 maart 2026". */
const shownDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
const meetingTitle = `Casuïstiekoverleg ${shownDate(today)}`;

async function openCaseReview(page: Page) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Casuïstiekoverleg' }).click();
  await page.getByRole('heading', { level: 1, name: 'Casuïstiekoverleg' }).waitFor();
}

async function openTodaysMeeting(page: Page) {
  await openCaseReview(page);
  await page.getByRole('link', { name: `Overleg van ${shownDate(today)}` }).click();
  await page.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();
}

const ADVICE =
  'Niet opschalen: eerst een warme overdracht naar de schuldhulp, en de verhuurder vragen om een betalingsregeling.';

/**
 * The fortnightly case review meeting: the coordinator plans today's meeting, the worker puts a case on its agenda
 * with a question and records a signal to policy (a name in it is refused), the coordinator records the outcome and
 * sees the team's signals, and the worker finds the outcome in the case. Axe on every page.
 */
const journey: Journey = {
  name: 'case review: a case on the agenda, the outcome recorded in the case, and a signal to policy',
  async run(baseUrl) {
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();

      // The coordinator plans today's case review meeting (the demo team already has one in a few days).
      await logIn(page, baseUrl, 'coordinator');
      await openCaseReview(page);
      await page
        .getByRole('cell', { name: /Overleg van/ })
        .first()
        .waitFor();
      await expectAccessible(page, 'the case review meetings');
      await page.getByLabel('Datum').fill(today);
      await page.getByRole('button', { name: 'Overleg plannen' }).click();
      await page.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();
      await page.getByText('Het overleg is gepland.').waitFor();
      await page.getByText('Er staan nog geen dossiers op de agenda.').waitFor();
      await logOut(page);

      // The worker puts one of their cases on the agenda, with the kind of question and the question itself.
      await logIn(page, baseUrl, 'werker');
      await openTodaysMeeting(page);
      await expectAccessible(page, 'an empty meeting with the form to add a case');
      const caseSelect = page.getByLabel('Dossier', { exact: true });
      const devries = await caseSelect.locator('option', { hasText: 'Huishouden De Vries' }).getAttribute('value');
      assert(devries, 'the worker can choose the De Vries case');
      // Counting: choose the case, the kind of question, type the question, submit.
      await caseSelect.selectOption(devries);
      await page.getByLabel('Stagnatie').check();
      await page
        .getByLabel('Uw vraag aan het overleg')
        .fill(
          'De huurachterstand loopt op en mevrouw komt afspraken niet na. Schalen we op, of is er een andere aanpak?',
        );
      await page.getByRole('button', { name: 'Op de agenda zetten' }).click();
      await page.getByText('Het dossier staat op de agenda.').waitFor();
      const item = page.getByRole('heading', { level: 3, name: /Huishouden De Vries/ });
      await item.waitFor();
      await page.getByText('Nog geen uitkomst').waitFor();
      await expectAccessible(page, 'the meeting with the case on the agenda');

      // A signal to policy: a name from the household is refused, then the signal without it is recorded.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Signalen naar beleid' }).waitFor();
      await page.getByText('Geen persoonsgegevens.').waitFor();
      await expectAccessible(page, 'the signals page');
      await page.getByLabel('Gat in voorzieningen').check();
      await page.getByLabel('Leefgebied').selectOption({ label: 'Financiën' });
      await page.getByLabel('Uit welk dossier komt het?').selectOption(devries);
      await page
        .getByLabel('Het signaal', { exact: true })
        .fill('Mevrouw De Vries kan met een lopende huurachterstand nergens terecht voor een voorschot.');
      await page.getByRole('button', { name: 'Signaal vastleggen' }).click();
      await page.getByRole('link', { name: /noemt “Vries”/ }).waitFor();
      await expectAccessible(page, 'the signal refused for a name');
      await page
        .getByLabel('Het signaal', { exact: true })
        .fill('Huishoudens met een lopende huurachterstand kunnen nergens terecht voor een renteloos voorschot.');
      await page.getByRole('button', { name: 'Signaal vastleggen' }).click();
      await page.getByText('Het signaal is vastgelegd.').waitFor();
      await page.getByRole('cell', { name: /renteloos voorschot/ }).waitFor();
      await logOut(page);

      // The coordinator records the outcome during the meeting, and sees the team's signals.
      await logIn(page, baseUrl, 'coordinator');
      await openTodaysMeeting(page);
      await page.getByRole('heading', { level: 3, name: /Huishouden De Vries/ }).waitFor();
      await page.getByLabel('Advies of besluit').fill(ADVICE);
      await page.getByLabel('Vervolgafspraken').fill('Warme overdracht plannen; verhuurder bellen');
      await page.getByLabel('Wie voert de afspraken uit, en wanneer').fill('Sanne, binnen twee weken');
      await page.getByRole('button', { name: 'Uitkomst vastleggen' }).click();
      await page.getByText('De uitkomst is vastgelegd in het dossier.').waitFor();
      await page.getByText(ADVICE).first().waitFor();
      await expectAccessible(page, 'the meeting with the outcome recorded');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
      await page.getByRole('heading', { level: 2, name: 'Signalen van het team' }).waitFor();
      await page
        .getByRole('cell', { name: /renteloos voorschot/ })
        .first()
        .waitFor();
      await expectAccessible(page, 'the team signals for the coordinator');
      await logOut(page);

      // The worker finds the outcome in the case: in "Overleg en advies" and in the timeline.
      await logIn(page, baseUrl, 'werker');
      await openTodaysMeeting(page);
      await page.getByRole('link', { name: /Huishouden De Vries/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Huishouden De Vries' }).waitFor();
      const section = page.locator('section#overleg');
      // The case page loads the overview first and then its sections; allow for a busy machine.
      await section.getByRole('heading', { level: 2, name: 'Overleg en advies' }).waitFor({ timeout: 60_000 });
      await section.getByText(ADVICE).waitFor();
      await expectAccessible(page, 'the case page with the meeting outcome');
      // The timeline is a section of its own (ADR 0042): reached from the case's list of sections.
      await page
        .getByRole('navigation', { name: 'Onderdelen van het dossier' })
        .getByRole('link', { name: 'Tijdlijn', exact: true })
        .click();
      await page
        .locator('#tijdlijn')
        .getByText(/Uitkomst casuïstiekoverleg/)
        .first()
        .waitFor();

      // On a phone the meeting page stays usable.
      // The staff menu folds behind "Menu" on a phone (ADR 0042).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('button', { name: 'Menu' }).click();
      await openTodaysMeeting(page);
      await expectAccessible(page, 'the meeting page on a phone');
      await page.setViewportSize({ width: 1280, height: 900 });
      await logOut(page);

      // Staff changes (issue #17 item 6): a new colleague joins team Noord; Sanne cannot be switched off while she
      // still has open cases; the coordinator moves the De Vries case to the new colleague in "Dossiers overdragen".
      await logIn(page, baseUrl, 'beheerder');
      await page.goto(`${baseUrl}/beheer/gebruikers`);
      await page.getByRole('heading', { level: 1, name: 'Gebruikers beheren' }).waitFor();
      await page.getByLabel('Gebruikersnaam').fill('lisa.jansen');
      await page.getByLabel('Naam', { exact: true }).fill('Lisa Jansen');
      await page.getByLabel('Wijkteamwerker').check();
      await page.getByLabel('Wijkteam Noord (Noord)').check();
      await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
      await page.getByRole('heading', { name: 'Gebruiker aangemaakt' }).waitFor();
      await page.getByRole('button', { name: 'Ik heb het wachtwoord doorgegeven' }).click();
      await page.getByRole('button', { name: 'Uitzetten voor Sanne de Boer' }).click();
      await page.getByText(/Deze gebruiker is nog contactpersoon of tandempartner van \d+ lopende dossiers/).waitFor();
      await expectAccessible(page, 'deactivating a worker with open cases is refused');
      await logOut(page);

      await logIn(page, baseUrl, 'coordinator');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verdeling' }).click();
      await page.getByRole('link', { name: 'Dossiers overdragen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dossiers overdragen' }).waitFor();
      await page.getByLabel('Dossiers van').selectOption({
        label: (
          await page.getByLabel('Dossiers van').locator('option', { hasText: 'Sanne de Boer' }).innerText()
        ).trim(),
      });
      const row = page.getByRole('row', { name: /Huishouden De Vries/ });
      await row.waitFor();
      await expectAccessible(page, 'the caseload of a worker, to move');
      await row.getByRole('checkbox').check();
      await row.getByRole('combobox').selectOption({ label: 'Lisa Jansen' });
      await page.getByLabel('Reden van de wissel').selectOption({ label: 'De werker is met verlof' });
      await page
        .getByLabel(/Overdrachtsnotitie voor alle gekozen dossiers/)
        .fill('Sanne is drie maanden met verlof; het journaal is bijgewerkt.');
      await page.getByRole('button', { name: 'Gekozen dossiers overdragen' }).click();
      await page
        .getByText('1 dossier(s) overgedragen. De nieuwe werkers hebben een taak voor de warme overdracht.')
        .waitFor();
      assert(
        (await page.getByRole('row', { name: /Huishouden De Vries/ }).count()) === 0,
        'the moved case left the list',
      );
      await expectAccessible(page, 'the caseload after the move');
      // The case shows the new contact person and the change with its reason.
      await page.goto(`${baseUrl}/dossiers/${devries}/overleg`);
      const coordinationSection = page.locator('section#coordinatie');
      await coordinationSection
        .getByText('De contactpersoon van dit huishouden is Lisa Jansen.')
        .waitFor({ timeout: 60_000 });
      await coordinationSection
        .getByText(/contactpersoon Sanne de Boer → Lisa Jansen · De werker is met verlof/)
        .waitFor();
      await expectAccessible(page, 'the case with its new contact person');
      await logOut(page);
    } finally {
      await browser.close();
    }
  },
};

export default journey;
