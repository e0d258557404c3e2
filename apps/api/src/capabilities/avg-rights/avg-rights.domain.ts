import { addMonths, CLOSED_AVG_STATUSES, type AvgStatus, type InspectionCategory } from '@nabij/contracts';

/** AVG art. 12(3): an answer within one month of receipt. */
export const requestDeadline = (receivedOn: string): string => addMonths(receivedOn, 1);
/** … extendable by at most two further months: never later than three months after receipt. */
export const latestExtension = (receivedOn: string): string => addMonths(receivedOn, 3);

export interface DeadlineFacts {
  receivedOn: string;
  deadline: string;
  extendedUntil: string | null;
  status: string;
}

export const isClosed = (status: string): boolean => CLOSED_AVG_STATUSES.includes(status as AvgStatus);
/** The deadline that applies now. */
export const dueOn = (r: DeadlineFacts): string => r.extendedUntil ?? r.deadline;
export const isOverdue = (r: DeadlineFacts, today: string): boolean => !isClosed(r.status) && today > dueOn(r);
export function daysLeft(r: DeadlineFacts, today: string): number {
  return Math.round((Date.parse(`${dueOn(r)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
/** An extension is told to the resident within the first month (AVG art. 12(3)), so it can only be set until then. */
export const canExtend = (r: DeadlineFacts, today: string): boolean =>
  !isClosed(r.status) && r.extendedUntil === null && today <= r.deadline;

/** Why an extension is refused (a Dutch message for the field), or null when it is allowed. */
export function extensionProblem(r: DeadlineFacts, extendedUntil: string, today: string): string | null {
  if (r.extendedUntil !== null) return 'De termijn is al verlengd. Een tweede verlenging kan niet.';
  if (today > r.deadline)
    return 'Verlengen kan alleen binnen een maand na ontvangst: de inwoner moet de verlenging en de reden binnen die maand horen (AVG artikel 12 lid 3).';
  if (extendedUntil <= r.deadline) return 'Kies een datum na de huidige termijn.';
  const latest = latestExtension(r.receivedOn);
  if (extendedUntil > latest) return `Verlengen kan met hoogstens twee maanden: uiterlijk tot ${latest}.`;
  return null;
}

/** "AVG-2026-0007" */
export const formatRequestReference = (year: number, n: number): string => `AVG-${year}-${String(n).padStart(4, '0')}`;

export interface ExceptionCheck {
  retentionObligation: boolean;
  legalClaim: boolean;
  publicInterest: boolean;
  othersInterest: boolean;
}
/**
 * Erasure goes ahead only when no exception applies: a legal retention obligation, a legal claim, the public
 * interest (AVG art. 17(3)), or a substantial interest of someone else (Wmo 2015 art. 5.3.5, Jeugdwet art. 7.3.9).
 */
export const exceptionApplies = (c: ExceptionCheck): boolean =>
  c.retentionObligation || c.legalClaim || c.publicInterest || c.othersInterest;

/**
 * What the copy tells the resident about a category that was left out. The same fixed text for every resident,
 * whatever the file holds, so that an exclusion never reveals that (for instance) a Meldcode record exists; the
 * privacy officer's own reason stays in the register.
 */
export const EXCLUSION_TEXT: Record<InspectionCategory, string> = {
  internal_notes:
    'Werkaantekeningen die de medewerker als intern heeft gemarkeerd zijn niet opgenomen, om de rechten van anderen te beschermen (AVG artikel 15 lid 4).',
  meldcode:
    'Gegevens die zijn vastgelegd in het kader van de Meldcode huiselijk geweld en kindermishandeling worden niet meegegeven voor zover dat nodig is voor de veiligheid van betrokkenen (Wmo 2015 artikel 5.3.2 lid 4; UAVG artikel 41).',
  network_persons:
    'Gegevens over mensen uit uw netwerk (familie, vrienden, buren) zijn niet opgenomen, om hun privacy te beschermen (AVG artikel 15 lid 4).',
  other_household_members:
    'Gegevens over andere leden van uw huishouden zijn niet opgenomen; zij kunnen zelf om inzage vragen (AVG artikel 15 lid 4).',
};
export const INCLUSION_TEXT: Record<InspectionCategory, string> = {
  internal_notes: 'Werkaantekeningen die als intern zijn gemarkeerd zijn opgenomen.',
  meldcode: 'Gegevens in het kader van de Meldcode zijn opgenomen voor zover die er zijn.',
  network_persons: 'Gegevens over mensen uit uw netwerk zijn opgenomen.',
  other_household_members: 'Gegevens over andere leden van uw huishouden zijn opgenomen.',
};
