import { municipalDate } from '@nabij/contracts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export { MUNICIPALITY_TIME_ZONE, municipalDate } from '@nabij/contracts';

/** Today (yyyy-mm-dd) in the municipality's time zone, by the given clock — the date every "today" rule uses. */
export function municipalToday(clock: Clock): string {
  return municipalDate(clock.now());
}
