// The files a public-sector project carries (issue #21 item 1): publiccode.yml follows the Standard for Public Code's
// publiccode.yml 0.4 (https://yml.publiccode.tools; the keys, values and lengths below are from its schema.core and
// its lists of categories and scopes, as validated by italia/publiccode-parser-go), and LICENSE holds the EUPL-1.2.
//
// The project has no YAML library of its own (only transitive copies in node_modules, which we do not import), so
// the file is read by `parseYamlSubset`: block mappings and sequences, quoted and plain scalars, folded (>) and
// literal (|) block scalars. It refuses anything else (flow collections, anchors, tabs, duplicate keys), so the
// file stays in that plain subset that every YAML parser reads the same way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

interface Line {
  indent: number;
  text: string;
  number: number;
}

function scalar(raw: string, where: string): Yaml {
  const text = raw.replace(/\s+#.*$/, '').trim();
  if (/^".*"$/.test(text)) return JSON.parse(text) as string;
  if (/^'.*'$/.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  if (/^[[{&*!|>%@`]/.test(text)) throw new Error(`${where}: unsupported YAML: ${text}`);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === '' || text === '~' || text === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** A strict reader of the plain YAML subset used by publiccode.yml (see the file's header). */
export function parseYamlSubset(source: string): Yaml {
  if (source.includes('\t')) throw new Error('tabs are not allowed in YAML indentation');
  const all = source.split('\n').map((text, i) => ({ raw: text, number: i + 1 }));
  let pos = 0;
  const significant = (l: { raw: string }) => l.raw.trim() !== '' && !l.raw.trim().startsWith('#');
  const peek = (): Line | undefined => {
    while (pos < all.length && !significant(all[pos]!)) pos++;
    const l = all[pos];
    return l ? { indent: l.raw.length - l.raw.trimStart().length, text: l.raw.trim(), number: l.number } : undefined;
  };

  function blockScalar(style: string, parentIndent: number): string {
    const lines: string[] = [];
    let indent: number | undefined;
    while (pos < all.length) {
      const raw = all[pos]!.raw;
      const own = raw.length - raw.trimStart().length;
      if (raw.trim() !== '' && own <= parentIndent) break;
      indent ??= raw.trim() === '' ? undefined : own;
      lines.push(raw.trim() === '' ? '' : raw.slice(indent));
      pos++;
    }
    while (lines.length && lines.at(-1) === '') lines.pop();
    const body = style.startsWith('|')
      ? lines.join('\n')
      : lines.reduce(
          (acc, l) => (l === '' ? `${acc}\n` : acc === '' || acc.endsWith('\n') ? acc + l : `${acc} ${l}`),
          '',
        );
    return style.endsWith('-') ? body : `${body}\n`;
  }

  function value(afterColon: string, indent: number, where: string): Yaml {
    const rest = afterColon.trim();
    if (/^[>|]-?$/.test(rest)) return blockScalar(rest, indent);
    if (rest === '' || rest.startsWith('#')) {
      const next = peek();
      if (!next || next.indent <= indent) {
        if (next?.indent === indent && next.text.startsWith('- ')) return block(indent);
        return null;
      }
      return block(next.indent);
    }
    return scalar(rest, where);
  }

  function block(indent: number): Yaml {
    const first = peek()!;
    if (first.text.startsWith('- ') || first.text === '-') {
      const list: Yaml[] = [];
      for (let l = peek(); l && l.indent === indent && l.text.startsWith('-'); l = peek()) {
        const item = l.text.slice(1).trimStart();
        const where = `line ${String(l.number)}`;
        if (/^[^"'\s][^:]*:(\s|$)/.test(item)) {
          // A mapping inside the sequence: its keys sit two columns further in.
          const inner = indent + 2;
          all[pos] = { raw: `${' '.repeat(inner)}${item}`, number: l.number };
          list.push(block(inner));
        } else {
          pos++;
          list.push(scalar(item, where));
        }
      }
      return list;
    }
    const map: { [key: string]: Yaml } = {};
    for (let l = peek(); l && l.indent === indent && !l.text.startsWith('- '); l = peek()) {
      const where = `line ${String(l.number)}`;
      const m = /^([A-Za-z0-9_/-]+|"[^"]+"):(\s.*|)$/.exec(l.text);
      if (!m) throw new Error(`${where}: expected "key: value", got ${l.text}`);
      const key = m[1]!.replace(/^"|"$/g, '');
      if (key in map) throw new Error(`${where}: duplicate key ${key}`);
      pos++;
      map[key] = value(m[2]!, indent, where);
    }
    const after = peek();
    if (after && after.indent > indent) throw new Error(`line ${String(after.number)}: unexpected indentation`);
    return map;
  }

  const result = block(0);
  const left = peek();
  if (left) throw new Error(`line ${String(left.number)}: not read (${left.text})`);
  return result;
}

// ---- the standard, version 0.4 ----
const TOP_LEVEL_KEYS = [
  'publiccodeYmlVersion',
  'name',
  'applicationSuite',
  'url',
  'landingURL',
  'isBasedOn',
  'softwareVersion',
  'releaseDate',
  'logo',
  'platforms',
  'categories',
  'usedBy',
  'roadmap',
  'developmentStatus',
  'softwareType',
  'intendedAudience',
  'description',
  'legal',
  'maintenance',
  'localisation',
  'dependsOn',
];
const CATEGORIES =
  `accounting agile-project-management applicant-tracking application-development appointment-scheduling backup
  billing-and-invoicing blog budgeting business-intelligence business-process-management cad call-center-management
  cloud-management collaboration communications compliance-management contact-management content-management crm
  customer-service-and-support data-analytics data-collection data-visualization design design-system
  digital-asset-management digital-citizenship document-management donor-management e-commerce e-signature
  educational-content email-management email-marketing employee-management enterprise-project-management
  enterprise-social-networking erp event-management facility-management feedback-and-reviews-management
  financial-reporting fleet-management fundraising gamification geographic-information-systems grant-management
  graphic-design help-desk hr ide identity-management instant-messaging integrated-library-system
  inventory-management it-asset-management it-development it-management it-security it-service-management
  knowledge-management learning-management-system marketing mind-mapping mobile-marketing mobile-payment
  network-management office online-booking online-community payment-gateway payroll predictive-analysis procurement
  productivity-suite project-collaboration project-management property-management real-estate-management
  regulations-and-directives remote-support resource-management sales-management seo service-desk
  social-media-management survey talent-management task-management taxes-management test-management
  time-management time-tracking translation video-conferencing video-editing visitor-management voip
  warehouse-management web-collaboration web-conferencing website-builder whistleblowing workflow-management`.split(
    /\s+/,
  );
const SCOPES = `agriculture culture defence education emergency-services employment energy environment
  finance-and-economic-development foreign-affairs government healthcare infrastructures justice local-authorities
  manufacturing research science-and-technology security society sport tourism transportation welfare`.split(/\s+/);
const SOFTWARE_TYPES = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
];
/** Length in characters as the standard counts them (code points, not UTF-16 units). */
const chars = (s: string) => Array.from(s).length;

describe('parseYamlSubset', () => {
  it('reads the plain subset and refuses what it does not know', () => {
    expect(
      parseYamlSubset(
        'a: "0.4"\nb:\n  - x\n  - name: P\n    v: "15"\nc: >-\n  one\n  two\n\n  three\nd: true # yes\ne:\n  f: 1\n',
      ),
    ).toEqual({ a: '0.4', b: ['x', { name: 'P', v: '15' }], c: 'one two\nthree', d: true, e: { f: 1 } });
    expect(() => parseYamlSubset('a: [1, 2]\n')).toThrow(/unsupported/);
    expect(() => parseYamlSubset('a: 1\na: 2\n')).toThrow(/duplicate/);
    expect(() => parseYamlSubset('a: 1\n    b: 2\n')).toThrow(/indentation|not read/);
  });
});

describe('publiccode.yml', () => {
  const doc = parseYamlSubset(readFileSync(path.join(root, 'publiccode.yml'), 'utf8')) as Record<string, Yaml>;
  const obj = (v: Yaml | undefined) => v as Record<string, Yaml>;
  /** A scalar that must be a string. */
  const str = (v: Yaml | undefined): string => {
    expect(typeof v).toBe('string');
    return v as string;
  };

  it('has the mandatory top-level keys of version 0.4 with allowed values, and no unknown key', () => {
    expect(doc.publiccodeYmlVersion).toBe('0.4');
    expect(doc.name).toBe('Nabij');
    expect(str(doc.url)).toMatch(/^https:\/\/\S+$/);
    expect(doc.platforms).toEqual(['web']);
    expect((doc.categories as string[]).length).toBeGreaterThan(0);
    expect((doc.categories as string[]).filter((c) => !CATEGORIES.includes(c))).toEqual([]);
    expect(['concept', 'development', 'beta', 'stable', 'obsolete']).toContain(doc.developmentStatus);
    expect(SOFTWARE_TYPES).toContain(doc.softwareType);
    expect(doc.softwareType).toBe('standalone/web');
    expect(Object.keys(doc).filter((k) => !TOP_LEVEL_KEYS.includes(k))).toEqual([]);
    // Released software names its version and date together; until the first release both are left out.
    expect('softwareVersion' in doc).toBe('releaseDate' in doc);
    if ('releaseDate' in doc) expect(str(doc.releaseDate)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('describes Nabij in Dutch and English within the lengths of the standard', () => {
    const description = obj(doc.description);
    expect(Object.keys(description).sort()).toEqual(['en', 'nl']);
    for (const [lang, d] of Object.entries(description).map(([l, v]) => [l, obj(v)] as const)) {
      const short = str(d.shortDescription);
      const long = str(d.longDescription);
      const features = d.features as string[];
      expect([lang, chars(short) > 0 && chars(short) <= 150]).toEqual([lang, true]);
      expect([lang, chars(long) >= 150 && chars(long) <= 10_000]).toEqual([lang, true]);
      expect(short).not.toContain('\n');
      expect(features.length).toBeGreaterThanOrEqual(5);
      expect(features.length).toBeLessThanOrEqual(20);
      // The standard suggests short features for decision makers; we keep each within 100 characters.
      expect(features.filter((f) => typeof f !== 'string' || chars(f) > 100)).toEqual([]);
    }
  });

  it('names the licence of LICENSE and package.json, the maintenance, the languages, the audience and PostgreSQL', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { license: string };
    expect(obj(doc.legal).license).toBe('EUPL-1.2');
    expect(pkg.license).toBe('EUPL-1.2');
    const maintenance = obj(doc.maintenance);
    expect(['internal', 'contract', 'community', 'none']).toContain(maintenance.type);
    if (maintenance.type === 'internal' || maintenance.type === 'community') {
      const contacts = maintenance.contacts as Record<string, Yaml>[];
      expect(contacts.length).toBeGreaterThan(0);
      for (const c of contacts) expect(str(c.name).length).toBeGreaterThan(0);
    }
    const localisation = obj(doc.localisation);
    expect(typeof localisation.localisationReady).toBe('boolean');
    expect(localisation.availableLanguages).toEqual(['nl']);
    const audience = obj(doc.intendedAudience);
    expect(audience.countries).toEqual(['nl']);
    expect((audience.scope as string[]).filter((s) => !SCOPES.includes(s))).toEqual([]);
    const open = obj(doc.dependsOn).open as Record<string, Yaml>[];
    expect(open.find((d) => d.name === 'PostgreSQL')).toMatchObject({ versionMin: '15', optional: true });
  });
});

describe('LICENSE', () => {
  it('is the complete EUPL-1.2: the heading, the fifteen articles and the appendix of compatible licences', () => {
    const licence = readFileSync(path.join(root, 'LICENSE'), 'utf8');
    expect(licence.trimStart().startsWith('EUROPEAN UNION PUBLIC LICENCE v. 1.2')).toBe(true);
    const articles = [...licence.matchAll(/^(\d+)\. [A-Z]/gm)].map((m) => Number(m[1]));
    expect(articles).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(licence).toMatch(/^Appendix$/m);
    expect(licence).toContain('European Union Public Licence (EUPL) v. 1.1, v. 1.2');
    expect(licence.length).toBeGreaterThan(13_000);
  });
});
