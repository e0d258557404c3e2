/**
 * Plain Dutch (B1) for residents: the one set of life-domain labels used wherever a resident looks — the public
 * referral form, Mijn Nabij, the plan PDF and letters — and the list of professional words that must never reach a
 * resident's screen or mailbox (tests scan every resident-facing text for it). Staff screens keep the ZRM names
 * (`domain.<code>` in the web app's messages). ADR 0040.
 */
import type { LIFE_DOMAINS } from './intake';

type LifeDomain = (typeof LIFE_DOMAINS)[number];

/**
 * The plan PDF's labels (issue #19 item 5), written so they read right for a resident and for a professional who
 * refers one: "Geld en schulden", not "Financiën"; "Wassen, aankleden en eten", not "Basale ADL".
 */
export const PLAIN_DOMAIN_LABELS: Readonly<Record<LifeDomain, string>> = {
  finances: 'Geld en schulden',
  work_education: 'Werk en opleiding',
  time_use: 'Bezigheden overdag',
  housing: 'Wonen',
  domestic_relations: 'Relaties in huis',
  parenting: 'Opvoeden van de kinderen',
  mental_health: 'Gevoel en psychische gezondheid',
  physical_health: 'Lichamelijke gezondheid',
  substance_use: 'Alcohol en drugs',
  basic_adl: 'Wassen, aankleden en eten',
  instrumental_adl: 'Het huishouden en de administratie',
  social_network: 'Familie, vrienden en buren',
  community_participation: 'Meedoen in de buurt',
  justice: 'Politie en justitie',
};

/** The plain label of a life domain; an unknown code is returned as is, so the gap is visible. */
export function plainDomainLabel(domain: string): string {
  return (PLAIN_DOMAIN_LABELS as Readonly<Record<string, string>>)[domain] ?? domain;
}

/**
 * Words and forms residents do not understand or should not have to decode (issue #19 item 5), found by
 * case-insensitive search: the ZRM's ADL names, the intake meeting's name, the BSN check's name, "(en)" plurals and
 * date formats to type.
 */
export const RESIDENT_JARGON: readonly { pattern: RegExp; word: string }[] = [
  { pattern: /\bbasale adl\b/i, word: 'Basale ADL' },
  { pattern: /\binstrumentele adl\b/i, word: 'Instrumentele ADL' },
  { pattern: /\badl\b/i, word: 'ADL' },
  { pattern: /elfproef/i, word: 'elfproef' },
  { pattern: /aanmeldoverleg/i, word: 'aanmeldoverleg' },
  { pattern: /\w\((en|s|n)\)/i, word: 'bericht(en)' },
  { pattern: /jjjj|dd-mm-|mm-dd/i, word: '(jjjj-mm-dd)' },
];

/** The jargon found in a text (empty when it is plain). */
export function findJargon(text: string): string[] {
  return RESIDENT_JARGON.filter((j) => j.pattern.test(text)).map((j) => j.word);
}
