/** The parts of the case file, each on its own address under /dossiers/:id (issue #19, ADR 0042). Pure: no I/O. */
import type { CaseOverview } from '@nabij/contracts';

export interface CaseSectionLink {
  /** The path under the case (`''` is the overview); `plan` is the plan page outside the case frame. */
  path: string;
  labelKey: string;
  /** Shown to a process coordinator (municipal consultant linked to the case), who reads the overview and plan only. */
  forProcessCoordinator: boolean;
}

const ALL: readonly (CaseSectionLink & { when?: (o: Pick<CaseOverview, 'hasMinors' | 'meldcode'>) => boolean })[] = [
  { path: '', labelKey: 'caseFile.navOverview', forProcessCoordinator: true },
  { path: 'journaal', labelKey: 'caseFile.navJournal', forProcessCoordinator: false },
  { path: 'taken', labelKey: 'caseFile.navTasks', forProcessCoordinator: false },
  { path: 'huishouden', labelKey: 'caseFile.navHousehold', forProcessCoordinator: true },
  { path: 'zrm', labelKey: 'caseFile.navZrm', forProcessCoordinator: false },
  { path: 'plan', labelKey: 'caseFile.navPlan', forProcessCoordinator: true },
  {
    path: 'veiligheid',
    labelKey: 'caseFile.navSafety',
    forProcessCoordinator: false,
    when: (o) => o.hasMinors || o.meldcode !== null,
  },
  { path: 'eropaf', labelKey: 'caseFile.navOutreach', forProcessCoordinator: false },
  { path: 'toestemmingen', labelKey: 'caseFile.navConsents', forProcessCoordinator: false },
  { path: 'overleg', labelKey: 'caseFile.navMeetings', forProcessCoordinator: false },
  { path: 'verloop', labelKey: 'caseFile.navCourse', forProcessCoordinator: false },
  { path: 'mijn-nabij', labelKey: 'caseFile.navPortal', forProcessCoordinator: false },
  { path: 'tijdlijn', labelKey: 'caseFile.navTimeline', forProcessCoordinator: false },
];

/** The sections this case shows to this user, in the order of the skip list. */
export function caseSections(
  overview: Pick<CaseOverview, 'hasMinors' | 'meldcode'>,
  processCoordinatorOnly: boolean,
): CaseSectionLink[] {
  return ALL.filter(
    (s) => (s.when ? s.when(overview) : true) && (!processCoordinatorOnly || s.forProcessCoordinator),
  ).map(({ path, labelKey, forProcessCoordinator }) => ({ path, labelKey, forProcessCoordinator }));
}

/** The address of a section of a case. */
export function sectionHref(caseId: string, path: string): string {
  const base = `/dossiers/${encodeURIComponent(caseId)}`;
  return path === '' ? base : `${base}/${path}`;
}

/** The section (path) shown at a pathname under /dossiers/:id; `''` for the overview, undefined outside the case. */
export function sectionOfPath(pathname: string): string | undefined {
  const match = /^\/dossiers\/[^/]+(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!match) return undefined;
  return match[1] ?? '';
}

/** The anchors of the one-page case file (before issue #19) and the section that now holds each: old links keep working. */
const OLD_ANCHORS: Readonly<Record<string, string>> = {
  journaal: 'journaal',
  taken: 'taken',
  huishouden: 'huishouden',
  netwerk: 'huishouden',
  professionals: 'huishouden',
  zrm: 'zrm',
  participatie: 'zrm',
  veiligheid: 'veiligheid',
  meldcode: 'veiligheid',
  eropaf: 'eropaf',
  toestemming: 'toestemmingen',
  privacy: 'toestemmingen',
  overleg: 'overleg',
  coordinatie: 'overleg',
  verloop: 'verloop',
  'mijn-nabij': 'mijn-nabij',
  tijdlijn: 'tijdlijn',
};

/** The section an old anchor (`#netwerk`) now lives in, or undefined. */
export function sectionOfAnchor(hash: string): string | undefined {
  return OLD_ANCHORS[hash.replace(/^#/, '')];
}
