/** Pure rules of the host desk's tally. No I/O. */

/** The topics of a question at the desk, in display order (labels `hostCategory.<code>`). */
export const HOST_CATEGORIES = [
  'information',
  'volunteering',
  'money',
  'housing',
  'care_and_health',
  'paperwork',
  'other',
] as const;

export interface TallyRow {
  category: string;
  answered: number;
  handedOver: number;
}

/** The day's totals over all topics. */
export function tallyTotals(rows: readonly TallyRow[]): { answered: number; handedOver: number } {
  return rows.reduce((sum, r) => ({ answered: sum.answered + r.answered, handedOver: sum.handedOver + r.handedOver }), {
    answered: 0,
    handedOver: 0,
  });
}
