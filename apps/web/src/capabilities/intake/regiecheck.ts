/** Pure rules of the regiecheck form: choices per person, the households to offer, the request. No I/O. */
import type { PersonMatchReason } from '@nabij/contracts';
import { t } from '../../app/i18n';
import type { ValidationIssue } from '../../app/errors';

export const NEW_CHOICE = 'new';

export interface RegiecheckMatch {
  person: {
    id: string;
    fullName: string;
    dateOfBirth: string | null;
    postcode: string | null;
    houseNumber: string | null;
    isMinor: boolean | null;
    age?: number | null;
    ageEstimated?: boolean;
  };
  matchedOn: string[];
  /** Why this person was found (ADR 0030), strongest first: shown in Dutch as "achternaam gelijk", "klinkt gelijk (ij/y)", … */
  reasons?: PersonMatchReason[];
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
    /** In watch or closed: why it was closed and the risk that remained (issue #17 item 17). */
    closure?: { closedOn: string; reason: string; reasonText: string; riskNote: string | null } | null;
  }[];
}

export interface RegiecheckResult {
  residents: { referralPersonId: string; matches: RegiecheckMatch[] }[];
  /** The existing household the persons found belong to: chosen by default instead of a new one (ADR 0029). */
  proposedHouseholdId?: string | null;
  /** Open case files of the persons found or their households (issue #17 item 7): the referral will join such a case. */
  openCases?: { caseId: string; reference: string | null; workerName: string; teamName: string }[];
}

/** The household chosen at the start: the referral's own, else the proposed existing one, else a new one. */
export function initialHouseholdChoice(result: RegiecheckResult, referralHouseholdId: string | null): string {
  return referralHouseholdId ?? result.proposedHouseholdId ?? NEW_CHOICE;
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
export function householdsToOffer(
  result: RegiecheckResult,
  choices: Readonly<Record<string, string>>,
): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of result.residents) {
    const chosen = choices[r.referralPersonId];
    for (const m of r.matches) {
      if (m.person.id !== chosen) continue;
      for (const h of m.households) if (!seen.has(h.id)) seen.set(h.id, h.name);
    }
  }
  // The proposed household first.
  return [...seen]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => Number(b.id === result.proposedHouseholdId) - Number(a.id === result.proposedHouseholdId));
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
    if (!choice)
      issues.push({ path: ['links', index], message: t('regie.chooseLink', { name: nameOf(r.referralPersonId) }) });
    return { referralPersonId: r.referralPersonId, personId: choice && choice !== NEW_CHOICE ? choice : null };
  });
  if (issues.length > 0) return { ok: false, issues };
  const offered = householdsToOffer(result, choices);
  const householdId =
    householdChoice !== NEW_CHOICE && offered.some((h) => h.id === householdChoice) ? householdChoice : null;
  return { ok: true, request: { version, links, householdId, knownCoordinationElsewhere } };
}
