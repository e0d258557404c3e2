/**
 * The web app's own small translation function. Looks in the app's messages first, then in the texts
 * shared with the API (role, relation and error labels). No i18n library: nl-NL is the only language for now.
 */
import { nl as sharedMessages } from '@nabij/contracts';
import { planMessages } from '../capabilities/plan/messages.plan.nl';
import { lifecycleMessages } from '../capabilities/lifecycle/messages.lifecycle.nl';
import { coordinationMessages } from '../capabilities/coordination/messages.coordination.nl';
import { privacyMessages } from '../capabilities/privacy/messages.privacy.nl';
import { contactLogMessages } from '../capabilities/contact-log/messages.contact-log.nl';
import { taskMessages } from '../capabilities/tasks/messages.tasks.nl';
import { reliabilityMessages } from '../capabilities/reliability/messages.reliability.nl';
import { managementInformationMessages } from '../capabilities/management-information/messages.management-information.nl';
import { residentMessages } from '../capabilities/resident/messages.resident.nl';
import { avgRightsMessages } from '../capabilities/avg-rights/messages.avg-rights.nl';
import { intakeMoreMessages } from '../capabilities/intake/messages.intake-more.nl';
import { caseFileMessages } from '../capabilities/case-files/messages.case-file.nl';
import { messages } from './messages.nl';

export type AppMessageKey =
  | keyof typeof messages
  | keyof typeof planMessages
  | keyof typeof lifecycleMessages
  | keyof typeof coordinationMessages
  | keyof typeof privacyMessages
  | keyof typeof contactLogMessages
  | keyof typeof taskMessages
  | keyof typeof reliabilityMessages
  | keyof typeof managementInformationMessages
  | keyof typeof residentMessages
  | keyof typeof avgRightsMessages
  | keyof typeof intakeMoreMessages
  | keyof typeof caseFileMessages;
export type SharedMessageKey = keyof typeof sharedMessages;
export type MessageKey = AppMessageKey | SharedMessageKey;

const appTable: Readonly<Record<string, string>> = {
  ...messages,
  ...planMessages,
  ...lifecycleMessages,
  ...coordinationMessages,
  ...privacyMessages,
  ...contactLogMessages,
  ...taskMessages,
  ...reliabilityMessages,
  ...managementInformationMessages,
  ...residentMessages,
  ...avgRightsMessages,
  ...intakeMoreMessages,
  ...caseFileMessages,
};
const sharedTable: Readonly<Record<string, string>> = sharedMessages;

export function hasMessage(key: string): boolean {
  return key in appTable || key in sharedTable;
}

/** Fills `{name}` placeholders; a missing variable stays visible as `{name}` so gaps are noticed. */
export function interpolate(text: string, vars?: Readonly<Record<string, string | number>>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Looks up a text by key. Accepts any string because keys are often built (`role.${code}`,
 * `error.${code}`); an unknown key is returned as is so the gap is visible.
 */
export function t(key: MessageKey | (string & {}), vars?: Readonly<Record<string, string | number>>): string {
  const text = appTable[key] ?? sharedTable[key] ?? key;
  return interpolate(text, vars);
}

/** Dutch list: "a, b en c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t('common.and')} ${items[items.length - 1] ?? ''}`;
}
