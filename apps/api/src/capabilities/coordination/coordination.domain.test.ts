import { describe, expect, it } from 'vitest';
import {
  dutchDate,
  futureDateError,
  isOverdue,
  meetingHasBegun,
  nextMeeting,
  personalDataInSignal,
  shorten,
} from './coordination.domain';

describe('agreed actions', () => {
  it('are overdue only past their due date and while still open or in progress', () => {
    expect(isOverdue({ dueOn: '2026-03-01', status: 'open' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueOn: '2026-03-01', status: 'in_progress' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueOn: '2026-03-02', status: 'open' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueOn: '2026-03-01', status: 'done' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueOn: '2026-03-01', status: 'not_done' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueOn: null, status: 'open' }, '2026-03-02')).toBe(false);
  });
});

describe('meetings', () => {
  it('take outcomes from the meeting day on', () => {
    expect(meetingHasBegun('2026-03-02', '2026-03-01')).toBe(false);
    expect(meetingHasBegun('2026-03-02', '2026-03-02')).toBe(true);
  });
  it('find the next meeting on or after today', () => {
    const meetings = [{ date: '2026-03-16' }, { date: '2026-02-16' }, { date: '2026-03-02' }];
    expect(nextMeeting(meetings, '2026-03-02')?.date).toBe('2026-03-02');
    expect(nextMeeting(meetings, '2026-03-03')?.date).toBe('2026-03-16');
    expect(nextMeeting(meetings, '2026-04-01')).toBeUndefined();
  });
});

describe('dates and texts for the timeline', () => {
  it('writes dates the Dutch way and refuses future dates', () => {
    expect(dutchDate('2026-03-02')).toBe('2 maart 2026');
    expect(futureDateError('2026-03-03', '2026-03-02')).toBe('Deze datum ligt in de toekomst.');
    expect(futureDateError('2026-03-02', '2026-03-02')).toBeUndefined();
    expect(futureDateError(undefined, '2026-03-02')).toBeUndefined();
  });
  it('shortens long texts on a word boundary with an ellipsis', () => {
    expect(shorten('kort')).toBe('kort');
    const long = shorten('woord '.repeat(100), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('a signal to policy holds no personal data', () => {
  it('accepts a description of a gap without people in it', () => {
    expect(
      personalDataInSignal('Er is geen schuldhulp voor zzp’ers met een lopend bedrijf; de wachttijd is 14 weken.', [
        'Anna',
        'Testhuis',
      ]),
    ).toBeUndefined();
  });
  it('refuses a BSN, an e-mail address, a phone number or an address', () => {
    expect(personalDataInSignal('BSN 123456782 krijgt geen toeslag')).toContain('BSN');
    expect(personalDataInSignal('mail a.jansen@example.nl')).toContain('e-mailadres');
    expect(personalDataInSignal('bel 06-12345678')).toContain('telefoonnummer');
    expect(personalDataInSignal('woont op 1234 AB 12')).toContain('adres');
  });
  it('refuses a name from the household of the linked case, as a whole word and in any case', () => {
    expect(personalDataInSignal('Mevrouw testhuis krijgt geen bijzondere bijstand', ['Anna', 'Testhuis'])).toContain(
      'Testhuis',
    );
    expect(personalDataInSignal('Annabel is een andere naam', ['Anna'])).toBeUndefined();
    expect(personalDataInSignal('Bo kan niet naar de opvang', ['Bo'])).toBeUndefined(); // too short to tell from ordinary words
  });
});
