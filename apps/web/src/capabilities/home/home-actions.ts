/** Pure rules for the home page: which quick actions a user gets. No I/O. */

export interface QuickAction {
  to: string;
  labelKey: 'home.actionSearch' | 'home.actionRegister' | 'home.actionUsers';
  primary: boolean;
}

/** Quick actions in display order, from the user's permissions. */
export function quickActions(permissions: readonly string[]): QuickAction[] {
  const has = new Set(permissions);
  const actions: QuickAction[] = [];
  if (has.has('person:read')) actions.push({ to: '/personen', labelKey: 'home.actionSearch', primary: true });
  if (has.has('person:write')) actions.push({ to: '/personen/nieuw', labelKey: 'home.actionRegister', primary: false });
  if (has.has('user:admin')) actions.push({ to: '/beheer/gebruikers', labelKey: 'home.actionUsers', primary: actions.length === 0 });
  return actions;
}
