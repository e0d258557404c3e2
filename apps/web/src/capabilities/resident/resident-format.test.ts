import { describe, expect, it } from 'vitest';
import { canMarkDone, defaultSubject, performerText, statusText, subjectLabel } from './resident-format';

const subject = (over: Partial<Parameters<typeof defaultSubject>[0][number]>) => ({
  personId: 'p',
  name: 'Petra de Vries',
  self: true,
  relation: null,
  age: 38,
  allowed: true,
  refusal: null,
  canChangePlan: true,
  ...over,
});

describe('resident portal display rules', () => {
  it('names who does an action in the resident’s words', () => {
    expect(performerText({ performer: 'self', performerName: null, serviceName: null })).toBe('U zelf');
    expect(
      performerText({ performer: 'network_or_volunteers', performerName: null, serviceName: 'Taalcafé (Buurthuis)' }),
    ).toBe('Mensen uit de buurt of vrijwilligers: Taalcafé (Buurthuis)');
    expect(performerText({ performer: null, performerName: null, serviceName: null })).toBe('Nog niet afgesproken');
    expect(statusText('in_progress')).toBe('Bezig');
  });

  it('offers "done" only for the household’s own open actions, and only to adults', () => {
    expect(canMarkDone({ own: true, status: 'open' }, true)).toBe(true);
    expect(canMarkDone({ own: true, status: 'done' }, true)).toBe(false);
    expect(canMarkDone({ own: false, status: 'open' }, true)).toBe(false);
    expect(canMarkDone({ own: true, status: 'open' }, false)).toBe(false);
  });

  it('labels the persons and picks the resident themselves first', () => {
    expect(subjectLabel(subject({}))).toBe('Petra de Vries (uzelf)');
    expect(subjectLabel(subject({ name: 'Lotte de Vries', self: false, relation: 'parent' }))).toBe(
      'Lotte de Vries (ouder)',
    );
    const child = subject({ personId: 'c', self: false, relation: 'parent' });
    expect(defaultSubject([child, subject({})])?.personId).toBe('p');
    expect(defaultSubject([subject({ allowed: false }), child])?.personId).toBe('c');
    expect(defaultSubject([])).toBeUndefined();
  });
});
