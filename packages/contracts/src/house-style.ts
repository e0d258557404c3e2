import { z } from 'zod';

/**
 * A municipality's house style (issue #21 item 5, ADR 0054): a few design tokens on top of the neutral Nabij default
 * theme, the name in the header and an optional logo. The colours must keep WCAG 2.2 AA contrast on the white page:
 * text 4.5:1 (1.4.3), interface components and focus indicators 3:1 (1.4.11).
 */

/** The fonts a municipality may choose: system fonts every device has, so nothing is downloaded from elsewhere. */
export const HOUSE_STYLE_FONTS = ['system', 'arial', 'verdana', 'georgia'] as const;
export type HouseStyleFont = (typeof HOUSE_STYLE_FONTS)[number];

/** The CSS font stacks of the safe list; the stylesheet only ever contains one of these, never free text. */
export const HOUSE_STYLE_FONT_STACKS: Record<HouseStyleFont, string> = {
  system: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif",
  arial: "Arial, 'Liberation Sans', Helvetica, sans-serif",
  verdana: "Verdana, 'DejaVu Sans', Geneva, sans-serif",
  georgia: "Georgia, 'DejaVu Serif', 'Times New Roman', serif",
};

export const HOUSE_STYLE_FONT_LABELS: Record<HouseStyleFont, string> = {
  system: 'Systeemlettertype van het apparaat (standaard)',
  arial: 'Arial',
  verdana: 'Verdana',
  georgia: 'Georgia (met schreef)',
};

/** The page background the colours are checked against: the default theme's, which a municipality does not change. */
export const HOUSE_STYLE_PAGE_BACKGROUND = '#ffffff';

/** The neutral Nabij default (apps/web/src/theme/nabij-theme.css has the same values). */
export const NABIJ_DEFAULT_HOUSE_STYLE = {
  primaryColor: '#0b4f6c',
  primaryTextColor: '#ffffff',
  linkColor: '#0b5e7e',
  focusColor: '#1a1a2e',
  fontFamily: 'system' as HouseStyleFont,
};

/** The logo: PNG or JPEG only (an SVG can carry script), at most 200 kB. */
export const HOUSE_STYLE_LOGO_MAX_BYTES = 200 * 1024;
export const HOUSE_STYLE_LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type HouseStyleLogoType = (typeof HOUSE_STYLE_LOGO_TYPES)[number];

// ---------- contrast (WCAG 2.2, relative luminance) ----------

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** The contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A ratio as people read it, rounded down so that 4.499 never shows as "4,5": "4,49:1". */
export function formatRatio(ratio: number): string {
  const down = Math.floor(ratio * 100) / 100;
  return `${down.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 2 })}:1`;
}

export interface ContrastProblem {
  field: 'primaryTextColor' | 'primaryColor' | 'linkColor' | 'focusColor';
  message: string;
  ratio: number;
  minimum: number;
}

/** The pairs that are checked, each with the WCAG minimum and the Dutch name of the pair. */
const CONTRAST_PAIRS = [
  {
    field: 'primaryTextColor',
    fg: 'primaryTextColor',
    bg: 'primaryColor',
    minimum: 4.5,
    pair: 'de tekstkleur op de hoofdkleur',
    kind: 'tekst',
  },
  {
    field: 'primaryColor',
    fg: 'primaryColor',
    bg: 'page',
    minimum: 3,
    pair: 'de hoofdkleur op de witte pagina',
    kind: 'knoppen en lijnen',
  },
  {
    field: 'linkColor',
    fg: 'linkColor',
    bg: 'page',
    minimum: 4.5,
    pair: 'de linkkleur op de witte pagina',
    kind: 'tekst',
  },
  {
    field: 'focusColor',
    fg: 'focusColor',
    bg: 'page',
    minimum: 3,
    pair: 'de focuskleur op de witte pagina',
    kind: 'de focusrand',
  },
] as const;

/** Every colour pair below its WCAG minimum, with a Dutch message naming the pair and the measured ratio. */
export function contrastProblems(colours: {
  primaryColor: string;
  primaryTextColor: string;
  linkColor: string;
  focusColor: string;
}): ContrastProblem[] {
  const value = (key: (typeof CONTRAST_PAIRS)[number]['fg' | 'bg']) =>
    key === 'page' ? HOUSE_STYLE_PAGE_BACKGROUND : colours[key];
  const problems: ContrastProblem[] = [];
  for (const p of CONTRAST_PAIRS) {
    const ratio = contrastRatio(value(p.fg), value(p.bg));
    if (ratio >= p.minimum) continue;
    problems.push({
      field: p.field,
      ratio,
      minimum: p.minimum,
      message:
        `Te weinig contrast tussen ${p.pair} (${value(p.fg)} op ${value(p.bg)}): ${formatRatio(ratio)}. ` +
        `Voor ${p.kind} is ten minste ${formatRatio(p.minimum)} nodig.`,
    });
  }
  return problems;
}

// ---------- requests and views ----------

const colour = (what: string) =>
  z
    .string({ error: `Vul ${what} in.` })
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, { error: `Vul ${what} in als #rrggbb, bijvoorbeeld #0b4f6c.` });

export const houseStyleLogoUpload = z.object({
  contentType: z.enum(HOUSE_STYLE_LOGO_TYPES, { error: 'Een logo moet een PNG- of JPEG-bestand zijn (geen SVG).' }),
  /** The file's bytes, base64-encoded; the server checks that they really are the given type. */
  contentBase64: z
    .string()
    .min(1, { error: 'Het logobestand is leeg.' })
    .max(Math.ceil((HOUSE_STYLE_LOGO_MAX_BYTES * 4) / 3) + 4, { error: 'Een logo mag hoogstens 200 kB zijn.' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Het logobestand kon niet worden gelezen.' }),
});

const houseStyleFields = z.object({
  displayName: z
    .string({ error: 'Vul de naam van de gemeente in.' })
    .trim()
    .min(2, { error: 'Vul de naam van de gemeente in (ten minste 2 tekens).' })
    .max(100, { error: 'De naam mag hoogstens 100 tekens zijn.' }),
  primaryColor: colour('de hoofdkleur'),
  primaryTextColor: colour('de tekstkleur op de hoofdkleur'),
  linkColor: colour('de linkkleur'),
  focusColor: colour('de focuskleur'),
  fontFamily: z.enum(HOUSE_STYLE_FONTS, { error: 'Kies een lettertype uit de lijst.' }),
  /** Left out: keep the logo; null: remove it; a file: replace it. */
  logo: houseStyleLogoUpload.nullable().optional(),
  version: z.number().int().min(0),
});

/** PUT /api/admin/house-style. A colour pair below its minimum contrast is refused with the pair and the ratio. */
export const updateHouseStyleRequest = houseStyleFields.superRefine((value, ctx) => {
  for (const p of contrastProblems(value)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
});
export type UpdateHouseStyleRequest = z.infer<typeof updateHouseStyleRequest>;

/** The administrator's view (GET/PUT /api/admin/house-style). `version` 0: the municipality still has the default. */
export const houseStyleView = z.object({
  displayName: z.string(),
  primaryColor: z.string(),
  primaryTextColor: z.string(),
  linkColor: z.string(),
  focusColor: z.string(),
  fontFamily: z.enum(HOUSE_STYLE_FONTS),
  hasLogo: z.boolean(),
  /** Where the stylesheet and the logo are served, for every page of this municipality. */
  themeHref: z.string(),
  logoHref: z.string().nullable(),
  version: z.number(),
});
export type HouseStyleView = z.infer<typeof houseStyleView>;

/** GET /api/public/house-style/:tenantSlug — what every header needs (public: a house style is no personal data). */
export const publicHouseStyle = z.object({
  displayName: z.string(),
  themeHref: z.string(),
  logoHref: z.string().nullable(),
});
export type PublicHouseStyle = z.infer<typeof publicHouseStyle>;
