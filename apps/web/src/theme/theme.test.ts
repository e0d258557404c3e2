/**
 * Issue #21 item 5 (ADR 0054): no hard-coded colours in the app's CSS. Colours are written only in the token
 * definition file(s) of this folder; everything else uses the theme's custom properties, so a municipality's house
 * style (and a future dark or high-contrast theme) reaches every part of the app.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrastRatio, NABIJ_DEFAULT_HOUSE_STYLE } from '@nabij/contracts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The token definition files: the only places where a colour value may be written. */
const TOKEN_FILES = new Set([path.join(SRC, 'theme', 'nabij-theme.css')]);

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, ext);
    return name.endsWith(ext) ? [full] : [];
  });
}

const NAMED = [
  'white',
  'black',
  'red',
  'green',
  'blue',
  'yellow',
  'orange',
  'purple',
  'grey',
  'gray',
  'silver',
  'maroon',
  'navy',
  'teal',
  'olive',
  'lime',
  'aqua',
  'fuchsia',
  'pink',
  'brown',
  'gold',
  'crimson',
  'darkred',
  'darkblue',
  'darkgreen',
  'lightgrey',
  'lightgray',
  'darkgrey',
  'darkgray',
  'whitesmoke',
  'beige',
  'ivory',
  'indigo',
  'violet',
];

/** The colour literals in a piece of CSS (comments removed): hex, colour functions and named colours in values. */
export function colourLiterals(css: string): string[] {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  for (const m of code.matchAll(/#[0-9a-fA-F]{3,8}\b/g)) {
    // A hex colour, not an id selector: it stands in a declaration's value (after a colon, before ; or }).
    const before = code.slice(0, m.index);
    const lastColon = before.lastIndexOf(':');
    const lastBoundary = Math.max(before.lastIndexOf('{'), before.lastIndexOf(';'), before.lastIndexOf('}'));
    if (lastColon > lastBoundary) found.push(m[0]);
  }
  for (const m of code.matchAll(/\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi)) found.push(m[0]);
  for (const m of code.matchAll(/:\s*([^;{}]*)[;}]/g)) {
    const value = m[1] ?? '';
    if (/var\(|url\(/.test(value) && !NAMED.some((n) => new RegExp(`(^|[\\s,(])${n}([\\s,)]|$)`, 'i').test(value)))
      continue;
    for (const n of NAMED) if (new RegExp(`(^|[\\s,(])${n}([\\s,)]|$)`, 'i').test(value)) found.push(n);
  }
  return found;
}

describe('colours come from the theme', () => {
  it('finds a colour literal where one is written (the check itself works)', () => {
    expect(colourLiterals('.a { color: #1a1a1a; }')).toEqual(['#1a1a1a']);
    expect(colourLiterals('.a { border: 1px solid rgb(0 0 0 / 50%); }')).toEqual(['rgb(']);
    expect(colourLiterals('.a { background: var(--x, white); }')).toEqual(['white']);
    expect(colourLiterals('.a { outline: 3px solid var(--utrecht-focus-outline-color); }')).toEqual([]);
    expect(colourLiterals('#add .b { color: currentColor; border-color: transparent; }')).toEqual([]);
    expect(colourLiterals('/* was #cc0000 */ .a { color: inherit; }')).toEqual([]);
  });

  it('has no colour literal in apps/web/src/**/*.css outside the token definition files', () => {
    const offenders = filesUnder(SRC, '.css')
      .filter((file) => !TOKEN_FILES.has(file))
      .flatMap((file) => colourLiterals(readFileSync(file, 'utf8')).map((c) => `${path.relative(SRC, file)}: ${c}`));
    expect(offenders).toEqual([]);
  });

  it('has no colour literal in the components’ inline styles and SVG attributes', () => {
    const attribute =
      /\b(?:fill|stroke|color|background|backgroundColor|borderColor)\s*[=:]\s*\{?\s*['"](#[0-9a-fA-F]{3,8}|(?:rgba?|hsla?)\()/g;
    const offenders = filesUnder(SRC, '.tsx')
      .filter((file) => !file.endsWith('.test.tsx'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(attribute)].map((m) => `${path.relative(SRC, file)}: ${m[1]}`),
      );
    expect(offenders).toEqual([]);
  });

  it('defines every --nabij-* token the app’s CSS uses', () => {
    const theme = readFileSync(path.join(SRC, 'theme', 'nabij-theme.css'), 'utf8');
    const defined = new Set([...theme.matchAll(/(--nabij-[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    const sources = [...filesUnder(SRC, '.css'), ...filesUnder(SRC, '.tsx')].map((f) => readFileSync(f, 'utf8'));
    const used = new Set(sources.flatMap((s) => [...s.matchAll(/var\((--nabij-[a-z0-9-]+)/g)].map((m) => m[1])));
    expect([...used].filter((token) => !defined.has(token))).toEqual([]);
  });

  it('the default theme’s brand colours are the contracts’ default and meet WCAG 2.2 AA on white', () => {
    const theme = readFileSync(path.join(SRC, 'theme', 'nabij-theme.css'), 'utf8');
    const value = (token: string) => {
      const ref = new RegExp(`${token}:\\s*var\\((--nabij-palette-[a-z0-9-]+)\\)`).exec(theme)?.[1];
      return ref ? new RegExp(`${ref}:\\s*(#[0-9a-f]{6})`).exec(theme)?.[1] : undefined;
    };
    const d = NABIJ_DEFAULT_HOUSE_STYLE;
    expect(value('--nabij-brand-primary-color')).toBe(d.primaryColor);
    expect(value('--nabij-brand-primary-text-color')).toBe(d.primaryTextColor);
    expect(value('--nabij-brand-link-color')).toBe(d.linkColor);
    expect(value('--nabij-brand-focus-color')).toBe(d.focusColor);
    expect(contrastRatio(d.primaryTextColor, d.primaryColor)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(d.linkColor, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(d.focusColor, '#ffffff')).toBeGreaterThanOrEqual(3);
    // The old default was Gemeente Utrecht's red; the design tokens of Utrecht are no longer loaded.
    expect(readFileSync(path.join(SRC, 'main.tsx'), 'utf8')).not.toContain('@utrecht/design-tokens');
  });
});
