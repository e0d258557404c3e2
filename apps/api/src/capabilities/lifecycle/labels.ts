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
