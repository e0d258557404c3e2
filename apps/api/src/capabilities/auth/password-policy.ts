import { readFileSync } from 'node:fs';
import { apiPath } from '../../platform/paths';

/** ASVS 5.0 V6.2: at least 12 characters, at most 200 (passphrases welcome), not a common or guessable password. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(apiPath('src', 'capabilities', 'auth', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/**
 * The forms of a password that are looked up in the list: as typed, with the digits and symbols around it
 * removed ("Zomer2024!" → "zomer"), with letters written as digits undone ("W3lk0m" → "welkom"), and once
 * when it is one word repeated ("welkomwelkom").
 */
export function lookupForms(password: string): string[] {
  const lower = password.normalize('NFKC').toLowerCase();
  const bare = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const unleet = (s: string) => s.replace(/[013457@$!]/g, (c) => LEET[c] ?? c);
  const forms = new Set([lower, bare, unleet(bare)]);
  for (const f of [...forms]) {
    const half = f.length / 2;
    if (Number.isInteger(half) && f.slice(0, half) === f.slice(half)) forms.add(f.slice(0, half));
  }
  return [...forms].filter(Boolean);
}

/**
 * Why a new password is refused, as a Dutch message for the field, or null when it is fine. No composition
 * rules (they lead to "Welkom2026!"); instead length, the list of common passwords, and the user's own name.
 */
export function passwordProblem(password: string, user: { username: string; displayName?: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Een nieuw wachtwoord heeft minimaal ${MIN_PASSWORD_LENGTH} tekens. Een zin van een paar woorden werkt goed.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Een wachtwoord heeft hoogstens ${MAX_PASSWORD_LENGTH} tekens.`;
  const list = commonPasswords();
  if (lookupForms(password).some((f) => list.has(f)))
    return 'Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies iets anders, bijvoorbeeld een zin van een paar woorden die alleen u kent.';
  if (new Set(password).size <= 3)
    return 'Dit wachtwoord bestaat uit te weinig verschillende tekens. Kies iets dat moeilijker te raden is.';
  const lower = password.toLowerCase();
  const names = [user.username, ...(user.displayName ?? '').split(/\s+/)]
    .map((n) => n.toLowerCase())
    .filter((n) => n.length >= 4);
  if (names.some((n) => lower.includes(n))) return 'Uw wachtwoord mag uw naam of gebruikersnaam niet bevatten.';
  return null;
}
