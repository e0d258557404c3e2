import { readFileSync } from 'node:fs';
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
const monthsAgo = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)).toISOString().slice(0, 10);
};
const quarter = `${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}e kwartaal ${today.slice(0, 4)}`;

async function noHorizontalScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `${label}: the page does not scroll sideways on a phone (${overflow}px too wide)`);
}

/**
 * Management information: the coordinator opens the dashboard of team Noord (charts with a table each, small numbers
 * shown as "<5"), filters a period — first the wrong way round —, downloads the CSV, opens the quality mirror and
 * records the team's self-assessment; the dashboard also works on a phone. The municipality's policy advisor sees every
 * team, totals only. Axe on every page.
 */
const journey: Journey = {
  name: 'management information: dashboard with charts and filters, CSV, quality mirror with a self-assessment',
  async run(baseUrl) {
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      await logIn(page, baseUrl, 'coordinator');
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Sturingsinformatie' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Sturingsinformatie' }).waitFor();
      await page.getByText(/^Cijfers van Wijkteam Noord, van /).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Kernbesluiten' }).waitFor();
      // Every chart is an image with a complete text alternative and a table with the same figures right after it.
      const chart = page.getByTestId('chart-core_decisions');
      const alt = (await chart.getAttribute('aria-label')) ?? '';
      assert(
        alt.startsWith('Staafdiagram van “Aantal”: Team pakt het zelf op: '),
        `the chart describes its values (${alt})`,
      );
      assert(
        (await page.getByRole('table', { name: 'Kernbesluiten' }).getByRole('row').count()) === 6,
        'the decisions table has a header, four outcomes and the total',
      );
      assert(
        (await page.getByText('minder dan 5').count()) > 0,
        'small numbers are suppressed and read as "minder dan 5"',
      );
      assert(
        (await page.getByRole('table', { name: 'Open dossiers per werker (vandaag)' }).count()) === 1,
        'the coordinator sees the caseload per worker',
      );
      await expectAccessible(page, 'the coordinator’s dashboard');

      // The contents list leads by keyboard to a section.
      await page.getByRole('link', { name: 'Resultaten', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#mi-section-outcomes');

      // A period the wrong way round is refused in Dutch, linked to its field; then a correct period.
      const from = monthsAgo(6);
      await page.getByLabel('Van', { exact: true }).fill(today);
      await page.getByLabel('Tot en met', { exact: true }).fill(from);
      await page.getByRole('button', { name: 'Cijfers tonen' }).click();
      await page.getByRole('link', { name: /De einddatum ligt vóór de begindatum/ }).waitFor();
      await expectAccessible(page, 'the filter with an error');
      await page.getByLabel('Van', { exact: true }).fill(from);
      await page.getByLabel('Tot en met', { exact: true }).fill(today);
      await page.getByRole('button', { name: 'Cijfers tonen' }).click();
      await page.waitForURL((url) => url.searchParams.get('from') === from && url.searchParams.get('to') === today);
      await page.getByText(/^Cijfers van Wijkteam Noord, van /).waitFor();
      assert((await page.getByRole('link', { name: /De einddatum/ }).count()) === 0, 'the error is gone');

      // The CSV has the same period and the same suppressed cells.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download CSV' }).click(),
      ]);
      assert(
        download.suggestedFilename() === `sturingsinformatie-${from}-${today}.csv`,
        `the CSV is named after the period (${download.suggestedFilename()})`,
      );
      const csv = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
      assert(csv.startsWith('Sturingsinformatie\r\nPeriode;'), 'the CSV starts with what it covers');
      assert(csv.includes('Teams;Wijkteam Noord') && csv.includes('<5'), 'the CSV holds the team and suppressed cells');
      assert(!/\r\n[=+@]/.test(csv), 'no line of the CSV starts like a formula');

      // The quality mirror: fifteen elements with the team's figures, and the self-assessment.
      await page
        .getByRole('navigation', { name: 'Sturingsinformatie' })
        .getByRole('link', { name: 'Kwaliteitsspiegel' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Kwaliteitsspiegel' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Vast contactpersoon' }).waitFor();
      assert((await page.locator('.nabij-mirror-element').count()) === 15, 'the fifteen effective elements are shown');
      await page.getByText('Het team heeft nog geen zelfevaluatie vastgelegd.').waitFor();
      await expectAccessible(page, 'the quality mirror');
      const score = page.getByRole('group', { name: 'Score voor Vast contactpersoon' });
      await score.getByLabel('4', { exact: true }).check();
      await page
        .getByLabel('Toelichting bij Vast contactpersoon')
        .fill('Weinig wisselingen; bij ziekte neemt de tandempartner het over.');
      await page.getByRole('group', { name: 'Score voor Normaliseren' }).getByLabel('2', { exact: true }).check();
      await page.getByRole('button', { name: 'Zelfevaluatie opslaan' }).click();
      await page.getByText(`De zelfevaluatie van ${quarter} is opgeslagen.`).waitFor();
      const comparison = page.getByTestId('mirror-comparison');
      await comparison.getByRole('columnheader', { name: quarter }).waitFor();
      assert(
        (await comparison.getByRole('row', { name: /Vast contactpersoon 4/ }).count()) === 1,
        'the comparison over time shows the score',
      );
      assert(
        await page
          .getByRole('heading', { level: 2, name: 'Zelfevaluatie vastleggen' })
          .evaluate((el) => el === document.activeElement),
        'focus moves to the form heading after saving',
      );
      await expectAccessible(page, 'the quality mirror with a saved self-assessment');

      // On a phone the dashboard still fits.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${baseUrl}/sturingsinformatie`);
      await page.getByRole('heading', { level: 3, name: 'Doorlooptijden per stap, in kalenderdagen' }).waitFor();
      await noHorizontalScroll(page, 'the dashboard');
      await expectAccessible(page, 'the dashboard on a phone');
      await page.setViewportSize({ width: 1280, height: 900 });
      await logOut(page);

      // The municipality's policy advisor: every team, totals only, no names of workers, no persons.
      await logIn(page, baseUrl, 'beleid');
      // The advisor's home page leads to the figures (not to "no access").
      await page.getByRole('link', { name: 'Sturingsinformatie bekijken' }).click();
      await page.getByText(/^Cijfers van Wijkteam Noord, Wijkteam Zuid, van /).waitFor();
      assert(
        (await page.getByLabel('Team', { exact: true }).locator('option').allInnerTexts()).join('|') ===
          'Alle teams|Wijkteam Noord|Wijkteam Zuid',
        'the advisor can choose any team',
      );
      assert(
        (await page.getByRole('table', { name: 'Open dossiers per werker (vandaag)' }).count()) === 0,
        'no caseload per named worker',
      );
      assert(
        (await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Personen' }).count()) ===
          0,
        'no way to persons',
      );
      await expectAccessible(page, 'the policy advisor’s dashboard');
      await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Wijkteam Zuid' });
      await page.getByRole('button', { name: 'Cijfers tonen' }).click();
      await page.getByText(/^Cijfers van Wijkteam Zuid, van /).waitFor();
      await logOut(page);
    } finally {
      await browser.close();
    }
  },
};

export default journey;
