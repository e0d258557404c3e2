/**
 * Issue #21 item 1: the accessibility statement (the Dutch model statement's parts), the privacy statement and
 * contact render for a municipality and without one, and every footer — the staff app and its login pages
 * (AppFooter), the public referral form (PublicLayout) and Mijn Nabij (ResidentFrame) — links to all three, with the
 * municipality where the frame knows it.
 */
import type { PublicOrganisationInfo } from '@nabij/contracts';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppFooter } from '../../app/AppLayout';
import { PublicLayout } from '../intake/PublicLayout';
import { ResidentFrame } from '../resident/ResidentLayout';
import { AccessibilityStatement, ContactDetails, PrivacyStatement, STATEMENTS_DATE } from './StatementPages';

const render = (node: ReactNode) => renderToStaticMarkup(<MemoryRouter>{node}</MemoryRouter>);
/** The text a reader gets: tags dropped, entities of the renderer decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const voorbeeld: PublicOrganisationInfo = {
  tenantName: 'Gemeente Voorbeeld',
  tenantSlug: 'voorbeeld',
  teams: [
    { name: 'Wijkteam Noord', area: 'Noord', phone: '030 700 10 10', email: 'wijkteam.noord@voorbeeld.example' },
    { name: 'Wijkteam Zuid', area: null, phone: null, email: null },
  ],
};

function footerLinks(html: string): string[] {
  const footer = /<footer[^>]*>([\s\S]*?)<\/footer>/.exec(html)?.[1] ?? '';
  return [...footer.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[2]!} → ${m[1]!}`);
}

describe('the footer of every frame', () => {
  const withSlug = [
    'Toegankelijkheid → /toegankelijkheidsverklaring/voorbeeld',
    'Privacy → /privacyverklaring/voorbeeld',
    'Contact → /contact/voorbeeld',
  ];
  it('links the staff app and its login pages to the statements and contact', () => {
    expect(footerLinks(render(<AppFooter tenantSlug="voorbeeld" />))).toEqual(withSlug);
    // Before login (the login pages) the municipality is not known yet.
    expect(footerLinks(render(<AppFooter />))).toEqual([
      'Toegankelijkheid → /toegankelijkheidsverklaring',
      'Privacy → /privacyverklaring',
      'Contact → /contact',
    ]);
  });

  it('links the public referral form and Mijn Nabij to them, with the municipality', () => {
    const form = render(
      <PublicLayout tenantName="Gemeente Voorbeeld" tenantSlug="voorbeeld">
        <p>formulier</p>
      </PublicLayout>,
    );
    expect(footerLinks(form)).toEqual(withSlug);
    expect(text(form)).toContain('Aanmelden bij het wijkteam · Gemeente Voorbeeld');
    const portal = render(
      <ResidentFrame tenantName="Gemeente Voorbeeld" tenantSlug="voorbeeld">
        <p>plan</p>
      </ResidentFrame>,
    );
    expect(footerLinks(portal)).toEqual(withSlug);
    // The footer is the page's contentinfo landmark, not a second navigation.
    expect(portal).not.toMatch(/<nav\b/);
  });
});

describe('the accessibility statement', () => {
  it('has the parts of the model statement: scope, status, measures, limitations, reporting with its term, who is responsible, the date', () => {
    const html = render(<AccessibilityStatement organisation={voorbeeld} site="nabij.voorbeeld.nl" />);
    const page = text(html);
    for (const heading of [
      'Waarvoor geldt deze verklaring?',
      'Hoe toegankelijk is Nabij?',
      'Wat doen wij al?',
      'Wat werkt nog niet goed?',
      'Werkt iets niet voor u?',
      'Wie is verantwoordelijk?',
    ])
      expect([heading, html.includes(`>${heading}</h`)]).toEqual([heading, true]);
    expect(page).toContain('Deze verklaring geldt voor Nabij van Gemeente Voorbeeld op nabij.voorbeeld.nl.');
    expect(page).toContain('Status: C – eerste maatregelen genomen.');
    expect(page).toContain('WCAG 2.2');
    expect(page).toContain('onafhankelijk bureau heeft Nabij nog niet helemaal onderzocht');
    expect(page).toContain('Binnen 15 werkdagen krijgt u antwoord.');
    expect(page).toContain('Gemeente Voorbeeld is verantwoordelijk voor Nabij en voor deze verklaring.');
    expect(page).toContain(`Deze verklaring is gemaakt op ${STATEMENTS_DATE}.`);
    expect(html).toContain('href="/contact/voorbeeld"');
  });

  it('speaks of "de gemeente" when the municipality is not known, with a capital at the start of a sentence', () => {
    const page = text(render(<AccessibilityStatement organisation={undefined} site="nabij.example" />));
    expect(page).toContain('De gemeente wil dat iedereen Nabij kan gebruiken.');
    expect(page).toContain('De gemeente is verantwoordelijk voor Nabij');
    expect(page).not.toContain('{tenant}');
  });
});

describe('the privacy statement', () => {
  it('names the controller, what is recorded, the four laws, who sees it, retention, the rights through Mijn Nabij, the FG and the AP', () => {
    const html = render(<PrivacyStatement organisation={voorbeeld} />);
    const page = text(html);
    expect(page).toContain('Gemeente Voorbeeld is verantwoordelijk voor uw gegevens in Nabij.');
    for (const law of [
      'Wet maatschappelijke ondersteuning 2015 (Wmo 2015)',
      'de Jeugdwet',
      'de Participatiewet',
      'de Wet gemeentelijke schuldhulpverlening',
    ])
      expect([law, page.includes(law)]).toEqual([law, true]);
    expect(page).toContain('burgerservicenummer (BSN)');
    expect(page).toContain('Wmo 2015: 15 jaar na het einde van de hulp');
    expect(page).toContain('Jeugdwet: 20 jaar na de laatste verandering');
    expect(page).toContain('U krijgt binnen een maand antwoord.');
    expect(page).toContain('functionaris gegevensbescherming (FG)');
    expect(page).toContain('Autoriteit Persoonsgegevens');
    expect(html).toContain('href="/mijn"');
    expect(page).not.toContain('{tenant}');
  });
});

describe('contact', () => {
  it('lists each team with its phone and e-mail as links, says so when a team has none, and links the form', () => {
    const html = render(<ContactDetails organisation={voorbeeld} />);
    const page = text(html);
    expect(html).toContain('href="tel:0307001010"');
    expect(html).toContain('href="mailto:wijkteam.noord@voorbeeld.example"');
    expect(page).toContain('Wijk: Noord');
    expect(page).toContain(
      'Wijkteam Zuid Voor dit team staan nog geen telefoonnummer en e-mailadres in Nabij. Neem contact op met Gemeente Voorbeeld.',
    );
    expect(page).toContain('Bel 112');
    expect(html).toContain('href="/aanmelden/voorbeeld"');
  });

  it('without a known municipality shows no team and points to the municipality', () => {
    const html = render(<ContactDetails organisation={undefined} />);
    expect(text(html)).toContain('Neem contact op met de gemeente, via de website');
    expect(html).not.toContain('tel:');
    expect(html).toContain('href="/aanmelden"');
  });
});
