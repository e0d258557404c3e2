import { TASK_KINDS, type TaskView } from '@nabij/contracts';
import { describe, expect, it } from 'vitest';
import {
  assigneeChoices,
  dueGroupOf,
  groupTasksByDue,
  groupTasksByWorker,
  inAWeek,
  jobLabel,
  taskKindLabel,
} from './task-groups';

const sanne = { id: 'u1', name: 'Sanne de Boer' };
const joost = { id: 'u2', name: 'Joost Vermeulen' };
function task(
  id: string,
  dueOn: string,
  flags: { overdue?: boolean; dueToday?: boolean } = {},
  assignee: TaskView['assignee'] = sanne,
): TaskView {
  return {
    id,
    kind: 'manual',
    title: `Taak ${id}`,
    dueOn,
    overdue: flags.overdue ?? false,
    dueToday: flags.dueToday ?? false,
    caseId: null,
    caseReference: null,
    householdName: null,
    assignee,
    doneAt: null,
    version: 1,
  };
}

describe('groupTasksByDue', () => {
  it('puts overdue tasks under "Te laat", today under "Vandaag", the rest under "Binnenkort", each by due date', () => {
    const tasks = [
      task('a', '2026-03-10'),
      task('b', '2026-03-01', { overdue: true }),
      task('c', '2026-03-02', { dueToday: true }),
      task('d', '2026-02-20', { overdue: true }),
      task('e', '2026-03-05'),
    ];
    const groups = groupTasksByDue(tasks);
    expect(groups.overdue.map((x) => x.id)).toEqual(['d', 'b']);
    expect(groups.today.map((x) => x.id)).toEqual(['c']);
    expect(groups.soon.map((x) => x.id)).toEqual(['e', 'a']);
  });

  it('trusts the server on what is overdue (the Amsterdam date), also for a task due today that is not overdue', () => {
    expect(dueGroupOf({ dueOn: '2026-03-02', overdue: false, dueToday: true })).toBe('today');
    expect(dueGroupOf({ dueOn: '2026-03-01', overdue: true, dueToday: false })).toBe('overdue');
    expect(groupTasksByDue([])).toEqual({ overdue: [], today: [], soon: [] });
  });
});

describe('groupTasksByWorker', () => {
  it('groups per worker with overdue counts, most overdue first, unassigned last', () => {
    const groups = groupTasksByWorker([
      task('1', '2026-03-10', {}, sanne),
      task('2', '2026-03-01', { overdue: true }, joost),
      task('3', '2026-03-01', { overdue: true }, null),
      task('4', '2026-02-01', { overdue: true }, joost),
      task('5', '2026-03-02', { dueToday: true }, sanne),
    ]);
    expect(groups.map((g) => [g.worker?.name ?? null, g.tasks.length, g.overdue])).toEqual([
      ['Joost Vermeulen', 2, 2],
      ['Sanne de Boer', 2, 0],
      [null, 1, 1],
    ]);
  });

  it('sorts workers with the same number overdue by name', () => {
    const anne = { id: 'u3', name: 'Anne Bakker' };
    const groups = groupTasksByWorker([task('1', '2026-03-10', {}, sanne), task('2', '2026-03-10', {}, anne)]);
    expect(groups.map((g) => g.worker?.name)).toEqual(['Anne Bakker', 'Sanne de Boer']);
  });
});

describe('labels', () => {
  it('has a Dutch label for every task kind', () => {
    for (const kind of TASK_KINDS) expect(taskKindLabel(kind)).not.toMatch(/^tasks\.kind\./);
    expect(taskKindLabel('evaluation_due')).toBe('Evaluatie');
  });

  it('names known background jobs in Dutch and shows unknown ones by their technical name', () => {
    expect(jobLabel('task-digest')).toBe('Dagelijkse e-mail met taken');
    expect(jobLabel('retention-sweep')).toBe('retention-sweep');
  });
});

describe('assigneeChoices', () => {
  const kase = { caseWorker: sanne, tandem: null };
  it('offers the case manager first (as no assignee), then the tandem partner and the user themself', () => {
    expect(assigneeChoices({ caseWorker: sanne, tandem: joost }, { id: 'c1', displayName: 'Marloes Dekker' })).toEqual([
      { value: '', label: 'De casemanager (Sanne de Boer)' },
      { value: 'u2', label: 'Joost Vermeulen (tandem)' },
      { value: 'c1', label: 'Mijzelf (Marloes Dekker)' },
    ]);
  });
  it('does not offer the case worker twice', () => {
    expect(assigneeChoices(kase, { id: 'u1', displayName: 'Sanne de Boer' })).toEqual([
      { value: '', label: 'De casemanager (Sanne de Boer)' },
    ]);
  });
});

describe('inAWeek', () => {
  it('adds seven days, across a month end', () => {
    expect(inAWeek('2026-03-28')).toBe('2026-04-04');
  });
});
