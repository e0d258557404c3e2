import { assert, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { byId, logIn, logOut, openReferralFromInbox, planMeetingWith, runRegiecheck, sendLetter } from './intake-steps';

const GP_EMAIL = 'huisarts.jansen@example.org';

/**
 * A GP refers a mother on the public form; the intake desk links her to the known person, completes the
 * referral; the coordinator plans the intake meeting, the team takes it up, the GP gets the feedback letter
 * (visible in the development outbox with its PDF), the coordinator assigns the case worker the same day
 * with verbal consent, and the case worker finds the case on "Mijn werk". Axe on every page.
 */
const journey: Journey = {
  name: 'intake: a GP referral is taken up, fed back and assigned the same day',
  async run(baseUrl) {
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();

      // 1. The GP fills in the public form.
      await page.goto(`${baseUrl}/aanmelden`);
      await page.getByRole('heading', { level: 1, name: 'Aanmelden bij het wijkteam' }).waitFor();
      await page.getByText('Gemeente Voorbeeld').first().waitFor();
      await expectAccessible(page, 'the public referral form');
      assert((await page.locator('nav').count()) === 0, 'the public form has no staff navigation');

      // Submitting the empty form shows an error summary that links to the fields.
      await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
      await page.getByRole('heading', { name: 'Er is iets niet gelukt' }).waitFor();
      await expectAccessible(page, 'the public form with errors');

      await page.getByLabel('Wijkteam', { exact: true }).selectOption({ label: 'Wijkteam Noord (Noord)' });
      await page.getByLabel('Uw naam').fill('Dr. A. Jansen');
      await page.getByLabel('Organisatie').fill('Huisartsenpraktijk De Linde');
      await page.getByLabel('Functie').fill('huisarts');
      await byId(page, 'referral-referrer.phone').fill('030 123 4567');
      await byId(page, 'referral-referrer.email').fill(GP_EMAIL);
      await byId(page, 'referral-residents.0.firstName').fill('Petra');
      await byId(page, 'referral-residents.0.infix').fill('de');
      await byId(page, 'referral-residents.0.lastName').fill('Vries');
      await byId(page, 'referral-residents.0.dateOfBirth').fill('1988-03-14');
      await byId(page, 'referral-residents.0.street').fill('Lindelaan');
      await byId(page, 'referral-residents.0.houseNumber').fill('12');
      await byId(page, 'referral-residents.0.postcode').fill('3511 AB');
      await byId(page, 'referral-residents.0.city').fill('Voorbeeld');
      await page.getByRole('button', { name: 'Kind toevoegen' }).click();
      await byId(page, 'referral-children.0.age').fill('11');
      await page.getByLabel('Financiën').check();
      await page.getByLabel('Huisvesting').check();
      await page.getByLabel('Wat is de vraag of zorg?').fill('Mevrouw heeft een huurachterstand van drie maanden en slaapt slecht.\nZij wil hulp bij haar post.');
      await page.getByLabel('Wat is er al geprobeerd?').fill('Verwezen naar de schuldhulp, maar zij is niet gegaan.');
      await byId(page, 'referral-childrenAtRisk-no').check();
      await byId(page, 'referral-residentAwareness').check();
      await page.getByLabel('Bijlagen toevoegen').setInputFiles({
        name: 'verwijsbrief.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      });
      await page.getByText('verwijsbrief.pdf').first().waitFor();
      const honeypot = await byId(page, 'referral-website').inputValue();
      assert(honeypot === '', 'the honeypot stays empty');
      await page.getByRole('button', { name: 'Aanmelding versturen' }).dblclick();
      await page.getByRole('heading', { level: 1, name: 'Aanmelding ontvangen' }).waitFor();
      const received = await page.getByTestId('referral-received').innerText();
      const reference = /AM-\d{4}-\d{5}/.exec(received)?.[0] ?? '';
      assert(reference !== '', `the confirmation shows the reference (${received})`);
      assert(received.startsWith('Uw aanmelding is ontvangen. Uw referentienummer is'), 'the confirmation text is as agreed');
      await expectAccessible(page, 'the confirmation page');

      // 2. The intake desk completes it.
      await logIn(page, baseUrl, 'bureaudienst');
      const referralId = await openReferralFromInbox(page, reference);
      await expectAccessible(page, 'the referral page');
      assert(await page.getByText('Mevrouw heeft een huurachterstand').isVisible(), 'the question is shown');
      assert(await page.getByRole('link', { name: 'verwijsbrief.pdf' }).isVisible(), 'the attachment can be downloaded');
      await runRegiecheck(page, ['Petra de Vries']);
      await page.getByRole('button', { name: 'Markeren als compleet' }).click();
      await page.getByText('De status is gewijzigd in “Compleet”.').waitFor();
      await expectAccessible(page, 'the complete referral');
      await logOut(page);

      // 3. The coordinator plans the intake meeting and records the core decision.
      await logIn(page, baseUrl, 'coordinator');
      await planMeetingWith(page, reference, 'Sanne de Boer');
      const p = `decide-${referralId}`;
      await byId(page, `${p}-triage.situation`).fill('Huurachterstand, slaapproblemen, moeite met post.');
      await byId(page, `${p}-triage.urgency-medium`).check();
      await byId(page, `${p}-triage.safety`).fill('Geen zorgen over de veiligheid van het kind.');
      await byId(page, `${p}-decision.outcome`).check();
      await byId(page, `${p}-decision.interventions`).fill('Schuldhulp, thuisadministratie met een vrijwilliger.');
      await byId(page, `${p}-decision.goal`).fill('Mevrouw houdt haar post zelf bij.');
      await byId(page, `${p}-decision.intendedResult`).fill('Geen nieuwe huurachterstand binnen drie maanden.');
      await byId(page, `${p}-decision.carriedOutBy`).fill('Wijkteamwerker');
      await byId(page, `${p}-decision.reasoning`).fill('Meervoudige vraag; de huisarts kan dit niet alleen.');
      await byId(page, `${p}-decision.discussedWithResident`).check();
      await page.getByRole('button', { name: 'Kernbesluit vastleggen' }).click();
      await page.getByText(`Het kernbesluit voor ${reference} is vastgelegd.`).waitFor();
      await expectAccessible(page, 'the meeting page with a decision');
      assert(await page.getByRole('link', { name: 'Notulen (PDF)' }).isVisible(), 'the minutes can be downloaded');

      // 4. The feedback letter to the GP, and the development outbox.
      await page.getByRole('link', { name: `Aanmelding ${reference} openen` }).click();
      await page.getByRole('heading', { level: 1, name: `Aanmelding ${reference}` }).waitFor();
      await sendLetter(page, GP_EMAIL);
      await expectAccessible(page, 'the referral with a letter sent');
      await page.goto(`${baseUrl}/beheer/outbox`);
      await page.getByRole('heading', { level: 1, name: 'Verzonden e-mail (ontwikkelomgeving)' }).waitFor();
      const letterMail = page.locator('section', { hasText: GP_EMAIL }).filter({ hasText: '.pdf' });
      await letterMail.first().waitFor();
      await expectAccessible(page, 'the development outbox');

      // 5. The assignment meeting, the same day, with verbal consent.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verdeling' }).click();
      await page.getByRole('heading', { level: 1, name: 'Verdeeloverleg' }).waitFor();
      await page.getByRole('heading', { name: `Werker koppelen aan ${reference}` }).waitFor();
      assert(await page.getByText('Binnen de norm').first().isVisible(), 'a decision of today is within the norm');
      await expectAccessible(page, 'the assignment meeting');
      const a = `assign-${referralId}`;
      const worker = byId(page, `${a}-caseWorkerId`);
      const sanne = await worker.locator('option', { hasText: 'Sanne de Boer' }).getAttribute('value');
      assert(sanne, 'Sanne de Boer can be chosen as case worker');
      await worker.selectOption(sanne);
      await byId(page, `${a}-consent-verbal`).check();
      await page.getByRole('button', { name: 'Werker koppelen en dossier openen' }).click();
      await page.getByText(`Er is een dossier geopend voor ${reference}.`).waitFor();
      await expectAccessible(page, 'the assignment meeting after assigning');
      await logOut(page);

      // 6. The case worker sees the case on "Mijn werk".
      await logIn(page, baseUrl, 'werker');
      const cases = page.locator('section', { has: page.getByRole('heading', { name: 'Mijn dossiers' }) });
      await cases.getByText(reference).waitFor();
      assert(await cases.getByText('Analyse').first().isVisible(), 'the new case is in the analysis phase');
      await expectAccessible(page, 'Mijn werk with the new case');
    } finally {
      await browser.close();
    }
  },
};

export default journey;
