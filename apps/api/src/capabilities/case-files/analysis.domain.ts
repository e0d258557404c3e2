import { ZRM_INSTRUMENTS, type ZrmInstrument } from '@nabij/contracts';

/** The help question's life domains as ZRM domains of an instrument (ZRM 2013 names some domains differently). */
export function questionDomainsFor(instrument: ZrmInstrument, lifeDomains: readonly string[]): Set<string> {
  if (instrument === 'zrm2017') return new Set(lifeDomains);
  const map: Record<string, string> = {
    work_education: 'daytime_activities',
    time_use: 'daytime_activities',
    substance_use: 'addiction',
    basic_adl: 'adl',
    instrumental_adl: 'adl',
  };
  return new Set(lifeDomains.map((d) => map[d] ?? d));
}

export interface ScoreCheck {
  domain: string;
  outOfScopeReason?: string | undefined;
}

/**
 * Scores only for the instrument's domains, each domain once, and a short reason for every domain
 * outside the help question (record only what the question needs). Returns field errors by index.
 */
export function checkZrmScores(
  instrument: ZrmInstrument,
  scores: readonly ScoreCheck[],
  questionDomains: ReadonlySet<string>,
): Record<string, string[]> {
  const allowed = new Set<string>(ZRM_INSTRUMENTS[instrument]);
  const errors: Record<string, string[]> = {};
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    if (!allowed.has(s.domain))
      errors[`scores.${i}.domain`] = ['Dit leefgebied hoort niet bij deze versie van de ZRM.'];
    else if (seen.has(s.domain)) errors[`scores.${i}.domain`] = ['Elk leefgebied wordt één keer gescoord.'];
    else if (!questionDomains.has(s.domain) && !s.outOfScopeReason) {
      errors[`scores.${i}.outOfScopeReason`] = [
        'Dit leefgebied valt buiten de hulpvraag. Geef kort aan waarom u het toch scoort.',
      ];
    }
    seen.add(s.domain);
  });
  return errors;
}

/** A ZRM score of 1–2 on household relations, or a high child-safety risk, suggests starting the Meldcode. */
export function suggestsMeldcode(latestDomesticRelationsScore: number | null, latestRiskLevel: string | null): boolean {
  return (latestDomesticRelationsScore !== null && latestDomesticRelationsScore <= 2) || latestRiskLevel === 'high';
}

/** Outreach: flagged for the team when no contact was made within the configured number of weeks after the first attempt. */
export function isOutreachOverdue(
  attempts: ReadonlyArray<{ attemptedOn: string; contactMade: boolean }>,
  weeks: number,
  today: string,
): boolean {
  if (attempts.length === 0 || attempts.some((a) => a.contactMade)) return false;
  const first = attempts.map((a) => a.attemptedOn).sort()[0]!;
  const limit = new Date(`${first}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + weeks * 7);
  return today >= limit.toISOString().slice(0, 10);
}

/** A consent is active from the day it was given until it expires or is withdrawn. */
export function isConsentActive(
  c: { givenOn: string; expiresOn: string | null; withdrawnOn: string | null },
  today: string,
): boolean {
  return c.givenOn <= today && (!c.expiresOn || c.expiresOn >= today) && !c.withdrawnOn;
}
