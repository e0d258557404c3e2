import { assert, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { byId, logIn, logOut, openReferralFromInbox, planMeetingWith, runRegiecheck, sendLetter } from './intake-steps';

const GP_EMAIL = 'huisarts.jansen@example.org';

/**
 * A GP refers a mother on the public form; the intake desk links her to the known person, completes the
 * referral (her household has no open case: with an open case the referral would be added to that case as a new
 * question instead, issue #17 item 7); the coordinator plans the intake meeting, the team takes it up, the GP gets the feedback letter
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

      // Its footer links to the accessibility statement, the privacy statement and contact (issue #21 item 1).
      const footer = page.getByRole('contentinfo');
      for (const name of ['Toegankelijkheid', 'Privacy', 'Contact']) await footer.getByRole('link', { name }).waitFor();
      await footer.getByRole('link', { name: 'Toegankelijkheid' }).click();
      await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor();
      await page.getByText('Gemeente Voorbeeld is verantwoordelijk voor Nabij en voor deze verklaring.').waitFor();
      await page.getByText('Status: C – eerste maatregelen genomen.').waitFor();
      await expectAccessible(page, 'the accessibility statement, opened from the public form');
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Aanmelden bij het wijkteam' }).waitFor();

      // Submitting the empty form shows an error summary that links to the fields.
      await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
      await page.getByRole('heading', { name: 'Er is iets niet gelukt' }).waitFor();
      await expectAccessible(page, 'the public form with errors');

      // A resident who refers themselves gives name and phone once, as the first resident; the life domains are in
      // plain Dutch and the date of birth is three boxes (issue #19 item 5).
      await page.getByLabel('Ik meld mijzelf of mijn huishouden aan').check();
      await page.getByRole('heading', { level: 2, name: 'Uw gegevens als inwoner' }).waitFor();
      assert(
        (await page.getByLabel('Uw naam').count()) === 0 && (await byId(page, 'referral-referrer.phone').count()) === 0,
        'a self-referral does not ask name and phone a second time',
      );
      await page.getByLabel('Uw e-mailadres').waitFor();
      await page.getByLabel('Wassen, aankleden en eten').waitFor();
      assert((await page.getByText('Basale ADL').count()) === 0, 'no ZRM names on the public form');
      await page.getByRole('group', { name: 'Geboortedatum (niet verplicht)' }).getByLabel('Jaar').waitFor();
      await expectAccessible(page, 'the public form for a resident who refers themselves');
      await page.getByLabel('Een professional (bijvoorbeeld huisarts, school of woningcorporatie)').check();

      await page.getByLabel('Wijkteam', { exact: true }).selectOption({ label: 'Wijkteam Noord (Noord)' });
      await page.getByLabel('Uw naam').fill('Dr. A. Jansen');
      await page.getByLabel('Organisatie').fill('Huisartsenpraktijk De Linde');
      await page.getByLabel('Functie').fill('huisarts');
      await byId(page, 'referral-referrer.phone').fill('030 123 4567');
      await byId(page, 'referral-referrer.email').fill(GP_EMAIL);
      // Ingrid Visser (demo household Bakker-Visser) is known but her household has no open case.
      await byId(page, 'referral-residents.0.firstName').fill('Ingrid');
      await byId(page, 'referral-residents.0.lastName').fill('Visser');
      await byId(page, 'referral-residents.0.dateOfBirth').fill('3');
      await byId(page, 'referral-residents.0.dateOfBirth-month').fill('10');
      await byId(page, 'referral-residents.0.dateOfBirth-year').fill('1977');
      await byId(page, 'referral-residents.0.street').fill('Beukenhof');
      await byId(page, 'referral-residents.0.houseNumber').fill('23');
      await byId(page, 'referral-residents.0.postcode').fill('3514 GH');
      await byId(page, 'referral-residents.0.city').fill('Voorbeeld');
      await page.getByRole('button', { name: 'Kind toevoegen' }).click();
      await byId(page, 'referral-children.0.age').fill('16');
      await page.getByLabel('Geld en schulden').check();
      await page.getByLabel('Wonen', { exact: true }).check();
      await page
        .getByLabel('Wat is de vraag of zorg?')
        .fill('Mevrouw heeft een huurachterstand van drie maanden en slaapt slecht.\nZij wil hulp bij haar post.');
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
      assert(
        received.startsWith('Uw aanmelding is ontvangen. Uw referentienummer is'),
        'the confirmation text is as agreed',
      );
      await expectAccessible(page, 'the confirmation page');

      // 2. The intake desk completes it.
      await logIn(page, baseUrl, 'bureaudienst');
      const referralId = await openReferralFromInbox(page, reference);
      await expectAccessible(page, 'the referral page');
      assert(await page.getByText('Mevrouw heeft een huurachterstand').isVisible(), 'the question is shown');
      assert(
        await page.getByRole('link', { name: 'verwijsbrief.pdf' }).isVisible(),
        'the attachment can be downloaded',
      );
      await runRegiecheck(page, ['Ingrid Visser']);
      await page.getByRole('button', { name: 'Markeren als compleet' }).click();
      await page.getByText('De status is gewijzigd in “Compleet”.').waitFor();
      await expectAccessible(page, 'the complete referral');

      // The household as it really is (issue #17 item 9): the desk registers a phone call about a known couple
      // with a child given by age only. The relation is asked (the partner), the address typed once, the regiecheck
      // proposes the couple's existing household instead of a new one, and a relation is corrected in place.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanmeldingen' }).click();
      await page.getByRole('link', { name: 'Aanmelding registreren' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aanmelding registreren' }).waitFor();
      await page.getByLabel('Telefoon', { exact: true }).check();
      await page.getByLabel('Team').selectOption({ label: 'Wijkteam Noord' });
      await byId(page, 'register-referrer.name').fill('J. Bos');
      await byId(page, 'register-referrer.organisation').fill('Schuldhulp Voorbeeld');
      await byId(page, 'register-referrer.phone').fill('030 111 2222');
      await byId(page, 'register-residents.0.firstName').fill('Erik');
      await byId(page, 'register-residents.0.infix').fill('van');
      await byId(page, 'register-residents.0.lastName').fill('Dijk');
      await page.getByRole('button', { name: 'Nog een volwassene toevoegen' }).click();
      await byId(page, 'register-residents.1.firstName').fill('Monique');
      await byId(page, 'register-residents.1.infix').fill('van');
      await byId(page, 'register-residents.1.lastName').fill('Dijk');
      await byId(page, 'register-residents.1.relation').selectOption({ label: 'Partner' });
      await page.getByRole('button', { name: 'Kind toevoegen' }).click();
      await byId(page, 'register-children.0.firstName').fill('Fenne');
      await byId(page, 'register-children.0.age').fill('7');
      // The second resident lives at the first one's address: the address is not asked again.
      await page.getByText('Meer over de inwoner: geboortedatum, BSN en adres').nth(1).click();
      assert(
        await byId(page, 'register-residents.1.sameAddress').isChecked(),
        'a second resident lives at the same address by default',
      );
      assert((await byId(page, 'register-residents.1.street').count()) === 0, 'the address is not asked twice');
      await expectAccessible(page, 'the registration form with a partner and a child');
      await page.getByLabel('Wat is de vraag of zorg?').fill('Gokschulden; het gezin wil hulp bij de administratie.');
      await page.getByLabel('Financiën').check();
      await byId(page, 'register-childrenAtRisk-no').check();
      await page.getByRole('button', { name: 'Aanmelding registreren' }).click();
      await page.getByText('De aanmelding is geregistreerd.').waitFor();
      await page.getByText('Ouder (afgeleid uit de leeftijd)').first().waitFor();
      assert(
        await page.getByText('Kind (afgeleid uit de leeftijd)').first().isVisible(),
        'the child’s relation is derived',
      );
      assert(
        (await page.getByText('Partner', { exact: true }).count()) > 0,
        'the partner’s relation is shown as given',
      );
      await expectAccessible(page, 'the referral with the relations');

      await page.getByRole('button', { name: 'Regiecheck uitvoeren' }).click();
      await page.getByRole('button', { name: 'Regiecheck opslaan' }).waitFor();
      await page.getByLabel('Koppel aan deze persoon: Erik van Dijk').check();
      await page.getByLabel('Koppel aan deze persoon: Monique van Dijk').check();
      await page.locator('fieldset', { hasText: 'Wie is Fenne' }).getByLabel('Nieuwe persoon').check();
      const existing = page.getByLabel('Bestaand huishouden: Huishouden Van Dijk');
      await existing.waitFor();
      assert(await existing.isChecked(), 'the regiecheck proposes the existing household');
      assert(
        !(await page.getByLabel('Nieuw huishouden met de gekoppelde personen').isChecked()),
        '"Nieuw huishouden" is not chosen',
      );
      await expectAccessible(page, 'the regiecheck proposing the existing household');
      await page.getByRole('button', { name: 'Regiecheck opslaan' }).click();
      await page.getByText('De regiecheck is opgeslagen.').waitFor();

      // The household on Erik's person page: Fenne is "± 7 jaar (geschat)", a child; Monique's relation is corrected in place.
      await page
        .getByRole('link', { name: /^Erik van Dijk/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: 'Erik van Dijk' }).waitFor();
      const fenne = page.getByRole('row', { name: /Fenne van Dijk/ });
      await fenne.getByText('± 7 jaar (geschat)').waitFor();
      assert(await fenne.getByText('Kind').first().isVisible(), 'Fenne is a child of the household');
      assert(
        (await page.getByRole('row', { name: /Fenne van Dijk/ }).count()) === 1,
        'no second Fenne, no second household',
      );
      await expectAccessible(page, 'the household with an estimated age');
      await page.getByRole('button', { name: 'Relatie wijzigen van Monique van Dijk' }).click();
      await page.getByLabel('Relatie van Monique van Dijk in dit huishouden').selectOption({ label: 'Ouder' });
      await expectAccessible(page, 'changing a relation in place');
      await page.getByRole('button', { name: 'Relatie opslaan' }).click();
      await page.getByText('De relatie van Monique van Dijk is gewijzigd.').waitFor();
      await page
        .getByRole('row', { name: /Monique van Dijk/ })
        .getByText('Ouder')
        .waitFor();
      await expectAccessible(page, 'the household after the relation change');

      // Fenne's own record: the estimated age is corrected and the household has no fixed address (issue #17 item 9).
      await page
        .getByRole('row', { name: /Fenne van Dijk/ })
        .getByRole('link', { name: /Fenne van Dijk/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Fenne van Dijk' }).waitFor();
      await page.getByRole('button', { name: 'Bewerken' }).click();
      await page.getByLabel('Leeftijd in jaren (geschat)').fill('8');
      await page
        .getByLabel('Woonsituatie')
        .selectOption({ label: 'Geen vast adres: woonwagen of woonboot zonder vaste plek' });
      await expectAccessible(page, 'editing a person without a date of birth or fixed address');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
      await page.getByText('± 8 jaar (geschat)').first().waitFor();
      await page.getByText('Geen vast adres: woonwagen of woonboot zonder vaste plek').first().waitFor();
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
      // The development outbox holds residents' login codes: only the functional administrator reads it.
      await logOut(page);
      await logIn(page, baseUrl, 'beheerder');
      await page.goto(`${baseUrl}/beheer/outbox`);
      await page.getByRole('heading', { level: 1, name: 'Verzonden e-mail (ontwikkelomgeving)' }).waitFor();
      const letterMail = page.locator('section', { hasText: GP_EMAIL }).filter({ hasText: '.pdf' });
      await letterMail.first().waitFor();
      await expectAccessible(page, 'the development outbox');
      await logOut(page);
      await logIn(page, baseUrl, 'coordinator');

      // 5. The assignment meeting, the same day, with verbal consent.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verdeling' }).click();
      await page.getByRole('heading', { level: 1, name: 'Verdeeloverleg' }).waitFor();
      await page.getByRole('heading', { name: `Werker koppelen aan ${reference}` }).waitFor();
      const assignment = page.getByRole('region', { name: `Werker koppelen aan ${reference}` });
      assert((await assignment.count()) === 1, 'the assignment form is a region named after the referral');
      assert(
        (await assignment.getByText(/Er is al een lopend dossier/).count()) === 0,
        'her household has no open case: no "Toevoegen aan dossier"',
      );
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

      // 7. The case worker completes the referral from the case, by keyboard (issue #17 item 4): Ingrid's phone was
      // missing and the GP now says he does not know whether the child is safe — a question, not a blocker.
      await cases
        .getByRole('row', { name: new RegExp(reference) })
        .getByRole('link')
        .first()
        .click();
      const correctLink = page.getByRole('link', { name: 'Aanmelding aanvullen of corrigeren' });
      await correctLink.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Aanmelding van dit dossier' }).waitFor();
      assert(page.url().endsWith('/aanmelding'), `the correction page has its own address (${page.url()})`);
      await page.getByRole('button', { name: 'Gegevens aanvullen of corrigeren' }).focus();
      await page.keyboard.press('Enter');
      const ingrid = page.getByRole('group', { name: 'Ingrid Visser' });
      await ingrid.getByLabel('Telefoonnummer').fill('06 1234 5678');
      await page
        .getByRole('group', { name: 'Zijn er kinderen van wie u denkt dat zij niet veilig zijn?' })
        .getByLabel('Weet ik niet')
        .check();
      await page.getByLabel('Reden van de wijziging').fill('Huisarts teruggebeld');
      await expectAccessible(page, 'correcting the referral of a case');
      await page.getByLabel('Reden van de wijziging').press('Enter');
      await page.getByText('De aanmelding is aangevuld. De wijziging staat in de geschiedenis.').waitFor();
      const history = page.getByRole('list', { name: 'Geschiedenis van wijzigingen' });
      await history.getByText(/door Sanne de Boer\. Reden: Huisarts teruggebeld/).waitFor();
      const historyText = await history.innerText();
      assert(
        /Telefoonnummer van Ingrid Visser: .*→ 06 ?1234 ?5678/.test(historyText),
        `the history shows the new phone (${historyText})`,
      );
      assert(
        historyText.includes('Kinderen mogelijk niet veilig: Nee → Weet ik niet'),
        'the history shows the new answer',
      );
      await expectAccessible(page, 'the referral of a case after the correction');
    } finally {
      await browser.close();
    }
  },
};

export default journey;
