/**
 * Management information (issue #8): the dashboards of the team coordinator (own teams) and the municipality's policy
 * advisor (every team, aggregate only), their exports, and the quality mirror on Movisie's 15 effective elements with
 * the team's periodic self-assessment. Every figure is aggregate; a cell that counts fewer than five cases is suppressed
 * (`value: null, suppressed: true`, shown as "<5").
 */
import { z } from 'zod';
import { isoDate, uuid } from './schemas';

/** Cells counting fewer than this many cases are suppressed, everywhere (screen, CSV, XLSX, PDF). */
export const SUPPRESSION_THRESHOLD = 5;

const optionalText = z
  .string()
  .optional()
  .nullable()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? undefined : v.trim()));

/** The filters of a dashboard, its exports and the quality mirror (query string). Without dates: the last twelve months. */
export const dashboardQuery = z
  .object({
    from: optionalText.pipe(isoDate.optional()),
    to: optionalText.pipe(isoDate.optional()),
    teamId: optionalText.pipe(z.uuid({ error: 'Kies een team uit de lijst.' }).optional()),
    area: optionalText.pipe(z.string().max(100, { error: 'Maximaal 100 tekens.' }).optional()),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'De einddatum ligt vóór de begindatum. Kies een einddatum op of na de begindatum.',
      });
  });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

// ---------- the report model: sections of tables; charts and exports are drawn from the same tables ----------
export const MI_UNITS = ['count', 'days', 'percent', 'score', 'number'] as const;
export type MiUnit = (typeof MI_UNITS)[number];

/**
 * Why a figure is hidden: `small` — a count of 1–4 (shown as "<5"); `complementary` — a figure that is not small
 * itself but hidden so that a small one cannot be computed back from a total (shown as "x"); `few_cases` — a
 * statistic (average, median, share) or a count that rests on fewer than five cases (shown as "te weinig", never "<5").
 */
export const MI_SUPPRESSION_REASONS = ['small', 'complementary', 'few_cases'] as const;
export type MiSuppressionReason = (typeof MI_SUPPRESSION_REASONS)[number];

/**
 * One figure. `value: null, suppressed: false` means no data (e.g. nothing happened in the period). A suppressed
 * figure says why (`reason`).
 */
export const miCell = z.object({
  value: z.number().nullable(),
  suppressed: z.boolean(),
  reason: z.enum(MI_SUPPRESSION_REASONS).optional(),
});
export type MiCell = z.infer<typeof miCell>;

export const miColumn = z.object({ key: z.string(), label: z.string(), unit: z.enum(MI_UNITS) });
export const miRow = z.object({ key: z.string(), label: z.string(), total: z.boolean(), cells: z.array(miCell) });
export const miChart = z.object({
  kind: z.enum(['bar', 'line']),
  /** The column drawn (one series). */
  column: z.string(),
});
export const miTable = z.object({
  key: z.string(),
  title: z.string(),
  /** What counts, from which data (the same text as in docs/management-information.md). */
  definition: z.string(),
  columns: z.array(miColumn),
  rows: z.array(miRow),
  chart: miChart.nullable(),
  /** True when the table shows today's situation, whatever the period. */
  snapshot: z.boolean(),
});
export type MiTable = z.infer<typeof miTable>;
export const miSection = z.object({ key: z.string(), title: z.string(), tables: z.array(miTable) });
export type MiSection = z.infer<typeof miSection>;

export const miTeam = z.object({ id: z.string(), name: z.string(), area: z.string().nullable() });

export const dashboardView = z.object({
  filters: z.object({ from: z.string(), to: z.string(), teamId: z.string().nullable(), area: z.string().nullable() }),
  /** What the user may filter on: the own teams (coordinator) or every team of the municipality (policy advisor). */
  scope: z.object({ kind: z.enum(['team', 'municipality']), teams: z.array(miTeam), areas: z.array(z.string()) }),
  /** The teams the figures are about. */
  teamNames: z.array(z.string()),
  today: z.string(),
  threshold: z.number(),
  sections: z.array(miSection),
  /** Indicators the issue asks for that the registration cannot (yet) measure, with the reason. */
  notMeasured: z.array(z.object({ key: z.string(), title: z.string(), reason: z.string() })),
});
export type DashboardView = z.infer<typeof dashboardView>;

// ---------- quality mirror (Movisie's 15 effective elements; seed 004) ----------
/** In the order Movisie lists them. Names and descriptions come with the view (also used in exports). */
export const QUALITY_ELEMENTS = [
  'basic_attitude',
  'continuity',
  'integral_plan',
  'long_term_support',
  'normalising',
  'tailored',
  'support_nearby',
  'open_communication',
  'quick_practical_help',
  'quick_expertise',
  'accessible_support',
  'own_direction',
  'fixed_contact_person',
  'question_clarification',
  'working_with_methods',
] as const;
export type QualityElement = (typeof QUALITY_ELEMENTS)[number];

/** A quarter: 2026-Q4. */
export const quarter = z
  .string({ error: 'Kies het kwartaal.' })
  .regex(/^\d{4}-Q[1-4]$/, { error: 'Kies een kwartaal, bijvoorbeeld 2026-Q4.' });

export const qualityMirrorQuery = z.object({
  teamId: optionalText.pipe(z.uuid({ error: 'Kies een team uit de lijst.' }).optional()),
  from: optionalText.pipe(isoDate.optional()),
  to: optionalText.pipe(isoDate.optional()),
});

export const qualityIndicator = z.object({
  label: z.string(),
  unit: z.enum(MI_UNITS),
  cell: miCell,
  /** The dashboard table the figure comes from (for "see the dashboard"). */
  tableKey: z.string().nullable(),
});
export const qualityElementView = z.object({
  code: z.enum(QUALITY_ELEMENTS),
  name: z.string(),
  description: z.string(),
  indicators: z.array(qualityIndicator),
  /** Why the registration says little or nothing about this element (self-assessment only). */
  limitation: z.string().nullable(),
});
export const qualityAssessmentView = z.object({
  period: z.string(),
  version: z.number(),
  updatedOn: z.string(),
  updatedByName: z.string(),
  elements: z.array(
    z.object({ element: z.enum(QUALITY_ELEMENTS), score: z.number().nullable(), notes: z.string().nullable() }),
  ),
});
export type QualityAssessmentView = z.infer<typeof qualityAssessmentView>;
export const qualityMirrorView = z.object({
  filters: z.object({ from: z.string(), to: z.string(), teamId: z.string() }),
  team: miTeam,
  teams: z.array(miTeam),
  canAssess: z.boolean(),
  currentQuarter: z.string(),
  /** Quarters the form offers: the current one and the three before it. */
  quarters: z.array(z.string()),
  threshold: z.number(),
  elements: z.array(qualityElementView),
  /** Newest first. */
  assessments: z.array(qualityAssessmentView),
});
export type QualityMirrorView = z.infer<typeof qualityMirrorView>;

export const qualityAssessmentInput = z.object({
  teamId: uuid,
  period: quarter,
  /** The version the form was loaded with; leave out for a quarter without a self-assessment yet. */
  version: z.number().int().min(1).optional(),
  elements: z
    .array(
      z.object({
        element: z.enum(QUALITY_ELEMENTS, { error: 'Onbekend werkzaam element.' }),
        score: z
          .number({ error: 'Kies een score van 1 tot en met 5.' })
          .int({ error: 'Kies een score van 1 tot en met 5.' })
          .min(1, { error: 'Kies een score van 1 tot en met 5.' })
          .max(5, { error: 'Kies een score van 1 tot en met 5.' })
          .nullable(),
        notes: z
          .string()
          .trim()
          .max(2000, { error: 'Maximaal 2000 tekens.' })
          .optional()
          .nullable()
          .transform((v) => (v ? v : null)),
      }),
    )
    .max(QUALITY_ELEMENTS.length),
});
export type QualityAssessmentInput = z.infer<typeof qualityAssessmentInput>;
