import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { assert, expectAccessible, openBrowser } from '../harness';
import type { Journey } from '../run';
import { logIn, logOut } from './intake-steps';

/** Calls the API from the logged-in page (same cookies, CSRF token from the session). */
async function callApi(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken?: string };
      const r = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: r.status, json: (await r.json()) as unknown };
    },
    { method, path, body },
  );
}

const IMG = `<img src=x onerror="window.__xss='img';alert('xss')">`;
const SCRIPT = `<script>window.__xss='script';alert('xss')</script>`;
const SVG = `<svg onload="window.__xss='svg';alert('xss')"></svg>`;

/**
 * Stored XSS and the AVG rights in the browser. The worker types script into the purpose of the processing, into
 * the resident's own statement and into a contact note: each is shown as text and never runs (no dialog, no
 * global flag, no CSP violation). Consent is refused as a substitute for the legal basis. The privacy officer
 * registers an inspection request, decides on the shielded categories, downloads the copy as PDF and JSON (naming no
 * other household member), erases one household member after the list of what is erased and what is kept, and
 * destroys a case whose retention has ended. Axe on every page.
 */
const journey: Journey = {
  name: 'privacy rights: stored script is shown as text and never runs; an inspection request with its copy; a due case destroyed',
  async run(baseUrl) {
    // The page itself: a CSP without inline script, and no inline script for it to block.
    const home = await fetch(`${baseUrl}/`);
    const csp = home.headers.get('content-security-policy') ?? '';
    assert(
      csp.includes("script-src 'self'") && !csp.includes('unsafe-inline'),
      `the CSP allows no inline script or style (${csp})`,
    );
    const html = await home.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert(
      scripts.length > 0 && scripts.every((s) => /\bsrc=/.test(s[1] ?? '') && (s[2] ?? '').trim() === ''),
      'the built index.html has no inline script',
    );

    const browser = await openBrowser();
    const dialogs: string[] = [];
    try {
      const page = await browser.context.newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const noScriptRan = async (where: string) => {
        const state = await page.evaluate(() => ({
          xss: (window as unknown as { __xss?: string }).__xss ?? null,
          csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
        }));
        assert(state.xss === null, `no injected script ran on ${where} (window.__xss = ${String(state.xss)})`);
        assert(dialogs.length === 0, `no dialog opened on ${where} (${dialogs.join(', ')})`);
        assert(state.csp.length === 0, `no CSP violation on ${where} (${state.csp.join(', ')})`);
      };

      // ---- the worker: legal basis and purpose, a statement and a note, all with script in them ----
      await logIn(page, baseUrl, 'werker');
      const mine = (await callApi(page, 'GET', '/api/cases/mine')).json as {
        cases: Array<{ id: string; householdName: string }>;
      };
      const caseId = mine.cases.find((c) => c.householdName === 'Huishouden El Amrani')?.id ?? '';
      assert(caseId, 'the worker has the El Amrani case');
      const note = await callApi(page, 'POST', `/api/cases/${caseId}/contacts`, {
        kind: 'phone',
        contactOn: new Date().toISOString().slice(0, 10),
        note: `Gebeld. ${SVG}`,
      });
      assert(note.status === 201, `the contact note is saved (${note.status})`);
      await page.goto(`${baseUrl}/dossiers/${caseId}/toestemmingen`);
      await page.getByRole('heading', { level: 1, name: 'Huishouden El Amrani' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Grondslag, doel en bewaren' }).waitFor();
      await page.getByText('Wmo 2015, Jeugdwet').waitFor();
      await expectAccessible(page, 'the case page with its legal basis');

      await page.locator('summary', { hasText: 'Grondslag en doel vastleggen' }).click();
      const form = page.getByRole('form', { name: 'Grondslag en doel', exact: true });
      await form.getByLabel('Wmo 2015 (maatschappelijke ondersteuning)').uncheck();
      await form.getByLabel('Jeugdwet (jeugdhulp)').uncheck();
      await form.getByLabel('Toestemming (alleen voor vrijwillige ondersteuning buiten een wettelijke taak)').check();
      await form.getByRole('button', { name: 'Grondslag en doel opslaan' }).click();
      await page
        .getByRole('link', { name: /Toestemming is geen vervanging voor een wettelijke grondslag/ })
        .first()
        .waitFor();
      await expectAccessible(page, 'the legal basis form refusing consent as a substitute');
      await form.getByLabel('Toestemming (alleen voor vrijwillige ondersteuning buiten een wettelijke taak)').uncheck();
      await form.getByLabel('Wmo 2015 (maatschappelijke ondersteuning)').check();
      await form.getByLabel('Jeugdwet (jeugdhulp)').check();
      await form.getByLabel('Waarvoor gebruikt het team de gegevens').fill(`${IMG} Ondersteuning bij geld en post.`);
      await form.getByRole('button', { name: 'Grondslag en doel opslaan' }).click();
      await page.getByText('De grondslag en het doel zijn opgeslagen.').waitFor();
      await page.getByText(`${IMG} Ondersteuning bij geld en post.`).first().waitFor();

      await page.locator('summary', { hasText: 'Verklaring van de inwoner toevoegen' }).click();
      await page
        .getByLabel('Verklaring (letterlijk, in de woorden van de inwoner)')
        .fill(`${SCRIPT} Ik ben het niet eens met het verslag van 3 maart.`);
      await page.getByRole('button', { name: 'Verklaring toevoegen' }).click();
      await page.getByText('De verklaring is aan het dossier toegevoegd.').waitFor();
      await page.getByText(`${SCRIPT} Ik ben het niet eens met het verslag van 3 maart.`).first().waitFor();
      await noScriptRan('the case page after saving');

      // After a reload the stored text is rendered from the server: still text, still inert.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Huishouden El Amrani' }).waitFor();
      await page.getByText(`${IMG} Ondersteuning bij geld en post.`).first().waitFor();
      await page.getByText(`${SCRIPT} Ik ben het niet eens`).first().waitFor();
      await page.goto(`${baseUrl}/dossiers/${caseId}/journaal`);
      await page.getByText(SVG, { exact: false }).first().waitFor();
      await noScriptRan('the reloaded case page');
      await expectAccessible(page, 'the case page with stored script shown as text');
      await logOut(page);

      // ---- the privacy officer: an inspection request and the copy ----
      await logIn(page, baseUrl, 'privacy');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacy' }).click();
      await page.getByRole('link', { name: 'AVG-verzoeken' }).click();
      await page.getByRole('heading', { level: 1, name: 'AVG-verzoeken' }).waitFor();
      await expectAccessible(page, 'the register of AVG requests');
      await page.getByLabel('Naam').fill('El Amrani');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('button', { name: /Kies Youssef El Amrani/ }).click();
      await page.getByText('Gekozen: Youssef El Amrani').waitFor();
      await page.getByLabel('Inzage en kopie').check();
      await page.getByLabel('Korte omschrijving').fill('Wil weten wat er over hem is vastgelegd.');
      await page.getByLabel('De identiteit van de verzoeker is gecontroleerd').check();
      await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
      await page.getByRole('heading', { level: 1, name: /^Verzoek AVG-\d{4}-\d{4}$/ }).waitFor();
      await page.getByText('Leg eerst voor alle vier categorieën een besluit vast.').waitFor();
      await expectAccessible(page, 'an inspection request');

      const decide = async (category: string, choice: 'Opnemen' | 'Niet opnemen', reason: string) => {
        const f = page.getByRole('form', { name: category, exact: true });
        await f.getByLabel(choice, { exact: true }).check();
        await f.getByLabel('Reden').fill(reason);
        await f.getByRole('button', { name: 'Besluit vastleggen' }).click();
        await f.getByText('Het besluit is vastgelegd.').waitFor();
      };
      await decide('Interne werkaantekeningen', 'Opnemen', 'Geen gegevens van anderen in de notities.');
      await decide('Meldcode-gegevens (afgeschermd)', 'Niet opnemen', 'Veiligheid van de kinderen gaat voor.');
      await decide('Mensen uit het netwerk (derden)', 'Niet opnemen', 'Privacy van familie en buren.');
      await decide(
        'Andere leden van het huishouden (derden)',
        'Niet opnemen',
        'Partner en kinderen vragen zelf inzage.',
      );
      await expectAccessible(page, 'the inspection request with its decisions');

      const download = async (name: string) => {
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
        const path = await file.path();
        return { filename: file.suggestedFilename(), content: readFileSync(path) };
      };
      const pdf = await download('Kopie als PDF (leesbaar)');
      assert(
        pdf.filename.endsWith('.pdf') && pdf.content.subarray(0, 5).toString() === '%PDF-',
        `the PDF copy is downloaded (${pdf.filename})`,
      );
      const json = await download('Kopie als JSON (voor een computer)');
      const copy = JSON.parse(json.content.toString('utf8')) as {
        subject: { first_name: string };
        data: Record<string, Array<Record<string, unknown>>>;
        decisions: Array<{ category: string; included: boolean }>;
      };
      assert(copy.subject.first_name === 'Youssef', 'the copy is of Youssef El Amrani');
      assert(
        JSON.stringify(copy.data.resident_statement ?? []).includes('Ik ben het niet eens met het verslag'),
        'the copy holds the resident’s own statement',
      );
      assert(
        copy.data.meldcode_record === undefined && copy.data.network_person === undefined,
        'the copy leaves out what was decided',
      );
      assert(
        copy.decisions.find((d) => d.category === 'meldcode')?.included === false,
        'the copy tells which categories were left out',
      );
      assert(
        !/Fatima|Amira|Bilal/.test(json.content.toString('utf8')),
        'the copy names no other household member when they are left out',
      );
      await noScriptRan('the request page');

      // ---- erasure of one household member: what goes and what stays is listed before confirming ----
      await page.getByRole('link', { name: 'AVG-verzoeken' }).click();
      await page.getByRole('heading', { level: 1, name: 'AVG-verzoeken' }).waitFor();
      await page.getByLabel('Naam').fill('El Amrani');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('button', { name: /Kies Fatima El Amrani/ }).click();
      await page.getByText('Gekozen: Fatima El Amrani').waitFor();
      await page.getByLabel('Wissen', { exact: true }).check();
      await page.getByLabel('Korte omschrijving').fill('Is verhuisd en wil dat haar gegevens worden gewist.');
      await page.getByLabel('De identiteit van de verzoeker is gecontroleerd').check();
      await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
      await page.getByRole('heading', { level: 1, name: /^Verzoek AVG-\d{4}-\d{4}$/ }).waitFor();
      const preview = page.getByRole('region', { name: 'Wat het wissen doet' });
      await preview.getByRole('heading', { level: 4, name: 'Wordt gewist' }).waitFor();
      await preview
        .getByText(
          /^Dossier AM-[\d-]+ \(Wijkteam Noord\): er horen nog \d+ andere personen bij\. Hun gegevens blijven ongewijzigd\.$/,
        )
        .waitFor();
      await preview.getByText('Het lidmaatschap van een huishouden.').waitFor();
      await preview.getByText(/^De persoonsgegevens: naam, geboortedatum/).waitFor();
      await expectAccessible(page, 'an erasure request listing what is erased and what is kept');
      for (const question of [
        'Geldt er een wettelijke bewaarplicht',
        'Zijn de gegevens nodig voor een rechtsvordering',
        'Is bewaren nodig in het algemeen belang',
        'Is bewaren van aanmerkelijk belang voor een ander',
      ])
        await page
          .getByRole('group', { name: new RegExp(question) })
          .getByLabel('Nee', { exact: true })
          .check();
      await page
        .getByLabel('Motivering van de toets')
        .fill('Geen bewaarplicht voor haar eigen gegevens; het dossier van het gezin blijft.');
      await page.getByLabel('Ik begrijp dat de gegevens definitief worden gewist als geen uitzondering geldt').check();
      await page.getByRole('button', { name: 'Toets vastleggen en wissen' }).click();
      await page
        .getByText(/De gegevens zijn gewist op/)
        .first()
        .waitFor();
      const household = (await callApi(page, 'GET', '/api/avg/persons?name=El%20Amrani')).json as {
        results: Array<{ fullName: string }>;
      };
      const names = household.results.map((r) => r.fullName).sort();
      assert(
        names.includes('Youssef El Amrani') && !names.some((n) => n.startsWith('Fatima')),
        `the rest of the household stays, Fatima is gone (${names.join(', ')})`,
      );
      await expectAccessible(page, 'an erasure request after the erasure');

      // ---- retention: the due demo case is destroyed after confirmation ----
      await page.getByRole('link', { name: 'Te vernietigen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Te vernietigen' }).waitFor();
      await page.getByRole('rowheader', { name: 'AM-2016-00012' }).waitFor();
      await expectAccessible(page, 'the page "Te vernietigen"');
      await page.getByRole('button', { name: 'Vernietigen: AM-2016-00012' }).click();
      await page.getByText('Vink eerst aan dat u hebt gecontroleerd dat dit dossier vernietigd mag worden.').waitFor();
      await page.getByLabel('Ik heb gecontroleerd dat dossier AM-2016-00012 vernietigd mag worden').check();
      await page.getByRole('button', { name: 'Vernietigen: AM-2016-00012' }).click();
      await page.getByText(/Dossier AM-2016-00012 is vernietigd/).waitFor();
      await page.getByRole('cell', { name: /Dossier AM-2016-00012/ }).waitFor();
      await expectAccessible(page, 'the page "Te vernietigen" after a destruction');
      await noScriptRan('the retention page');
      await logOut(page);
    } finally {
      await browser.close();
    }
  },
};

export default journey;
