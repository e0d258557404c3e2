/**
 * Pure rules of the quick contact form and the journaal list: the form's values and what is sent, the filter's
 * query string, total time in Dutch. No I/O.
 */
import { CONTACT_KINDS, type ContactView } from '@nabij/contracts';
import { t } from '../../app/i18n';
import { mayWorkOnCase } from '../tasks/task-groups';

/** Durations offered as one-click buttons next to the duration field, in minutes. */
export const DURATION_PRESETS = [15, 30, 60] as const;

/** The order of the form's fields, for the error summary (names as the API's `fieldErrors` uses them). */
export const CONTACT_FIELDS = [
  'kind',
  'contactOn',
  'durationMinutes',
  'participants',
  'note',
  'goalIds',
  'internal',
  'attachments',
] as const;

export interface ContactFormValues {
  kind: string;
  contactOn: string;
  /** As typed: "45", "1:30" or empty. */
  duration: string;
  participants: string;
  note: string;
  goalIds: string[];
  internal: boolean;
}

/** A fresh form: no kind chosen (a conscious choice), dated today. */
export function emptyContactForm(today: string): ContactFormValues {
  return { kind: '', contactOn: today, duration: '', participants: '', note: '', goalIds: [], internal: false };
}

/**
 * What the duration field holds, as minutes: empty → undefined (not filled in), "45" → 45, "1:30" → 90
 * (hours and minutes). Anything else is returned as typed, so the contract refuses it with its Dutch message.
 */
export function parseDuration(typed: string): number | string | undefined {
  const value = typed.trim();
  if (value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const hm = /^(\d+)[:.,u](\d{2})$/.exec(value);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2]);
  return value;
}

export interface AttachmentPayload {
  filename: string;
  contentBase64: string;
}

/** The request body for `POST /api/cases/:id/contacts` (validated with the contract before sending). */
export function toLogContactInput(
  values: ContactFormValues,
  extra: { idempotencyKey: string; attachments: readonly AttachmentPayload[] },
) {
  return {
    idempotencyKey: extra.idempotencyKey,
    kind: values.kind === '' ? undefined : values.kind,
    contactOn: values.contactOn,
    durationMinutes: parseDuration(values.duration),
    participants: values.participants,
    note: values.note,
    internal: values.internal,
    goalIds: values.goalIds,
    attachments: extra.attachments.map((a) => ({ filename: a.filename, contentBase64: a.contentBase64 })),
  };
}

export interface ContactFilterValues {
  kind: string;
  goalId: string;
  from: string;
  to: string;
  q: string;
}

export const NO_FILTER: ContactFilterValues = { kind: '', goalId: '', from: '', to: '', q: '' };

/** "?kind=phone&q=brief" with only the filters that are set; empty when none is. */
export function contactFilterQuery(filter: ContactFilterValues): string {
  const params = new URLSearchParams();
  for (const key of ['kind', 'goalId', 'from', 'to', 'q'] as const) {
    const value = filter[key].trim();
    if (value !== '') params.set(key, value);
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

export function isFiltered(filter: ContactFilterValues): boolean {
  return contactFilterQuery(filter) !== '';
}

/** "45 minuten", "1 uur", "2 uur en 15 minuten". */
export function formatMinutes(total: number): string {
  if (total === 1) return t('contactLog.minuteOne');
  if (total < 60) return t('contactLog.minutes', { minutes: total });
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return minutes === 0 ? t('contactLog.hours', { hours }) : t('contactLog.hoursAndMinutes', { hours, minutes });
}

/** The line above the list: how many contacts (found) and their total time. */
export function countText(count: number, totalMinutes: number, filtered: boolean): string {
  const total = formatMinutes(totalMinutes);
  if (filtered)
    return count === 1 ? t('contactLog.countFilteredOne', { total }) : t('contactLog.countFiltered', { count, total });
  return count === 1 ? t('contactLog.countOne', { total }) : t('contactLog.count', { count, total });
}

export function contactKindLabel(kind: string): string {
  return t(`contactLog.kind.${kind}`);
}

/** The kinds in the order the form offers them: home visit first. */
export function contactKindChoices(): { value: string; label: string }[] {
  return CONTACT_KINDS.map((kind) => ({ value: kind, label: contactKindLabel(kind) }));
}

/** The newest `limit` contacts, unless all are asked for. The API already sends them newest first. */
export function visibleContacts(
  contacts: readonly ContactView[],
  showAll: boolean,
  limit = 10,
): readonly ContactView[] {
  return showAll ? contacts : contacts.slice(0, limit);
}

/** Whether to offer the quick form: the same rule as for other work on the case (see `mayWorkOnCase`). */
export const mayLogContacts = mayWorkOnCase;

/**
 * Server field errors keyed by their top-level field (`attachments.0.contentBase64` → `attachments`), so they
 * show next to the form's fields and link from the error summary.
 */
export function topLevelFieldErrors(fieldErrors: Readonly<Record<string, string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const head = key.split('.')[0] ?? key;
    (out[head] ??= []).push(...messages);
  }
  return out;
}
