/**
 * Dataset sizes. Volumes follow from the number of case files per team; the ratios (≈2.5 persons,
 * ≈12.5 contacts and ≈5 ZRM measurements per case file) give `large` ≈ 200,000 persons, 80,000 case files,
 * 1,000,000 contacts and 400,000 ZRM measurements in 50 teams with 1,500 users.
 *
 * `xl` is five times `large` by hosting five times as many municipalities on the same server (250 teams):
 * per-worker and per-team volumes stay those of a real city, while every table — and every index without
 * the tenant in front — is five times larger. That is the growth a hosted Nabij sees.
 */
export const SIZES = {
  /** For tests: two municipalities (one with two teams), a few hundred persons; seconds. */
  small: { teamsPerTenant: [2, 1], casesPerTeam: 40, caseWorkersPerTeam: 4, historyYears: 2 },
  /** One fifth of large: three municipalities, ten teams. */
  medium: { teamsPerTenant: [6, 3, 1], casesPerTeam: 1_600, caseWorkersPerTeam: 25, historyYears: 5 },
  /** A large city (22 teams) and four other municipalities on one server: 50 teams. */
  large: { teamsPerTenant: [22, 12, 8, 5, 3], casesPerTeam: 1_600, caseWorkersPerTeam: 25, historyYears: 5 },
  /** Five times large: 25 municipalities, 250 teams. */
  xl: {
    teamsPerTenant: [22, 12, 8, 5, 3, 22, 12, 8, 5, 3, 22, 12, 8, 5, 3, 22, 12, 8, 5, 3, 22, 12, 8, 5, 3],
    casesPerTeam: 1_600,
    caseWorkersPerTeam: 25,
    historyYears: 5,
  },
} as const satisfies Record<string, SizeSpec>;

export interface SizeSpec {
  teamsPerTenant: readonly number[];
  casesPerTeam: number;
  caseWorkersPerTeam: number;
  historyYears: number;
}

export type SizeName = keyof typeof SIZES;
export const SIZE_NAMES = Object.keys(SIZES) as SizeName[];

/** Password of every synthetic user (its argon2id hash is computed once per run and shared). */
export const SYNTHETIC_PASSWORD = 'Synthetisch-Nabij-2026';

/**
 * Test BSNs: nine digits starting with 999 that pass the eleven-check. The 999 block is where the
 * national test sets (BRP/RvIG test persons) live; the demo and the tests use 99999xxxx, so the synthetic
 * data takes 999000000–999899999 (≈81,800 valid numbers per municipality; a BSN is unique per
 * municipality, so numbers repeat across municipalities of a hosted server, which no real data does).
 */
export const SYNTHETIC_BSN_FIRST = 999_000_000;
export const SYNTHETIC_BSN_LAST = 999_899_999;
