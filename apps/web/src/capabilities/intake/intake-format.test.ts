import { describe, expect, it } from 'vitest';
import {
  canCloseWithoutCase,
  defaultLetterKind,
  formatBytes,
  formatDateTime,
  formatDays,
  labelledChoices,
  residentName,
} from './intake-format';

describe('labelledChoices', () => {
  it('gives the Dutch labels of channels and life domains', () => {
    expect(labelledChoices(['phone', 'volunteer_handover'], 'channel')).toEqual([
      { value: 'phone', label: 'Telefoon' },
      { value: 'volunteer_handover', label: 'Via de balie' },
    ]);
    expect(labelledChoices(['work_education', 'basic_adl'], 'domain').map((c) => c.label)).toEqual([
      'Werk & opleiding',
      'Basale ADL',
    ]);
  });
});

describe('formatDays', () => {
  it('says today, one day, or a number of days', () => {
    expect(formatDays(0)).toBe('vandaag');
    expect(formatDays(1)).toBe('1 dag');
    expect(formatDays(3)).toBe('3 dagen');
  });
});

describe('formatDateTime', () => {
  it('shows Dutch time', () => {
    expect(formatDateTime('2026-03-02T13:05:00Z')).toBe('2 maart 2026 om 14:05');
    expect(formatDateTime(null)).toBe('');
  });
});

describe('residentName', () => {
  it('joins the known name parts', () => {
    expect(residentName({ firstName: 'Jan', infix: 'de', lastName: 'Vries' })).toBe('Jan de Vries');
    expect(residentName({ firstName: null, infix: null, lastName: 'Visser' })).toBe('Visser');
  });
});

describe('defaultLetterKind', () => {
  it('follows the decision, and the closing letter once closed without a case', () => {
    expect(defaultLetterKind('take_up', 'decided')).toBe('decision_take_up');
    expect(defaultLetterKind('advice', 'decided')).toBe('decision_advice');
    expect(defaultLetterKind('advice', 'closed')).toBe('closure');
  });
});

describe('canCloseWithoutCase', () => {
  const decision = (outcome: 'take_up' | 'advice') => ({ outcome, reasoning: 'r', decidedAt: '2026-03-02T10:00:00Z' });
  it('allows closing at any stage before a case exists, not once closed or with a case', () => {
    expect(canCloseWithoutCase({ status: 'decided', decision: decision('advice'), caseId: null })).toBe(true);
    expect(canCloseWithoutCase({ status: 'decided', decision: decision('take_up'), caseId: null })).toBe(true);
    expect(canCloseWithoutCase({ status: 'complete', decision: null, caseId: null })).toBe(true);
    expect(canCloseWithoutCase({ status: 'decided', decision: decision('take_up'), caseId: 'c1' })).toBe(false);
    expect(canCloseWithoutCase({ status: 'closed', decision: decision('advice'), caseId: null })).toBe(false);
  });
});

describe('formatBytes', () => {
  it('uses Dutch decimals', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1,5 kB');
  });
});
