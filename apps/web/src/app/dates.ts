/**
 * Dates in the browser, always in the municipality's time zone (not UTC, not the device's zone), so that a form used
 * between midnight and 01:00/02:00 offers and accepts the same "today" as the server (ADR 0039).
 */
import { addDays, municipalDate } from '@nabij/contracts';

/** Today (yyyy-mm-dd) in the municipality's time zone: the value for a date input's default and its `max`. */
export function municipalToday(now: Date = new Date()): string {
  return municipalDate(now);
}

/** The calendar date (yyyy-mm-dd) of an instant from the API (an ISO timestamp) in the municipality's time zone. */
export function municipalDay(instant: string): string {
  const moment = new Date(instant);
  return Number.isNaN(moment.getTime()) ? instant.slice(0, 10) : municipalDate(moment);
}

/** Today plus a number of days (negative goes back), e.g. the default due date a week ahead. */
export function daysFromToday(days: number, now: Date = new Date()): string {
  return addDays(municipalToday(now), days);
}
