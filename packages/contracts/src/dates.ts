/**
 * Calendar dates in the municipality's time zone, for the API and the web app alike. Every municipality Nabij serves is
 * Dutch, so the zone is one constant rather than a setting per tenant (ADR 0039); "today" is never the UTC date.
 */
export const MUNICIPALITY_TIME_ZONE = 'Europe/Amsterdam';

const isoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: MUNICIPALITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (yyyy-mm-dd) of a moment in the municipality's time zone: 23:30 UTC on 6 May is 7 May in summer. */
export function municipalDate(moment: Date): string {
  return isoDate.format(moment);
}
