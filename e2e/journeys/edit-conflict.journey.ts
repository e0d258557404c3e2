import { assert, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { logIn } from './intake-steps';

/**
 * Two administrators (two tabs) change the same thing. The one who saves second gets a version conflict
 * (issue #11 §2): what they typed stays in the form and is shown next to the newest saved version, and they
 * choose — save their own text over it on purpose, or take the saved version. Letter templates and team
 * settings, with axe on the conflict.
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
      await myTemplate.getByLabel('Tekst').fill('Beste {verwijzer},\n\nMijn eigen tekst, zorgvuldig geschreven.\n\nMet vriendelijke groet,\n{team}');
      await myTemplate.getByRole('button', { name: 'Sjabloon opslaan Afsluiting' }).click();
      const differences = myTemplate.getByRole('table', { name: 'Verschillen tussen uw invoer en de opgeslagen versie' });
      await differences.waitFor();
      assert((await differences.innerText()).includes('Mijn onderwerp {referentie}'), 'my subject is shown');
      assert((await differences.innerText()).includes('Afsluiting, gewijzigd door een collega'), "the colleague's subject is shown next to it");
      assert((await myTemplate.getByLabel('Onderwerp').inputValue()) === 'Mijn onderwerp {referentie}', 'what I typed is still in the form');
      await myTemplate.getByText('Iemand anders heeft dit opgeslagen terwijl u aan het bewerken was').waitFor();
      await expectAccessible(mine, 'a version conflict on a letter template');
      await myTemplate.getByRole('button', { name: 'Mijn invoer toch opslaan Afsluiting' }).click();
      await myTemplate.getByText('Het sjabloon “Afsluiting” is opgeslagen.').waitFor();
      const saved = await mine.evaluate(async () => (await (await fetch('/api/admin/letter-templates')).json()) as { templates: Array<{ kind: string; subject: string }> });
      assert(saved.templates.find((x) => x.kind === 'closure')?.subject === 'Mijn onderwerp {referentie}', 'my text was saved on purpose');

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
      assert((await myTeam.getByLabel('Termijn voor de analyse (weken)').inputValue()) === '9', "the colleague's value is taken into the form");
    } finally {
      await browser.close();
    }
  },
};

export default journey;
