export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** ISO date (yyyy-mm-dd) of a moment in the Europe/Amsterdam time zone. */
export function amsterdamDate(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}
