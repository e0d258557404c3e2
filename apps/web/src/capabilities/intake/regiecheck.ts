/** Pure rules of the regiecheck form: choices per person, the households to offer, the request. No I/O. */
import { t } from '../../app/i18n';
import type { ValidationIssue } from '../../app/errors';

export const NEW_CHOICE = 'new';

export interface RegiecheckMatch {
  person: { id: string; fullName: string; dateOfBirth: string | null; postcode: string | null; houseNumber: string | null; isMinor: boolean | null };
  matchedOn: string[];
  households: { id: string; name: string }[];
  caseFiles: {
    id: string;
    status: 'open' | 'closed';
    closedAt: string | null;
    teamName: string;
    contactPerson: string | null;
    /** The case's phase (`watch`: waakvlam), and whether completing the regiecheck links this referral to it. */
    phase?: string;
    linksToCase?: boolean;
  }[];
}

export interface RegiecheckResult {
  residents: { referralPersonId: string; matches: RegiecheckMatch[] }[];
}

/** Starting choices: a person already linked stays linked; otherwise nothing is chosen yet. */
export function initialLinkChoices(
  result: RegiecheckResult,
  linked: readonly { id: string; personId: string | null }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of result.residents) {
    const personId = linked.find((l) => l.id === r.referralPersonId)?.personId;
    out[r.referralPersonId] = personId && r.matches.some((m) => m.person.id === personId) ? personId : '';
  }
  return out;
}

/** The households of the persons chosen to link, each once, in the order found. */
export function householdsToOffer(result: RegiecheckResult, choices: Readonly<Record<string, string>>): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of result.residents) {
    const chosen = choices[r.referralPersonId];
    for (const m of r.matches) {
      if (m.person.id !== chosen) continue;
      for (const h of m.households) if (!seen.has(h.id)) seen.set(h.id, h.name);
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

export interface RegiecheckRequest {
  version: number;
  links: { referralPersonId: string; personId: string | null }[];
  householdId: string | null;
  knownCoordinationElsewhere: string;
}

/** Builds the request, or the issues (path `links.<index>`) for persons without a choice. */
export function buildRegiecheckRequest(
  version: number,
  result: RegiecheckResult,
  choices: Readonly<Record<string, string>>,
  householdChoice: string,
  knownCoordinationElsewhere: string,
  nameOf: (referralPersonId: string) => string,
): { ok: true; request: RegiecheckRequest } | { ok: false; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const links = result.residents.map((r, index) => {
    const choice = choices[r.referralPersonId] ?? '';
    if (!choice) issues.push({ path: ['links', index], message: t('regie.chooseLink', { name: nameOf(r.referralPersonId) }) });
    return { referralPersonId: r.referralPersonId, personId: choice && choice !== NEW_CHOICE ? choice : null };
  });
  if (issues.length > 0) return { ok: false, issues };
  const offered = householdsToOffer(result, choices);
  const householdId = householdChoice !== NEW_CHOICE && offered.some((h) => h.id === householdChoice) ? householdChoice : null;
  return { ok: true, request: { version, links, householdId, knownCoordinationElsewhere } };
}
