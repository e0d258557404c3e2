import { describe, expect, it } from 'vitest';
import { lookupForms, passwordProblem } from './password-policy';

const user = { username: 'sanne.deboer', displayName: 'Sanne de Boer' };

describe('password policy', () => {
  it('refuses passwords shorter than 12 characters', () => {
    expect(passwordProblem('kort-wacht1', user)).toContain('minimaal 12 tekens');
  });
  it('refuses common passwords, also padded with digits and symbols or written with digits for letters', () => {
    for (const p of [
      'wachtwoord123',
      'Welkom2026!!!',
      'W3lk0mW3lk0m',
      '123456789012',
      'qwertyuiopas',
      'Feyenoord2024!',
      'passwordpassword',
      'Zomer2025!!!!!',
      'aaaaaaaaaaaa',
    ])
      expect([p, passwordProblem(p, user)]).toEqual([p, expect.stringContaining('veel gebruikt')]);
  });
  it('refuses the user’s own name, and a password of a few characters repeated', () => {
    expect(passwordProblem('sanne.deboer-2026', user)).toContain('naam');
    expect(passwordProblem('ababababababab', user)).toContain('te weinig verschillende tekens');
  });
  it('accepts a passphrase and other uncommon passwords', () => {
    for (const p of ['fiets-regen-koffie-lamp', 'mijn-eigen-wachtwoord-1', 'Kr8!vZq#p2Lm', 'een-lang-testwachtwoord'])
      expect([p, passwordProblem(p, user)]).toEqual([p, null]);
  });
  it('looks up the bare word and the undone letter swaps', () => {
    expect(lookupForms('P@ssw0rd2024!')).toEqual(expect.arrayContaining(['password']));
  });
});
