import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERSON_FIELDS } from '../capabilities/persons/person-form-values';
import { hasMessage, interpolate, joinList, t } from './i18n';
import { messages } from './messages.nl';

describe('t', () => {
  it('finds the web app’s own texts', () => {
    expect(t('login.submit')).toBe('Inloggen');
  });

  it('falls back to the texts shared with the API for roles, relations and errors', () => {
    expect(t('role.case_worker')).toBe('Wijkteamwerker');
    expect(t('relation.child')).toBe('Kind');
    expect(t('error.version_conflict')).toMatch(/Iemand anders/);
  });

  it('fills placeholders and leaves a missing one visible', () => {
    expect(t('home.greeting', { name: 'Fatima' })).toBe('Welkom, Fatima.');
    expect(interpolate('{a} en {b}', { a: 1 })).toBe('1 en {b}');
  });

  it('returns an unknown key as is so the gap is visible', () => {
    expect(t('does.not.exist')).toBe('does.not.exist');
    expect(hasMessage('does.not.exist')).toBe(false);
  });
});

describe('joinList', () => {
  it('joins in Dutch', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b', 'c'])).toBe('a, b en c');
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('messages.nl', () => {
  it('has a text for every literal key the source passes to t()', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const missing = new Set<string>();
    const namespaces = new Set(Object.keys(messages).map((key) => key.split('.')[0]));
    for (const file of sourceFiles(root)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z_.]+)'/g)) {
        const key = match[1] ?? '';
        if (!hasMessage(key)) missing.add(`${key} (${file})`);
      }
      // Keys kept in variables first (e.g. `labelKey: 'home.actionSearch'`): any literal with a known namespace.
      for (const match of source.matchAll(/'([a-zA-Z]+)\.([a-zA-Z_]+)'/g)) {
        const key = `${match[1] ?? ''}.${match[2] ?? ''}`;
        if (namespaces.has(match[1] ?? '') && !hasMessage(key)) missing.add(`${key} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('has a label for every person field (built as `person.${field}`)', () => {
    expect(PERSON_FIELDS.filter((field) => !hasMessage(`person.${field}`))).toEqual([]);
  });
});
