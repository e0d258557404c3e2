/** Dutch wording used in letters and the timeline (plain language, B1). */
export const CONCLUSION_TEXT: Record<string, string> = {
  continue: 'doorgaan met het plan',
  adjust_plan: 'het plan bijstellen',
  closure: 'afronden',
};

export const GOAL_STATUS_TEXT: Record<string, string> = {
  achieved: 'bereikt',
  partly: 'deels bereikt',
  not_achieved: 'niet bereikt',
  ongoing: 'loopt nog',
};

/**
 * What the letters say about the goals: the result of each goal as recorded at closure — or, without an agreed plan,
 * that no goals were agreed (never "what was achieved" when nothing was planned).
 */
export function resultsText(
  goals: ReadonlyArray<{ goal: string; status: string; result: string }>,
  hadPlan: boolean,
): string {
  if (!hadPlan || goals.length === 0) return 'Er was nog geen plan met doelen afgesproken.';
  const lines = goals.map(
    (g) =>
      `- ${g.goal.trim().replace(/[.!?]+$/, '')}: ${GOAL_STATUS_TEXT[g.status] ?? g.status}.${g.result ? ` ${g.result}` : ''}`,
  );
  const all = goals.every((g) => g.status === 'achieved');
  const none = goals.every((g) => g.status === 'not_achieved');
  const intro = all
    ? 'De doelen uit uw plan zijn bereikt:'
    : none
      ? 'De doelen uit uw plan zijn niet bereikt:'
      : 'Zo staat het met de doelen uit uw plan:';
  return `${intro}\n${lines.join('\n')}`;
}

export function reasonText(reason: string, referredTo: string | null, other: string | null): string {
  switch (reason) {
    case 'goals_reached':
      return 'de doelen uit het plan zijn bereikt';
    case 'referred_elsewhere':
      return `de hulp gaat verder bij ${referredTo ?? 'een andere organisatie'}`;
    case 'household_stopped':
      return 'het huishouden wilde stoppen met de begeleiding';
    case 'no_contact_after_outreach':
      return 'het is niet gelukt contact te krijgen';
    case 'moved':
      return 'het huishouden is verhuisd';
    default:
      return other ?? 'een andere reden';
  }
}

export const CHECK_IN_WAY_TEXT: Record<string, string> = {
  phone: 'telefonisch',
  home_visit: 'huisbezoek',
  office: 'op kantoor',
  video: 'beeldbellen',
  message: 'bericht',
  other: 'anders',
};
