/**
 * What the case overview shows at a glance (issue #19 item 1), computed from the data the page already loads: the case
 * view, the plan and the course. Pure: no I/O, no React; the texts come from `t`.
 */
import type { CaseCourseView, CaseOverview, PlanPageView } from '@nabij/contracts';
import { joinList, t } from '../../app/i18n';
import { formatDate } from '../persons/person-format';

export interface OverviewItem {
  key: string;
  text: string;
  /** The section (path under the case) or page (`evaluatie`, `plan`) where it is done. */
  to: string;
  urgent: boolean;
}

type Course = Pick<CaseCourseView, 'phase' | 'nextEvaluationDue'>;

/** The next deadline of the case: the end of the analysis phase, or the next evaluation in execution. */
export function nextDeadline(
  overview: Pick<CaseOverview, 'phase' | 'analysisDeadline' | 'analysisOverdue'>,
  course: Course | undefined,
  today: string,
): { text: string; overdue: boolean } {
  if (overview.phase === 'analysis' && overview.analysisDeadline) {
    const date = formatDate(overview.analysisDeadline);
    return overview.analysisOverdue
      ? { text: t('caseFile.deadlineAnalysisOverdue', { date }), overdue: true }
      : { text: t('caseFile.deadlineAnalysis', { date }), overdue: false };
  }
  if (course?.phase === 'execution' && course.nextEvaluationDue) {
    const date = formatDate(course.nextEvaluationDue);
    const overdue = course.nextEvaluationDue < today;
    return {
      text: t(overdue ? 'caseFile.deadlineEvaluationOverdue' : 'caseFile.deadlineEvaluation', { date }),
      overdue,
    };
  }
  return { text: t('caseFile.deadlineNone'), overdue: false };
}

/** Days before the evaluation date from which it counts as "to do". */
const EVALUATION_SOON_DAYS = 14;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * "Wat moet er gebeuren": open tasks, an evaluation that is due, professionals without consent to share, a child-safety
 * assessment still required, an analysis phase past its deadline, outreach that needs the team.
 */
export function todoItems(
  overview: Pick<
    CaseOverview,
    | 'openTasks'
    | 'professionals'
    | 'childSafetyRequired'
    | 'phase'
    | 'analysisDeadline'
    | 'analysisOverdue'
    | 'outreach'
    | 'networkMeetings'
  >,
  course: Course | undefined,
  today: string,
): OverviewItem[] {
  const items: OverviewItem[] = [];
  const tasks = overview.openTasks;
  if (tasks.length > 0) {
    const overdue = tasks.filter((x) => x.overdue).length;
    const text =
      overdue > 0
        ? t('caseFile.todoTasksOverdue', { count: tasks.length, overdue })
        : tasks.length === 1
          ? t('caseFile.todoTask')
          : t('caseFile.todoTasks', { count: tasks.length });
    items.push({ key: 'tasks', text, to: 'taken', urgent: overdue > 0 });
  }
  // A network meeting whose date has passed without being marked held, or held without the network's plan yet (issue #22 item 7).
  for (const m of overview.networkMeetings ?? []) {
    if (m.status === 'planned' && m.plannedOn && m.plannedOn < today)
      items.push({
        key: `meeting-${m.id}`,
        text: t('caseFile.todoMeetingPast', { date: formatDate(m.plannedOn) }),
        to: 'huishouden',
        urgent: false,
      });
    if (m.status === 'held')
      items.push({ key: `meeting-${m.id}`, text: t('caseFile.todoMeetingNoPlan'), to: 'huishouden', urgent: false });
  }
  if (
    course?.phase === 'execution' &&
    course.nextEvaluationDue &&
    course.nextEvaluationDue <= addDays(today, EVALUATION_SOON_DAYS)
  ) {
    const overdue = course.nextEvaluationDue < today;
    items.push({
      key: 'evaluation',
      text: t(overdue ? 'caseFile.todoEvaluationOverdue' : 'caseFile.todoEvaluationDue', {
        date: formatDate(course.nextEvaluationDue),
      }),
      to: 'evaluatie',
      urgent: overdue,
    });
  }
  if (overview.childSafetyRequired)
    items.push({ key: 'child-safety', text: t('case.childSafetyRequired'), to: 'veiligheid', urgent: true });
  const withoutConsent = overview.professionals.filter((p) => !p.consentToShare).map((p) => p.organisation);
  if (withoutConsent.length > 0)
    items.push({
      key: 'consent',
      text: t('caseFile.todoConsentMissing', { organisations: joinList(withoutConsent) }),
      to: 'toestemmingen',
      urgent: false,
    });
  if (overview.phase === 'analysis' && overview.analysisOverdue && overview.analysisDeadline) {
    items.push({
      key: 'analysis',
      text: t('caseFile.todoAnalysisOverdue', { date: formatDate(overview.analysisDeadline) }),
      to: 'zrm',
      urgent: true,
    });
  }
  if (overview.outreach.flaggedForTeam)
    items.push({ key: 'outreach', text: t('caseFile.todoOutreach'), to: 'eropaf', urgent: true });
  return items;
}

/**
 * "Let op": language and interpreter, the minors in the household, and the Meldcode — only for those allowed to know
 * (the case view sends `meldcode: null` to everyone else, and then no Meldcode alert is shown at all).
 */
export function alertItems(
  overview: Pick<CaseOverview, 'language' | 'hasMinors' | 'household' | 'meldcode' | 'meldcodeSuggested'>,
  languageText: string | null,
): OverviewItem[] {
  const items: OverviewItem[] = [];
  if (languageText)
    items.push({
      key: 'language',
      text: languageText,
      to: 'huishouden',
      urgent: overview.language?.interpreterNeeded === true,
    });
  if (overview.hasMinors) {
    const minors = (overview.household?.members ?? []).filter((m) => m.isMinor === true).map((m) => m.fullName);
    items.push({
      key: 'minors',
      text: t('caseFile.alertMinors', { names: minors.length > 0 ? joinList(minors) : t('common.unknown') }),
      to: 'huishouden',
      urgent: false,
    });
  }
  if (overview.meldcode !== null) {
    if (overview.meldcode.some((m) => m.status === 'open'))
      items.push({ key: 'meldcode', text: t('caseFile.alertMeldcodeOpen'), to: 'veiligheid', urgent: true });
    else if (overview.meldcodeSuggested)
      items.push({ key: 'meldcode', text: t('case.meldcodeSuggested'), to: 'veiligheid', urgent: true });
  }
  return items;
}

export interface ZrmTrend {
  personId: string;
  personName: string;
  /** Average of the latest assessment's scores (1–5). */
  latest: { average: number; assessedOn: string; domains: number };
  /** The assessment before it, when there is one. */
  previous: { average: number; assessedOn: string } | null;
  better: number;
  worse: number;
  /** The averages of every assessment, oldest first (the small trend line). */
  averages: number[];
}

const average = (scores: readonly { score: number }[]): number =>
  scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + s.score, 0) / scores.length;

/** Per person: the average self-reliance of each ZRM assessment and, between the last two, the domains that moved. */
export function zrmTrends(assessments: CaseOverview['zrm']): ZrmTrend[] {
  const byPerson = new Map<string, CaseOverview['zrm']>();
  for (const a of [...assessments].sort((x, y) => x.assessedOn.localeCompare(y.assessedOn)))
    byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  return [...byPerson.values()].flatMap((list) => {
    const latest = list.at(-1);
    if (!latest) return [];
    const previous = list.length > 1 ? (list.at(-2) ?? null) : null;
    let better = 0;
    let worse = 0;
    for (const s of latest.scores) {
      const before = previous?.scores.find((p) => p.domain === s.domain);
      if (!before) continue;
      if (s.score > before.score) better += 1;
      if (s.score < before.score) worse += 1;
    }
    return [
      {
        personId: latest.personId,
        personName: latest.personName,
        latest: { average: average(latest.scores), assessedOn: latest.assessedOn, domains: latest.scores.length },
        previous: previous ? { average: average(previous.scores), assessedOn: previous.assessedOn } : null,
        better,
        worse,
        averages: list.map((a) => average(a.scores)),
      },
    ];
  });
}

/** "2,4" */
export function formatAverage(value: number): string {
  return value.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export interface GoalProgress {
  id: string;
  domain: string;
  goal: string;
  done: number;
  total: number;
}

/** The current plan version's goals, each with how many of its actions are done (stopped actions do not count). */
export function goalProgress(plan: PlanPageView['plan']): GoalProgress[] {
  if (!plan) return [];
  return plan.current.goals.map((g) => {
    const counted = g.actions.filter((a) => a.status !== 'stopped');
    return {
      id: g.id,
      domain: g.domain,
      goal: g.goal,
      done: counted.filter((a) => a.status === 'done').length,
      total: counted.length,
    };
  });
}

/** "Plan: versie 2 is op 1 december 2026 afgesproken …" — where the household's plan stands. */
export function planStatusText(plan: PlanPageView['plan']): string {
  const versions = plan?.versions ?? [];
  const agreed = [...versions].reverse().find((v) => v.status === 'agreed');
  const draft = versions.find((v) => v.status === 'draft');
  if (!plan) return t('case.planNone');
  if (draft && agreed)
    return t('case.planAgreedWithDraft', {
      number: agreed.number,
      date: formatDate(agreed.agreedOn),
      draft: draft.number,
    });
  if (agreed) return t('case.planAgreed', { number: agreed.number, date: formatDate(agreed.agreedOn) });
  return t('case.planDraft', { number: draft?.number ?? 1 });
}
