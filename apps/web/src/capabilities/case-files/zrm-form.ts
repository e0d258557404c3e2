/** Pure state of the ZRM scoring form: domain order, defaults, keyboard shortcuts, validation and the request. No I/O. */
import { ASSESSMENT_KINDS, ZRM_INSTRUMENTS, type ZrmInstrument } from '@nabij/contracts';
import type { ValidationIssue } from '../../app/errors';
import { t } from '../../app/i18n';

export type ZrmLevel = '' | '1' | '2' | '3' | '4' | '5';
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const ZRM_LEVEL_VALUES = ['1', '2', '3', '4', '5'] as const;

export interface ZrmRowValues {
  score: ZrmLevel;
  note: string;
  outOfScopeReason: string;
}

export interface ZrmFormValues {
  personId: string;
  kind: AssessmentKind;
  assessedOn: string;
  instrument: ZrmInstrument;
  rows: Record<string, ZrmRowValues>;
  /** One reason for every scored domain outside the help question (asked once, not per domain). */
  outOfScopeReason: string;
}

export interface OrderedDomain {
  domain: string;
  inQuestion: boolean;
}

const ZRM2013_NAMES: Record<string, string> = {
  work_education: 'daytime_activities',
  time_use: 'daytime_activities',
  substance_use: 'addiction',
  basic_adl: 'adl',
  instrumental_adl: 'adl',
};

/** The help question's life domains as domains of the instrument (ZRM 2013 names some differently; same rule as the API). */
export function questionDomainsFor(instrument: ZrmInstrument, lifeDomains: readonly string[]): Set<string> {
  if (instrument === 'zrm2017') return new Set(lifeDomains);
  return new Set(lifeDomains.map((d) => ZRM2013_NAMES[d] ?? d));
}

/** The instrument's domains with those of the help question first, each group in the instrument's order. */
export function orderedDomains(instrument: ZrmInstrument, lifeDomains: readonly string[]): OrderedDomain[] {
  const question = questionDomainsFor(instrument, lifeDomains);
  const all: readonly string[] = ZRM_INSTRUMENTS[instrument];
  return [...all.filter((d) => question.has(d)), ...all.filter((d) => !question.has(d))].map((domain) => ({
    domain,
    inQuestion: question.has(domain),
  }));
}

export function emptyRows(instrument: ZrmInstrument): Record<string, ZrmRowValues> {
  return Object.fromEntries(ZRM_INSTRUMENTS[instrument].map((d) => [d, { score: '', note: '', outOfScopeReason: '' }]));
}

/** The first measurement of a person is the start measurement; later ones are interim until someone picks "closing". */
export function defaultKind(assessments: readonly { personId: string }[], personId: string): AssessmentKind {
  return assessments.some((a) => a.personId === personId) ? 'interim' : 'start';
}

export function emptyZrmForm(
  personId: string,
  kind: AssessmentKind,
  today: string,
  instrument: ZrmInstrument = 'zrm2017',
): ZrmFormValues {
  return { personId, kind, assessedOn: today, instrument, rows: emptyRows(instrument), outOfScopeReason: '' };
}

/** The level a key press chooses in a row: "1"–"5", or "0" for "niet besproken"; undefined for other keys. */
export function levelForKey(key: string): ZrmLevel | undefined {
  if (key === '0') return '';
  return (ZRM_LEVEL_VALUES as readonly string[]).includes(key) ? (key as ZrmLevel) : undefined;
}

/**
 * What a key press in a domain's radio group does beyond the standard radio-group keys (arrows, Space, Tab, which are
 * left to the browser): a digit chooses that level and moves focus on — to the next domain's checked radio button, or
 * after the last domain to the reason field when a domain outside the help question is scored, else to the submit
 * button. Only while focus is in the group, and never with a modifier key (WCAG 2.1.4). Undefined: not ours.
 */
export type ZrmKeyFocus = { domain: string; score: ZrmLevel } | 'reason' | 'submit';
export function zrmKeyAction(
  key: { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean },
  domain: string,
  values: ZrmFormValues,
  order: readonly OrderedDomain[],
): { score: ZrmLevel; focus: ZrmKeyFocus } | undefined {
  if (key.altKey || key.ctrlKey || key.metaKey) return undefined;
  const score = levelForKey(key.key);
  if (score === undefined) return undefined;
  const at = order.findIndex((d) => d.domain === domain);
  const next = order[at + 1];
  if (at >= 0 && next) return { score, focus: { domain: next.domain, score: values.rows[next.domain]?.score ?? '' } };
  const after: ZrmFormValues = {
    ...values,
    rows: { ...values.rows, [domain]: { ...(values.rows[domain] ?? { note: '', outOfScopeReason: '' }), score } },
  };
  return { score, focus: outOfScopeScored(after, order).length > 0 ? 'reason' : 'submit' };
}

/** The scored domains in display order: their index is the `N` of the API's `scores.N.…` field paths. */
export function scoredDomains(values: ZrmFormValues, order: readonly OrderedDomain[]): OrderedDomain[] {
  return order.filter((d) => (values.rows[d.domain]?.score ?? '') !== '');
}

/** The index a domain's score gets in the request, or -1 when it is not scored. */
export function scoreIndex(values: ZrmFormValues, order: readonly OrderedDomain[], domain: string): number {
  return scoredDomains(values, order).findIndex((d) => d.domain === domain);
}

/** A scored domain outside the help question needs a reason (record only what the question needs). */
export function needsReason(values: ZrmFormValues, d: OrderedDomain): boolean {
  return !d.inQuestion && (values.rows[d.domain]?.score ?? '') !== '';
}

/** The scored domains outside the help question: one reason covers them all. */
export function outOfScopeScored(values: ZrmFormValues, order: readonly OrderedDomain[]): OrderedDomain[] {
  return scoredDomains(values, order).filter((d) => !d.inQuestion);
}

export function toRecordZrmInput(values: ZrmFormValues, order: readonly OrderedDomain[]) {
  return {
    personId: values.personId,
    instrument: values.instrument,
    kind: values.kind,
    assessedOn: values.assessedOn,
    scores: scoredDomains(values, order).map((d) => {
      const row = values.rows[d.domain];
      return {
        domain: d.domain,
        score: Number(row?.score),
        note: row?.note ?? '',
        outOfScopeReason: '',
      };
    }),
    outOfScopeReason: outOfScopeScored(values, order).length ? values.outOfScopeReason : '',
  };
}

/** The check the contract cannot make on its own: one reason when domains outside the help question are scored. */
export function zrmFormIssues(values: ZrmFormValues, order: readonly OrderedDomain[]): ValidationIssue[] {
  const outside = outOfScopeScored(values, order);
  return outside.length && !values.outOfScopeReason.trim()
    ? [
        {
          path: ['outOfScopeReason'],
          message: t('zrmForm.reasonRequired', { domains: outside.map((d) => t(`zrm.${d.domain}`)).join(', ') }),
        },
      ]
    : [];
}

/** The field paths in display order, for the error summary. */
export function zrmFieldOrder(count: number): string[] {
  const rows = Array.from({ length: count }, (_, i) => [
    `scores.${i}.domain`,
    `scores.${i}.score`,
    `scores.${i}.outOfScopeReason`,
    `scores.${i}.note`,
  ]).flat();
  return ['personId', 'kind', 'assessedOn', 'instrument', 'scores', ...rows, 'outOfScopeReason'];
}
