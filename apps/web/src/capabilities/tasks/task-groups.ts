/**
 * Pure rules of the task lists: "Te laat", "Vandaag", "Binnenkort" for Mijn werk, the team's tasks per worker,
 * labels and the assignee choices of the case's task form. No I/O.
 */
import { addDays, type TaskView } from '@nabij/contracts';
import { t } from '../../app/i18n';

export type DueGroup = 'overdue' | 'today' | 'soon';
export const DUE_GROUPS: readonly DueGroup[] = ['overdue', 'today', 'soon'];

/** The fields the grouping needs; the server computes `overdue` and `dueToday` on the Amsterdam date. */
type Due = Pick<TaskView, 'dueOn' | 'overdue' | 'dueToday'>;

export function dueGroupOf(task: Due): DueGroup {
  if (task.overdue) return 'overdue';
  if (task.dueToday) return 'today';
  return 'soon';
}

/** Open tasks in three groups, each sorted by due date (oldest first), keeping the given order on ties. */
export function groupTasksByDue<T extends Due>(tasks: readonly T[]): Record<DueGroup, T[]> {
  const groups: Record<DueGroup, T[]> = { overdue: [], today: [], soon: [] };
  for (const task of tasks) groups[dueGroupOf(task)].push(task);
  for (const group of DUE_GROUPS) groups[group].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return groups;
}

export interface WorkerTasks<T> {
  /** Null for tasks without anyone to do them (no assignee and no case worker). */
  worker: { id: string; name: string } | null;
  tasks: T[];
  overdue: number;
}

/**
 * The team's tasks per worker: workers with the most overdue tasks first, then by name; tasks without a worker last.
 */
export function groupTasksByWorker<T extends Due & Pick<TaskView, 'assignee'>>(tasks: readonly T[]): WorkerTasks<T>[] {
  const byId = new Map<string, WorkerTasks<T>>();
  for (const task of tasks) {
    const key = task.assignee?.id ?? '';
    let entry = byId.get(key);
    if (!entry) {
      entry = { worker: task.assignee, tasks: [], overdue: 0 };
      byId.set(key, entry);
    }
    entry.tasks.push(task);
    if (task.overdue) entry.overdue++;
  }
  return [...byId.values()].sort((a, b) => {
    if ((a.worker === null) !== (b.worker === null)) return a.worker === null ? 1 : -1;
    if (a.overdue !== b.overdue) return b.overdue - a.overdue;
    return (a.worker?.name ?? '').localeCompare(b.worker?.name ?? '', 'nl');
  });
}

export function taskKindLabel(kind: string): string {
  return t(`tasks.kind.${kind}`);
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * Who a new task on a case can be for: the case manager (the default, sent as no assignee so the task follows the
 * case when it is handed over), the tandem partner, and the user themself when they are neither (e.g. the coordinator).
 */
export function assigneeChoices(
  kase: { caseWorker: { id: string; name: string }; tandem: { id: string; name: string } | null },
  me: { id: string; displayName: string },
): Choice[] {
  const choices: Choice[] = [{ value: '', label: t('tasks.assigneeCaseWorker', { name: kase.caseWorker.name }) }];
  if (kase.tandem && kase.tandem.id !== kase.caseWorker.id)
    choices.push({ value: kase.tandem.id, label: t('tasks.assigneeTandem', { name: kase.tandem.name }) });
  if (me.id !== kase.caseWorker.id && me.id !== kase.tandem?.id)
    choices.push({ value: me.id, label: t('tasks.assigneeMe', { name: me.displayName }) });
  return choices;
}

/** A date a week from `today` (YYYY-MM-DD), the default due date of a new task. */
export function inAWeek(today: string): string {
  return addDays(today, 7);
}

/** The name of a background job in Dutch, or its technical name when there is no label. */
export function jobLabel(name: string): string {
  const key = `jobs.job.${name}`;
  const text = t(key);
  return text === key ? name : text;
}

/**
 * Whether the user may work on the case (log contacts, add tasks): its own workers, or the team's coordinator, and
 * not on a closed case. The server decides; this only avoids offering forms that would be refused.
 */
export function mayWorkOnCase(
  user: { id: string; roles: readonly string[] },
  kase: { caseWorker: { id: string }; tandem: { id: string } | null; phase: string },
): boolean {
  if (kase.phase === 'closed') return false;
  return user.id === kase.caseWorker.id || user.id === kase.tandem?.id || user.roles.includes('team_coordinator');
}
