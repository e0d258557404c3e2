// Shared steps of the intake journeys: logging in and out, and reaching fields by id (ids hold dotted paths).
import type { Locator, Page } from 'playwright-core';
import { assert, expectAccessible } from '../harness';

export const PASSWORD = 'Welkom-bij-Nabij-2026';

/** A form field by its id; ids such as `referral-residents.0.firstName` contain dots, so no `#id` selector. */
export function byId(page: Page, id: string): Locator {
  return page.locator(`[id="${id}"]`);
}

export async function logIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByText('U bent uitgelogd.').waitFor();
}

/** Opens a referral from the inbox by its reference and returns its id (from the address). */
export async function openReferralFromInbox(page: Page, reference: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanmeldingen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Aanmeldingen' }).waitFor();
  await page.getByRole('link', { name: reference }).waitFor();
  await expectAccessible(page, 'the referral inbox');
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('heading', { level: 1, name: `Aanmelding ${reference}` }).waitFor();
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  assert(id.length > 0, 'the referral page has the referral id in its address');
  return id;
}

/** Runs the regiecheck: links the persons named in `link`, makes every other person new, then saves. */
export async function runRegiecheck(page: Page, link: string[] = []): Promise<void> {
  await page.getByRole('button', { name: 'Regiecheck uitvoeren' }).click();
  await page.getByRole('button', { name: 'Regiecheck opslaan' }).waitFor();
  await expectAccessible(page, 'the regiecheck');
  for (const name of link) await page.getByLabel(`Koppel aan deze persoon: ${name}`).check();
  const groups = page.locator('fieldset', { hasText: 'Wie is ' });
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i);
    if ((await group.locator('input[type="radio"]:checked').count()) === 0)
      await group.getByLabel('Nieuwe persoon').check();
  }
  await page.getByRole('button', { name: 'Regiecheck opslaan' }).click();
  await page.getByText('De regiecheck is opgeslagen.').waitFor();
}

/** Plans an intake meeting for today and puts the referral on its agenda. Returns the meeting page's address. */
export async function planMeetingWith(page: Page, reference: string, participant?: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleg', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Aanmeldoverleg' }).waitFor();
  await page.getByRole('button', { name: 'Overleg plannen' }).waitFor();
  await expectAccessible(page, 'the meetings page');
  if (participant) await page.getByLabel(participant).check();
  await page.getByRole('button', { name: 'Externe deelnemer toevoegen' }).click();
  await byId(page, 'meeting-externals.0.name').fill('Ahmed Ouali');
  await byId(page, 'meeting-externals.0.role').fill('Consulent Wmo');
  await page.getByRole('button', { name: 'Overleg plannen' }).click();
  await page.getByText('Het overleg is gepland.').waitFor();
  await page.getByRole('button', { name: `Op de agenda zetten ${reference}` }).click();
  await page.getByText(`${reference} staat op de agenda.`).waitFor();
  await expectAccessible(page, 'the meeting page with an agenda item');
}

/** Sends the proposed letter to the referrer from the referral page. */
export async function sendLetter(page: Page, to: string): Promise<void> {
  await page.getByRole('button', { name: 'Brief aan verwijzer opstellen' }).click();
  await page.getByRole('heading', { name: 'Brief opstellen' }).waitFor();
  assert(
    (await page.getByLabel('Onderwerp').inputValue()).trim().length > 0,
    'the draft has a subject from the template',
  );
  assert(
    (await page.getByLabel('Tekst van de brief').inputValue()).trim().length > 0,
    'the draft has a text from the template',
  );
  await expectAccessible(page, 'the letter draft');
  await page.getByRole('button', { name: 'Brief versturen' }).click();
  await page.getByText(`De brief is verstuurd naar ${to}.`).waitFor();
}
