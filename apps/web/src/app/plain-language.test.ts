/**
 * Plain Dutch for residents (issue #19 item 5, ADR 0040): every text a resident can meet on the public referral form
 * (/aanmelden) and in Mijn Nabij (/mijn) is free of the jargon in `RESIDENT_JARGON`. The texts are found from the
 * code: starting at the two route trees, every module they import (within the web app) is read, and every message
 * key it uses — `t('…')`, a key string, or a key prefix such as `t(\`domain.${…}\`)` — is looked up; so a new key on a
 * resident page is scanned without being listed here. The zod contracts' Dutch messages these routes validate with
 * are scanned too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findJargon, nl as sharedMessages, PLAIN_DOMAIN_LABELS } from '@nabij/contracts';
import { describe, expect, it } from 'vitest';
import { hasMessage, t } from './i18n';
import { messages } from './messages.nl';

const webSrc = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const contractsSrc = resolve(webSrc, '../../../packages/contracts/src');

/** The route trees residents use: the public form and Mijn Nabij. */
const ENTRIES = [
  'capabilities/intake/PublicReferralPage.tsx',
  'capabilities/intake/PublicLayout.tsx',
  'capabilities/resident/resident-routes.tsx',
  // The statements and contact every footer links to (issue #21 item 1).
  'capabilities/statements/StatementPages.tsx',
];
/** Modules that only hold or look up the tables (following them would scan every text of the staff app). */
const NOT_FOLLOWED = [/\/app\/i18n\.ts$/, /messages\.[a-z-]+\.nl\.ts$/, /\/app\/messages\.nl\.ts$/];

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (p) => existsSync(p) && !p.endsWith('/') && /\.tsx?$/.test(p),
  );
}

/** The web modules reachable from the resident-facing routes. */
function residentModules(): string[] {
  const seen = new Set<string>();
  const queue = ENTRIES.map((e) => join(webSrc, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || NOT_FOLLOWED.some((re) => re.test(file)) || /\.test\.tsx?$/.test(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:from\s+|import\(\s*)'(\.{1,2}\/[^']+)'/g)) {
      const target = resolveImport(file, m[1]!);
      if (target) queue.push(target);
    }
  }
  return [...seen];
}

const allKeys = [...Object.keys(messages), ...Object.keys(sharedMessages)];

/** The message keys a module uses: literal keys anywhere in it, and every key under a prefix built with a template. */
function keysUsedIn(source: string): string[] {
  const keys = new Set<string>();
  for (const m of source.matchAll(/'([A-Za-z]+\.[A-Za-z0-9_.]+)'/g)) if (hasMessage(m[1]!)) keys.add(m[1]!);
  const prefixes = [
    ...[...source.matchAll(/\bt\(\s*`([A-Za-z][A-Za-z0-9_.]*\.)\$\{/g)].map((m) => m[1]!),
    ...[...source.matchAll(/labelledChoices\([^,()]+,\s*'([A-Za-z]+)'\)/g)].map((m) => `${m[1]!}.`),
  ];
  for (const prefix of prefixes) for (const key of allKeys) if (key.startsWith(prefix)) keys.add(key);
  return [...keys];
}

/** The Dutch messages of a contract file (`error: '…'`, `message: '…'`, and `text(…, 'de voornaam')` parts). */
function contractMessages(file: string): string[] {
  const source = readFileSync(join(contractsSrc, file), 'utf8');
  return [...source.matchAll(/(?:error|message):\s*(['`])((?:(?!\1).)*)\1/g)].map((m) => m[2]!);
}

describe('plain Dutch for residents', () => {
  const modules = residentModules();

  it('follows the public form and Mijn Nabij into their parts', () => {
    const names = modules.map((f) => relative(webSrc, f));
    expect(names).toEqual(
      expect.arrayContaining([
        'capabilities/intake/ReferralFormParts.tsx',
        'capabilities/resident/ResidentPlanPage.tsx',
        'capabilities/resident/ResidentPages.tsx',
      ]),
    );
    // The worker's side of Mijn Nabij (on the case page) is not a resident's page.
    expect(names).not.toContain('capabilities/resident/ResidentPortalSection.tsx');
  });

  it('finds no jargon in any message a resident-facing page uses', () => {
    const keys = new Set(modules.flatMap((f) => keysUsedIn(readFileSync(f, 'utf8'))));
    expect(keys.size).toBeGreaterThan(150);
    const found = [...keys]
      .map((key) => ({ key, text: t(key), jargon: findJargon(t(key)) }))
      .filter((x) => x.jargon.length > 0);
    expect(found).toEqual([]);
  });

  it('finds no jargon in the contracts’ messages for the public form and Mijn Nabij', () => {
    const texts = ['schemas.ts', 'intake.ts', 'household.ts', 'resident.ts'].flatMap(contractMessages);
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter((text) => findJargon(text).length > 0)).toEqual([]);
  });

  it('labels every life domain plainly, and the labels themselves pass the scan', () => {
    for (const label of Object.values(PLAIN_DOMAIN_LABELS)) expect(findJargon(label)).toEqual([]);
  });

  it('recognises each word of the jargon list', () => {
    for (const text of [
      'Basale ADL',
      'Instrumentele ADL',
      'de elfproef klopt niet',
      'het aanmeldoverleg',
      '3 ongelezen bericht(en)',
      'Geboortedatum (jjjj-mm-dd)',
    ]) {
      expect([text, findJargon(text).length > 0]).toEqual([text, true]);
    }
  });
});
