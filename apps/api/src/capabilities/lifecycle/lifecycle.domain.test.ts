import { describe, expect, it } from 'vitest';
import { addMonths, checkWatchPlan } from '@nabij/contracts';
import {
  compareParticipation,
  compareZrm,
  mayClose,
  mayReactivate,
  nextCheckIn,
  nextEvaluationDue,
  undecidedActions,
} from './lifecycle.domain';

const m = (
  kind: 'start' | 'interim' | 'closing',
  assessedOn: string,
  scores: Record<string, number>,
  personId = 'p1',
  instrument = 'zrm2017',
) => ({
  personId,
  personName: personId === 'p1' ? 'Anna' : 'Bo',
  instrument,
  kind,
  assessedOn,
  scores: Object.entries(scores).map(([domain, score]) => ({ domain, score })),
});

describe('ZRM at the start versus at closure', () => {
  it('compares the first start with the latest closing measurement per person and domain', () => {
    const result = compareZrm([
      m('start', '2026-01-10', { finances: 2, housing: 4, justice: 3 }),
      m('interim', '2026-04-10', { finances: 3 }),
      m('closing', '2026-08-10', { finances: 4, housing: 3, social_network: 3 }),
      m('start', '2026-01-10', { finances: 3 }, 'p2'),
    ]);
    expect(result[0]).toMatchObject({
      personName: 'Anna',
      startOn: '2026-01-10',
      closingOn: '2026-08-10',
      closingKind: 'closing',
    });
    expect(result[0]!.domains).toEqual([
      { domain: 'finances', start: 2, closing: 4, change: 'risen' },
      { domain: 'housing', start: 4, closing: 3, change: 'fallen' },
      { domain: 'justice', start: 3, closing: null, change: 'not_compared' },
      { domain: 'social_network', start: null, closing: 3, change: 'not_compared' },
    ]);
    expect(result[1]).toMatchObject({
      personName: 'Bo',
      closingOn: null,
      closingKind: null,
      domains: [{ domain: 'finances', change: 'not_compared' }],
    });
  });

  it('uses the latest interim measurement while there is no closing one, and never mixes instrument versions', () => {
    const result = compareZrm([
      m('start', '2026-01-10', { finances: 2 }),
      m('interim', '2026-03-01', { finances: 2 }),
      m('closing', '2026-05-01', { finances: 5 }, 'p1', 'zrm2013'),
    ]);
    expect(result[0]).toMatchObject({
      closingKind: 'interim',
      closingOn: '2026-03-01',
      domains: [{ domain: 'finances', start: 2, closing: 2, change: 'same' }],
    });
  });
});

describe('the participation ladder', () => {
  it('compares the first rung with the last per person', () => {
    expect(
      compareParticipation([
        { personId: 'p1', personName: 'Anna', rung: 3, measuredOn: '2026-06-01' },
        { personId: 'p1', personName: 'Anna', rung: 1, measuredOn: '2026-01-01' },
        { personId: 'p2', personName: 'Bo', rung: 2, measuredOn: '2026-01-01' },
      ]),
    ).toEqual([
      {
        personId: 'p1',
        personName: 'Anna',
        firstRung: 1,
        firstOn: '2026-01-01',
        lastRung: 3,
        lastOn: '2026-06-01',
        change: 'risen',
      },
      {
        personId: 'p2',
        personName: 'Bo',
        firstRung: 2,
        firstOn: '2026-01-01',
        lastRung: 2,
        lastOn: '2026-01-01',
        change: 'not_compared',
      },
    ]);
  });
});

describe('phase rules', () => {
  it('closes from execution and the closure phase, from analysis or plan only without "goals reached", never from watch or closed', () => {
    expect(mayClose('execution', 'goals_reached')).toBe(true);
    expect(mayClose('closure', 'moved')).toBe(true);
    expect(mayClose('analysis', 'no_contact_after_outreach')).toBe(true);
    expect(mayClose('plan', 'goals_reached')).toBe(false);
    expect(mayClose('watch', 'other')).toBe(false);
    expect(mayClose('closed', 'other')).toBe(false);
  });

  it('reactivates from watch, or within two years after closing', () => {
    expect(mayReactivate('watch', null, '2026-11-20')).toBe(true);
    expect(mayReactivate('closed', '2025-01-01', '2026-11-20')).toBe(true);
    expect(mayReactivate('closed', '2024-11-20', '2026-11-20')).toBe(false);
    expect(mayReactivate('execution', null, '2026-11-20')).toBe(false);
  });

  it('lists open and in-progress actions without a decision', () => {
    const actions = [
      { id: 'a', status: 'open' },
      { id: 'b', status: 'in_progress' },
      { id: 'c', status: 'done' },
      { id: 'd', status: 'stopped' },
    ];
    expect(undecidedActions(actions, new Set(['a'])).map((a) => a.id)).toEqual(['b']);
  });
});

describe('dates', () => {
  it('plans the next evaluation after the latest one, or after the agreement', () => {
    expect(nextEvaluationDue('2026-09-01', null, 13)).toBe('2026-12-01');
    expect(nextEvaluationDue('2026-09-01', '2026-10-01', 13)).toBe('2026-12-31');
    expect(nextEvaluationDue(null, null, 13)).toBeNull();
  });

  it('keeps the watch within two years and the next check-in within the watch', () => {
    expect(checkWatchPlan({ startedOn: '2026-11-20', checkInIntervalWeeks: 8, endsOn: '2028-11-20' })).toEqual({});
    expect(
      checkWatchPlan({ startedOn: '2026-11-20', checkInIntervalWeeks: 8, endsOn: '2028-11-21' }).endsOn?.[0],
    ).toContain('hoogstens twee jaar');
    expect(
      checkWatchPlan({ startedOn: '2026-11-20', checkInIntervalWeeks: 105, endsOn: '2027-11-20' })
        .checkInIntervalWeeks?.[0],
    ).toContain('1 tot en met 104');
    expect(
      checkWatchPlan({ startedOn: '2026-11-20', checkInIntervalWeeks: 60, endsOn: '2027-11-20' })
        .checkInIntervalWeeks?.[0],
    ).toContain('na het einde');
    expect(
      checkWatchPlan({ startedOn: '2026-11-20', checkInIntervalWeeks: 4, endsOn: '2026-11-20' }).endsOn,
    ).toBeDefined();
    expect(nextCheckIn('2026-11-20', 8, '2027-11-20')).toBe('2027-01-15');
    expect(nextCheckIn('2027-11-01', 8, '2027-11-20')).toBe('2027-11-20');
  });

  it('adds months like PostgreSQL does (29 February plus two years is 28 February)', () => {
    expect(addMonths('2028-02-29', 24)).toBe('2030-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-20', -24)).toBe('2024-11-20');
  });
});
