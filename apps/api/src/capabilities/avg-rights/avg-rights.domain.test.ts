import { describe, expect, it } from 'vitest';
import {
  canExtend,
  daysLeft,
  exceptionApplies,
  extensionProblem,
  isOverdue,
  latestExtension,
  requestDeadline,
} from './avg-rights.domain';

describe('deadlines of AVG requests', () => {
  it('one month after receipt, on the last day of a shorter month; at most three months with the extension', () => {
    expect(requestDeadline('2026-01-31')).toBe('2026-02-28');
    expect(requestDeadline('2026-03-15')).toBe('2026-04-15');
    expect(latestExtension('2026-01-31')).toBe('2026-04-30');
  });
  it('an extension within the first month, once, later than the deadline, and no more than two months', () => {
    const r = { receivedOn: '2026-03-15', deadline: '2026-04-15', extendedUntil: null, status: 'received' };
    expect(extensionProblem(r, '2026-06-15', '2026-04-01')).toBeNull();
    expect(extensionProblem(r, '2026-06-16', '2026-04-01')).toContain('uiterlijk tot 2026-06-15');
    expect(extensionProblem(r, '2026-04-10', '2026-04-01')).toContain('na de huidige termijn');
    expect(extensionProblem(r, '2026-06-01', '2026-04-16')).toContain('binnen een maand');
    expect(extensionProblem({ ...r, extendedUntil: '2026-05-15' }, '2026-06-01', '2026-04-01')).toContain(
      'al verlengd',
    );
    expect(canExtend(r, '2026-04-15')).toBe(true);
    expect(canExtend(r, '2026-04-16')).toBe(false);
  });
  it('overdue after the deadline that applies, unless closed', () => {
    const r = { receivedOn: '2026-03-15', deadline: '2026-04-15', extendedUntil: '2026-05-15', status: 'in_progress' };
    expect(isOverdue(r, '2026-05-15')).toBe(false);
    expect(isOverdue(r, '2026-05-16')).toBe(true);
    expect(isOverdue({ ...r, status: 'granted' }, '2026-07-01')).toBe(false);
    expect(daysLeft(r, '2026-05-10')).toBe(5);
  });
  it('erasure goes ahead only when no exception applies', () => {
    const none = { retentionObligation: false, legalClaim: false, publicInterest: false, othersInterest: false };
    expect(exceptionApplies(none)).toBe(false);
    for (const k of Object.keys(none)) expect(exceptionApplies({ ...none, [k]: true })).toBe(true);
  });
});
