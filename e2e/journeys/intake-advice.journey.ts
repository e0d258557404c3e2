import { assert, Counter, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { byId, logIn, logOut, openReferralFromInbox, planMeetingWith, runRegiecheck } from './intake-steps';

const REFERRER_EMAIL = 'wijkconsulent@woonthuis.example.org';

/**
 * The intake desk registers a phone call from a housing corporation, completes it, puts it on the intake
 * meeting's agenda, where "Advies aan verwijzer volstaat" is decided; the letter goes out and the referral
 * is closed without a case. Axe on every page.
 */
const journey: Journey = {
  name: 'intake: a phone referral gets advice, a letter, and is closed without a case',
  async run(baseUrl) {
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      await logIn(page, baseUrl, 'bureaudienst');
      await expectAccessible(page, 'Mijn werk of the intake desk');

      // Quick registration of a phone call, counting every click and field from Mijn werk (issue #19 measure).
      const call = new Counter(page);
      // Mijn werk of the desk has "Aanmelding registreren" as a quick action: one click to the form.
      await call.click(page.getByRole('main').getByRole('link', { name: 'Aanmelding registreren' }));
      await page.getByRole('heading', { level: 1, name: 'Aanmelding registreren' }).waitFor();
      await expectAccessible(page, 'the registration form');
      assert(
        await page.getByLabel('Telefoon', { exact: true }).isChecked(),
        'the desk registers a phone call by default',
      );
      const team = page.getByLabel('Team');
      if ((await team.locator('option:checked').innerText()).trim() !== 'Wijkteam Noord')
        await call.select(team, { label: 'Wijkteam Noord' });
      await call.fill(byId(page, 'register-referrer.name'), 'M. de Groot');
      await call.fill(byId(page, 'register-referrer.organisation'), 'Woningcorporatie Thuis');
      await call.fill(byId(page, 'register-referrer.phone'), '030 765 4321');
      await call.fill(byId(page, 'register-referrer.email'), REFERRER_EMAIL);
      await call.fill(byId(page, 'register-residents.0.firstName'), 'Henk');
      await call.fill(byId(page, 'register-residents.0.lastName'), 'Mulder');
      await call.click(page.getByText('Meer over de inwoner: geboortedatum, BSN en adres'));
      await call.fill(byId(page, 'register-residents.0.dateOfBirth'), '1957-06-30');
      await call.fill(byId(page, 'register-residents.0.street'), 'Esdoornlaan');
      await call.fill(byId(page, 'register-residents.0.houseNumber'), '9');
      await call.fill(byId(page, 'register-residents.0.postcode'), '3520 AA');
      await call.fill(byId(page, 'register-residents.0.city'), 'Voorbeeld');
      // Language and interpreter are asked from the start (issue #17 item 10).
      await call.fill(byId(page, 'register-preferredLanguage'), 'Arabisch');
      await call.check(byId(page, 'register-interpreterNeeded'));
      await call.fill(page.getByLabel('Wat is de vraag of zorg?'), 'Meneer vraagt hoe hij huurtoeslag aanvraagt.');
      await call.check(page.getByLabel('Financiën'));
      // "Weet ik niet": it must not block the referral; it becomes a question for the intake meeting (item 4).
      await call.check(byId(page, 'register-childrenAtRisk-unknown'));
      // Whether the resident knows is asked beside the question, not behind the fold of notes and what was tried.
      await call.check(byId(page, 'register-residentAwareness'));
      await call.click(page.getByRole('button', { name: 'Aanmelding registreren' }));
      await page.getByText('De aanmelding is geregistreerd.').waitFor();
      // Issue #19's target is 18; this call also records the birth date and the address (6 actions), the language and
      // the interpreter (2), which the count of 20 did not have.
      call.expectAtMost(20, 'a phone referral with birth date, address and language, from Mijn werk');
      const heading = await page.getByRole('heading', { level: 1, name: /^Aanmelding AM-\d{4}-\d{5}$/ }).innerText();
      const reference = /AM-\d{4}-\d{5}/.exec(heading)?.[0] ?? '';
      assert(reference !== '', `the new referral has a reference (${heading})`);
      await expectAccessible(page, 'the registered referral');
      assert(
        await page.getByText('Tolk nodig (Arabisch)').first().isVisible(),
        'the referral shows that an interpreter is needed',
      );

      // Completing the referral afterwards (item 4): the house-number addition and a new phone number, with a reason.
      await page.getByRole('button', { name: 'Gegevens aanvullen of corrigeren' }).click();
      await byId(page, 'correct-residents.0.houseNumberAddition').fill('bis');
      await byId(page, 'correct-residents.0.phone').fill('06 1122 3344');
      await expectAccessible(page, 'the correction form');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByText('Vul de reden van de wijziging in.').first().waitFor();
      await byId(page, 'correct-reason').fill('Meneer teruggebeld: adres en telefoon aangevuld.');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByText('De aanmelding is aangevuld. De wijziging staat in de geschiedenis.').waitFor();
      assert(
        await page.getByText(/Reden: Meneer teruggebeld: adres en telefoon aangevuld\./).isVisible(),
        'the history shows the reason',
      );
      assert(
        await page.getByText(/Toevoeging van Henk Mulder: \(leeg\) → bis/).isVisible(),
        'the history shows what changed',
      );
      assert(
        await page
          .getByText(/Esdoornlaan 9-bis/)
          .first()
          .isVisible(),
        'the address has the addition, written the Dutch way (9-bis)',
      );
      await expectAccessible(page, 'the referral with its history of corrections');

      // Regiecheck, contact with the referrer, complete.
      await runRegiecheck(page);
      await page.getByLabel('Notitie').fill('Teruggebeld: meneer weet van de aanmelding.');
      await page.getByRole('button', { name: 'Contact vastleggen' }).last().click();
      await page.getByText('Het contact is vastgelegd.').waitFor();
      await page.getByRole('button', { name: 'Markeren als compleet' }).click();
      await page.getByText('De status is gewijzigd in “Compleet”.').waitFor();
      const referralId = new URL(page.url()).pathname.split('/').pop() ?? '';

      // The intake meeting: advice to the referrer suffices.
      await planMeetingWith(page, reference);
      assert(await page.getByText('Tolk nodig (Arabisch)').first().isVisible(), 'the agenda shows the interpreter');
      assert(
        await page.getByText(/Vraag voor het overleg: zijn er kinderen/).isVisible(),
        '"Weet ik niet" is a question for the meeting',
      );
      const p = `decide-${referralId}`;
      await byId(page, `${p}-triage.situation`).fill('Enkelvoudige vraag over huurtoeslag.');
      await byId(page, `${p}-triage.urgency`).check();
      await byId(page, `${p}-triage.safety`).fill('Geen zorgen.');
      await byId(page, `${p}-decision.outcome-advice`).check();
      await byId(page, `${p}-decision.reasoning`).fill('De corporatie kan meneer naar de toeslagenbalie verwijzen.');
      await page.getByRole('button', { name: 'Kernbesluit vastleggen' }).click();
      await page.getByText(`Het kernbesluit voor ${reference} is vastgelegd.`).waitFor();
      assert(
        await page.getByText('Advies aan verwijzer volstaat').first().isVisible(),
        'the decision is shown read-only',
      );
      await expectAccessible(page, 'the meeting with the advice decision');

      // The letter, then closing without a case.
      await openReferralFromInbox(page, reference);
      await page.getByRole('button', { name: 'Brief aan verwijzer opstellen' }).click();
      await page.getByRole('heading', { name: 'Brief opstellen' }).waitFor();
      assert(
        (await page.getByLabel('Tekst van de brief').inputValue()).includes('is een tolk nodig (Arabisch).'),
        'the letter says an interpreter is needed',
      );
      await page.getByRole('button', { name: 'Brief versturen' }).click();
      await page.getByText(`De brief is verstuurd naar ${REFERRER_EMAIL}.`).waitFor();
      await page.getByRole('button', { name: 'Afsluiten zonder dossier' }).click();
      await page.getByRole('button', { name: 'Ja, afsluiten zonder dossier' }).click();
      await page.getByText('De aanmelding is afgesloten zonder dossier.').waitFor();
      assert(await page.getByText('Afgesloten', { exact: true }).first().isVisible(), 'the status is closed');
      assert((await page.getByRole('heading', { name: 'Dossier', exact: true }).count()) === 0, 'no case was opened');
      await expectAccessible(page, 'the closed referral');

      // The volunteer host's desk log works for the same team.
      await logOut(page);
      await logIn(page, baseUrl, 'gastvrouw');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Balie' }).click();
      await page.getByRole('heading', { level: 1, name: 'Vraag aan de balie' }).waitFor();
      await page.getByLabel('Vrijwilligers en activiteiten').check();
      await page.getByRole('button', { name: 'Vraag registreren' }).click();
      await page.getByText('De vraag is geregistreerd.').waitFor();
      await page.getByRole('cell', { name: '1' }).first().waitFor();
      await expectAccessible(page, 'the host desk with today’s tally');
      await logOut(page);

      // One household, one plan, one coordinator (issue #17 item 7): a new referral for Anja Meijer, whose case is open
      // with Sanne de Boer. The regiecheck says so before the meeting; taking it up adds it to that case as a new question.
      await logIn(page, baseUrl, 'bureaudienst');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanmeldingen' }).click();
      await page.getByRole('link', { name: 'Aanmelding registreren' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aanmelding registreren' }).waitFor();
      await page.getByLabel('Telefoon', { exact: true }).check();
      await page.getByLabel('Team').selectOption({ label: 'Wijkteam Noord' });
      await byId(page, 'register-referrer.name').fill('Dr. P. Smits');
      await byId(page, 'register-referrer.organisation').fill('Huisartsenpraktijk Parkweg');
      await byId(page, 'register-referrer.phone').fill('030 111 2233');
      await byId(page, 'register-residents.0.firstName').fill('Anja');
      await byId(page, 'register-residents.0.lastName').fill('Meijer');
      await page.getByText('Meer over de inwoner: geboortedatum, BSN en adres').click();
      await byId(page, 'register-residents.0.dateOfBirth').fill('1968-12-24');
      await byId(page, 'register-residents.0.street').fill('Parkweg');
      await byId(page, 'register-residents.0.houseNumber').fill('19');
      await byId(page, 'register-residents.0.postcode').fill('3519 TV');
      await byId(page, 'register-residents.0.city').fill('Voorbeeld');
      await page
        .getByLabel('Wat is de vraag of zorg?')
        .fill('Mevrouw heeft een aanmaning van de energieleverancier gekregen.');
      await page.getByLabel('Financiën').check();
      await byId(page, 'register-childrenAtRisk-no').check();
      await byId(page, 'register-residentAwareness').check();
      await page.getByRole('button', { name: 'Aanmelding registreren' }).click();
      await page.getByText('De aanmelding is geregistreerd.').waitFor();
      const second =
        /AM-\d{4}-\d{5}/.exec(
          await page.getByRole('heading', { level: 1, name: /^Aanmelding AM-/ }).innerText(),
        )?.[0] ?? '';
      assert(second !== '', 'the second referral has a reference');
      await page.getByRole('button', { name: 'Regiecheck uitvoeren' }).click();
      await page.getByText(/Er is al een lopend dossier AM-\d{4}-\d{5} bij Sanne de Boer/).waitFor();
      await expectAccessible(page, 'the regiecheck with the open-case notice');
      await page.getByLabel('Koppel aan deze persoon: Anja Meijer').first().check();
      await page.getByRole('button', { name: 'Regiecheck opslaan' }).click();
      await page.getByText('De regiecheck is opgeslagen.').waitFor();
      await page.getByRole('button', { name: 'Markeren als compleet' }).click();
      await page.getByText('De status is gewijzigd in “Compleet”.').waitFor();
      const secondId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await planMeetingWith(page, second);
      await page
        .getByText(/Er is al een lopend dossier AM-\d{4}-\d{5} bij Sanne de Boer/)
        .first()
        .waitFor();
      const q = `decide-${secondId}`;
      await byId(page, `${q}-triage.situation`).fill('Nieuwe geldzorg bij een lopend traject.');
      await byId(page, `${q}-triage.urgency`).check();
      await byId(page, `${q}-triage.safety`).fill('Geen zorgen.');
      // "Het team pakt de hulp op" is the first choice: its radio carries the group's id.
      await byId(page, `${q}-decision.outcome`).check();
      await byId(page, `${q}-decision.interventions`).fill('Meenemen in het lopende plan');
      await byId(page, `${q}-decision.goal`).fill('Geen afsluiting van energie');
      await byId(page, `${q}-decision.intendedResult`).fill('Betalingsregeling met de leverancier');
      await byId(page, `${q}-decision.reasoning`).fill(
        'Zelfde huishouden, zelfde regisseur: de vraag hoort bij het lopende plan.',
      );
      await page.getByRole('button', { name: 'Kernbesluit vastleggen' }).click();
      await page.getByText(`Het kernbesluit voor ${second} is vastgelegd.`).waitFor();
      await page
        .getByText('Toegevoegd aan het lopende dossier als nieuwe vraag; de contactpersoon heeft een taak.')
        .waitFor();
      await expectAccessible(page, 'the meeting: the referral joined the open case');
    } finally {
      await browser.close();
    }
  },
};

export default journey;
