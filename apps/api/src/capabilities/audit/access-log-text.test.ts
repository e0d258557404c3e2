import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCESS_EVENT_TEXT, describeAccessBasis, describeAccessEvent } from '@nabij/contracts';

const srcDir = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Literal or template string that looks like an event name: `subject.what_happened` (subjects of 3+ letters, not SQL aliases). */
const EVENT_LITERAL = /(['`])([a-z][a-z_]{2,}\.(?:[a-z_]|\$\{[^}]+\})+)\1/g;

/** The text between the parentheses of a call starting at `open` (the index of its `(`). */
function callArguments(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open + 1, i);
  }
  return '';
}

/**
 * Every event name the code writes to the access log: the value after `event:`, and the string arguments of
 * helpers that take an `event: string` parameter and build the entry themselves (e.g. `accountEntry('account.created', …)`).
 */
function eventNamesInCode(): Set<string> {
  const files = sourceFiles(srcDir).map((f) => readFileSync(f, 'utf8'));
  const names = new Set<string>();
  for (const source of files) {
    for (const m of source.matchAll(/event:\s*(['`])([^'`]+)\1/g)) names.add(m[2]!);
    // Such helpers are local to their file; their calls are looked for in that file only.
    const helpers = new Set<string>();
    for (const m of source.matchAll(
      /(?:function\s+(\w+)\s*\(|(?:const|let)\s+(\w+)\s*=\s*(?:async\s*)?\()([^)]*)\)/g,
    )) {
      if (/\bevent:\s*string\b/.test(m[3]!)) helpers.add((m[1] ?? m[2])!);
    }
    for (const helper of helpers) {
      for (const m of source.matchAll(new RegExp(`(?<![\\w$]\\.)(?<![\\w$])${helper}\\(`, 'g'))) {
        const args = callArguments(source, m.index + m[0].length - 1);
        if (/^\s*\w+\s*:/.test(args)) continue; // the declaration itself
        for (const lit of args.matchAll(EVENT_LITERAL)) names.add(lit[2]!);
      }
    }
  }
  return names;
}

describe('plain-Dutch texts of access-log events', () => {
  const inCode = eventNamesInCode();

  it('finds the event names the code base writes (sanity check of the scan)', () => {
    for (const known of [
      'case_file.viewed',
      'person.searched',
      'account.created',
      'household.member_added',
      'meldcode.started',
      'emergency_access.started',
      'access_log.exported',
    ])
      expect(inCode).toContain(known);
    expect(inCode.size).toBeGreaterThan(60);
  });

  it('has a description for every event name used in the code base', () => {
    const described = Object.keys(ACCESS_EVENT_TEXT);
    const missing = [...inCode].filter((name) => {
      if (!name.includes('${')) return !(name in ACCESS_EVENT_TEXT);
      // A built name such as `meldcode.${entry.kind}_added`: at least one described event must fit it.
      const pattern = new RegExp(
        `^${name
          .split(/\$\{[^}]+\}/)
          .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[a-z_]+')}$`,
      );
      return !described.some((d) => pattern.test(d));
    });
    expect(missing).toEqual([]);
  });

  it('writes plain lower-case sentences that follow a name: "Sanne de Boer bekeek het dossier"', () => {
    for (const [event, text] of Object.entries(ACCESS_EVENT_TEXT)) {
      expect([event, /^[a-zëé(]/.test(text)]).toEqual([event, true]);
      expect([event, text.endsWith('.')]).toEqual([event, false]);
    }
  });

  it('falls back on the kind of action for an event without its own text, and names the basis', () => {
    expect(describeAccessEvent('iets.nieuws', 'update')).toBe('wijzigde gegevens');
    expect(describeAccessEvent('case_file.viewed', 'read')).toBe('bekeek het dossier');
    expect(describeAccessBasis({ legalBasis: 'public_task_social_domain', emergency: false })).toBe(
      'taak van de gemeente volgens de wet (Wmo 2015, Jeugdwet)',
    );
    expect(
      describeAccessBasis({ legalBasis: 'public_task_social_domain', emergency: true, emergencyReason: 'crisis' }),
    ).toBe('noodtoegang: crisis');
  });
});
