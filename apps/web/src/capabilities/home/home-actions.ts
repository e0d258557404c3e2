/** Pure rules for the home page: which quick actions a user gets. No I/O. */

export interface QuickAction {
  to: string;
  labelKey:
    | 'home.actionSearch'
    | 'home.actionRegister'
    | 'home.actionUsers'
    | 'home.actionReferrals'
    | 'home.actionRegisterReferral'
    | 'home.actionMeetings'
    | 'home.actionAssignment'
    | 'home.actionHostQuestion'
    | 'home.actionAccessLog'
    | 'home.actionEmergencyReview'
    | 'home.actionDashboard';
  primary: boolean;
}

/** Quick actions in display order, from the user's permissions; the first one is the main action. */
export function quickActions(permissions: readonly string[]): QuickAction[] {
  const has = new Set(permissions);
  const actions: Omit<QuickAction, 'primary'>[] = [];
  if (has.has('host_question:write')) actions.push({ to: '/balie', labelKey: 'home.actionHostQuestion' });
  if (has.has('referral:read')) actions.push({ to: '/aanmeldingen', labelKey: 'home.actionReferrals' });
  // A phone call is registered straight from Mijn werk (issue #19: one step less than through the inbox).
  if (has.has('referral:write')) actions.push({ to: '/aanmeldingen/nieuw', labelKey: 'home.actionRegisterReferral' });
  if (has.has('meeting:read')) actions.push({ to: '/overleg', labelKey: 'home.actionMeetings' });
  if (has.has('case:assign')) actions.push({ to: '/verdeling', labelKey: 'home.actionAssignment' });
  if (has.has('person:read')) actions.push({ to: '/personen', labelKey: 'home.actionSearch' });
  if (has.has('person:write')) actions.push({ to: '/personen/nieuw', labelKey: 'home.actionRegister' });
  if (has.has('user:admin')) actions.push({ to: '/beheer/gebruikers', labelKey: 'home.actionUsers' });
  if (has.has('access_log:read'))
    actions.push(
      { to: '/privacy/logboek', labelKey: 'home.actionAccessLog' },
      { to: '/privacy/noodtoegang', labelKey: 'home.actionEmergencyReview' },
    );
  // The policy advisor's work is the management information; for a coordinator it comes after the team's daily work.
  if (has.has('dashboard:read_all') || has.has('dashboard:read_team'))
    actions.push({ to: '/sturingsinformatie', labelKey: 'home.actionDashboard' });
  return actions.map((a, index) => ({ ...a, primary: index === 0 }));
}
