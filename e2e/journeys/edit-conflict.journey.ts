import { assert, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { byId, logIn, logOut } from './intake-steps';

/**
 * Two administrators (two tabs) change the same thing. The one who saves second gets a version conflict
 * (issue #11 §2): what they typed stays in the form and is shown next to the newest saved version, and they
 * choose — save their own text over it on purpose, or take the saved version. Letter templates and team
 * settings, with axe on the conflict. Then a person registered twice (issue #17 item 13): the worker merges the
 * duplicate into the known child from the person page (choice, side-by-side comparison, confirmation) and the
 * administrator undoes the merge by its reference.
 */
const journey: Journey = {
  name: 'two administrators save the same template and team settings: the second sees both and chooses',
  async run(baseUrl) {
    const browser = await openBrowser();
    try {
      const mine = await browser.context.newPage();
      const theirs = await browser.context.newPage();
      await logIn(mine, baseUrl, 'beheerder');

      // ---- letter template ----
      for (const page of [mine, theirs]) {
        await page.goto(`${baseUrl}/beheer/brieven`);
        await page.getByRole('heading', { level: 1, name: 'Briefsjablonen' }).waitFor();
      }
      const theirTemplate = theirs.getByRole('region', { name: 'Afsluiting' });
      await theirTemplate.getByLabel('Onderwerp').fill('Afsluiting, gewijzigd door een collega');
      await theirTemplate.getByRole('button', { name: 'Sjabloon opslaan Afsluiting' }).click();
      await theirTemplate.getByText('Het sjabloon “Afsluiting” is opgeslagen.').waitFor();

      const myTemplate = mine.getByRole('region', { name: 'Afsluiting' });
      await myTemplate.getByLabel('Onderwerp').fill('Mijn onderwerp {referentie}');
      await myTemplate
        .getByLabel('Tekst')
        .fill('Beste {verwijzer},\n\nMijn eigen tekst, zorgvuldig geschreven.\n\nMet vriendelijke groet,\n{team}');
      await myTemplate.getByRole('button', { name: 'Sjabloon opslaan Afsluiting' }).click();
      const differences = myTemplate.getByRole('table', {
        name: 'Verschillen tussen uw invoer en de opgeslagen versie',
      });
      await differences.waitFor();
      assert((await differences.innerText()).includes('Mijn onderwerp {referentie}'), 'my subject is shown');
      assert(
        (await differences.innerText()).includes('Afsluiting, gewijzigd door een collega'),
        "the colleague's subject is shown next to it",
      );
      assert(
        (await myTemplate.getByLabel('Onderwerp').inputValue()) === 'Mijn onderwerp {referentie}',
        'what I typed is still in the form',
      );
      await myTemplate.getByText('Iemand anders heeft dit opgeslagen terwijl u aan het bewerken was').waitFor();
      await expectAccessible(mine, 'a version conflict on a letter template');
      await myTemplate.getByRole('button', { name: 'Mijn invoer toch opslaan Afsluiting' }).click();
      await myTemplate.getByText('Het sjabloon “Afsluiting” is opgeslagen.').waitFor();
      const saved = await mine.evaluate(
        async () =>
          (await (await fetch('/api/admin/letter-templates')).json()) as {
            templates: Array<{ kind: string; subject: string }>;
          },
      );
      assert(
        saved.templates.find((x) => x.kind === 'closure')?.subject === 'Mijn onderwerp {referentie}',
        'my text was saved on purpose',
      );

      // ---- team settings ----
      for (const page of [mine, theirs]) {
        await page.goto(`${baseUrl}/beheer/teams`);
        await page.getByRole('heading', { level: 1, name: 'Teams en aanmeldkanalen' }).waitFor();
      }
      const theirTeam = theirs.getByRole('form', { name: 'Wijkteam Noord' });
      await theirTeam.getByLabel('Termijn voor de analyse (weken)').fill('9');
      await theirTeam.getByRole('button', { name: 'Opslaan' }).click();
      await theirTeam.getByText('De instellingen zijn opgeslagen.').waitFor();

      const myTeam = mine.getByRole('form', { name: 'Wijkteam Noord' });
      await myTeam.getByLabel('Termijn voor de analyse (weken)').fill('7');
      await myTeam.getByRole('button', { name: 'Opslaan' }).click();
      await myTeam.getByRole('table', { name: 'Verschillen tussen uw invoer en de opgeslagen versie' }).waitFor();
      await expectAccessible(mine, 'a version conflict on team settings');
      await myTeam.getByRole('button', { name: 'Opgeslagen versie overnemen' }).click();
      assert(
        (await myTeam.getByLabel('Termijn voor de analyse (weken)').inputValue()) === '9',
        "the colleague's value is taken into the form",
      );

      // ---- the municipality's house style (issue #21 item 5, ADR 0054) ----
      await mine.getByRole('link', { name: 'Huisstijl' }).click();
      await mine.getByRole('heading', { level: 1, name: 'Huisstijl van de gemeente' }).waitFor();
      await mine.getByRole('banner').getByRole('img', { name: 'Gemeente Voorbeeld' }).waitFor();
      const primary = mine.getByLabel('Hoofdkleur (knoppen, lijn onder de kop)');
      await primary.fill('#7fb3d5');
      await mine.getByRole('button', { name: 'Huisstijl opslaan' }).click();
      await mine
        .getByText('Te weinig contrast tussen de tekstkleur op de hoofdkleur (#ffffff op #7fb3d5)')
        .first()
        .waitFor();
      await primary.fill('#5b2a86');
      await mine.getByRole('button', { name: 'Huisstijl opslaan' }).click();
      await mine.getByText('De huisstijl is opgeslagen').waitFor();
      // The municipality's stylesheet is laid over the default theme at once: the primary buttons take the colour.
      await mine.waitForFunction(() => {
        const button = document.querySelector('.utrecht-button--primary-action');
        return button !== null && getComputedStyle(button).backgroundColor === 'rgb(91, 42, 134)';
      });
      await expectAccessible(mine, "the house style page in the municipality's own colours");
      // ... and on the public referral form, which knows its municipality from its address.
      await theirs.goto(`${baseUrl}/aanmelden/voorbeeld`);
      await theirs.getByRole('banner').getByRole('img', { name: 'Gemeente Voorbeeld' }).waitFor();
      await theirs.waitForFunction(
        () => getComputedStyle(document.body).getPropertyValue('--nabij-brand-primary-color').trim() === '#5b2a86',
      );

      // ---- a person registered twice: merged by the worker, undone by the administrator ----
      await logOut(mine);
      await logIn(mine, baseUrl, 'werker');
      await mine.goto(`${baseUrl}/personen/nieuw`);
      await mine.getByRole('heading', { level: 1, name: 'Persoon registreren' }).waitFor();
      await byId(mine, 'person-firstName').fill('Lotte');
      await byId(mine, 'person-infix').fill('de');
      await byId(mine, 'person-lastName').fill('Vries');
      await byId(mine, 'person-dateOfBirth').fill('2018-01-23');
      await byId(mine, 'person-phone').fill('06-98765432');
      await mine.getByRole('button', { name: 'Persoon registreren' }).click();
      await mine.getByRole('button', { name: 'Toch nieuwe persoon aanmaken' }).click();
      await mine.getByText('De persoon is geregistreerd.').waitFor();
      const duplicateId = mine.url().split('/personen/')[1] ?? '';
      const candidates = await mine.evaluate(
        async (id) =>
          (await (await fetch(`/api/persons/${id}/merge-candidates`)).json()) as {
            results: Array<{ id: string; fullName: string }>;
          },
        duplicateId,
      );
      const known = candidates.results.find((p) => p.fullName === 'Lotte de Vries');
      assert(known, 'the known Lotte de Vries is a likely duplicate');
      await mine.goto(`${baseUrl}/personen/${known.id}`);
      await mine.getByRole('heading', { level: 1, name: 'Lotte de Vries' }).waitFor();
      await mine.getByRole('button', { name: 'Samenvoegen met…' }).click();
      await mine.getByRole('heading', { name: 'Samenvoegen met Lotte de Vries' }).waitFor();
      await byId(mine, 'merge-choose-other').waitFor();
      await expectAccessible(mine, 'choosing the person to merge with');
      await byId(mine, 'merge-choose-other').check();
      await mine.getByRole('button', { name: 'Vergelijken' }).click();
      await mine.getByRole('heading', { name: 'Vergelijken en samenvoegen' }).waitFor();
      await mine.getByLabel('Van de andere persoon: 06-98765432').check();
      await mine.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
      await mine.getByText('Bevestig dat deze twee personen dezelfde persoon zijn.').first().waitFor();
      await expectAccessible(mine, 'the side-by-side comparison with an error');
      await mine.getByLabel('Ik heb gecontroleerd dat dit dezelfde persoon is').check();
      await mine.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
      const done = mine.getByText(/De personen zijn samengevoegd \(kenmerk SV-[0-9A-F]{8}\)/);
      await done.waitFor();
      const mergeReference = /SV-[0-9A-F]{8}/.exec(await done.innerText())?.[0] ?? '';
      await mine.getByRole('heading', { name: 'Samengevoegd' }).waitFor();
      await mine.getByText('Samengevoegd met Lotte de Vries').first().waitFor();
      // The phone number chosen from the duplicate is kept.
      await mine.getByRole('link', { name: '06-98765432' }).waitFor();
      await expectAccessible(mine, 'the person page after a merge');
      await mine.goto(`${baseUrl}/personen/${duplicateId}`);
      await mine.getByRole('link', { name: 'Naar de persoon waarmee deze is samengevoegd' }).waitFor();
      await logOut(mine);

      await logIn(mine, baseUrl, 'beheerder');
      await mine.goto(`${baseUrl}/beheer/samenvoegingen`);
      await mine.getByRole('heading', { level: 1, name: 'Samengevoegde personen' }).waitFor();
      assert(!(await mine.getByText('Lotte').count()), 'the administrator sees no names');
      await expectAccessible(mine, 'the list of merges');
      await mine.getByRole('button', { name: `Ongedaan maken ${mergeReference}` }).click();
      await mine.getByLabel('Reden').fill('De werker meldt dat het twee verschillende kinderen zijn.');
      await expectAccessible(mine, 'undoing a merge');
      await mine.getByRole('button', { name: 'Ongedaan maken', exact: true }).click();
      await mine.getByText(`Samenvoeging ${mergeReference} is ongedaan gemaakt`).waitFor();
      await logOut(mine);
      await logIn(mine, baseUrl, 'werker');
      await mine.goto(`${baseUrl}/personen/${duplicateId}`);
      await mine.getByRole('heading', { level: 1, name: 'Lotte de Vries' }).waitFor();
      await mine
        .getByText(/Ongedaan gemaakt op .*: De werker meldt dat het twee verschillende kinderen zijn\./)
        .waitFor();
      await expectAccessible(mine, 'the restored person');
    } finally {
      await browser.close();
    }
  },
};

export default journey;
