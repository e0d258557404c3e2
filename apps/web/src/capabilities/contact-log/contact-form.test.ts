import { logContactRequest, type ContactView } from '@nabij/contracts';
import { describe, expect, it } from 'vitest';
import {
  contactFilterQuery,
  contactKindChoices,
  countText,
  emptyContactForm,
  formatMinutes,
  isFiltered,
  mayLogContacts,
  NO_FILTER,
  parseDuration,
  toLogContactInput,
  topLevelFieldErrors,
  visibleContacts,
} from './contact-form';

const KEY = '6f1c1d7e-2b1a-4c3e-9d5f-0a1b2c3d4e5f';
const GOAL = '0b7c2f4e-1d1a-4c1e-9a51-7f1f0b7c2f4e';

describe('parseDuration', () => {
  it('reads minutes, hours:minutes, and leaves an empty field out', () => {
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration('  ')).toBeUndefined();
    expect(parseDuration('45')).toBe(45);
    expect(parseDuration(' 15 ')).toBe(15);
    expect(parseDuration('1:30')).toBe(90);
    expect(parseDuration('2u15')).toBe(135);
  });

  it('returns anything else as typed, so the contract refuses it', () => {
    expect(parseDuration('een uur')).toBe('een uur');
    expect(parseDuration('1,5')).toBe('1,5');
  });
});

describe('toLogContactInput', () => {
  it('turns the quick form into a request the contract accepts', () => {
    const values = {
      ...emptyContactForm('2026-03-02'),
      kind: 'home_visit',
      duration: '60',
      participants: ' Anja ',
      note: 'Post doorgenomen.',
      goalIds: [GOAL],
      internal: true,
    };
    const input = toLogContactInput(values, {
      idempotencyKey: KEY,
      attachments: [{ filename: 'brief.pdf', contentBase64: 'JVBERi0=' }],
    });
    const parsed = logContactRequest.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({
      idempotencyKey: KEY,
      kind: 'home_visit',
      contactOn: '2026-03-02',
      durationMinutes: 60,
      participants: 'Anja',
      note: 'Post doorgenomen.',
      internal: true,
      goalIds: [GOAL],
      attachments: [{ filename: 'brief.pdf', contentBase64: 'JVBERi0=' }],
    });
  });

  it('leaves out an empty duration and participants, and keeps only the attachment content', () => {
    const chosen = [{ key: 'local', filename: 'a.png', sizeBytes: 3, contentBase64: 'iVBO' }];
    const input = toLogContactInput(
      { ...emptyContactForm('2026-03-02'), kind: 'phone', note: 'Gebeld.' },
      { idempotencyKey: KEY, attachments: chosen },
    );
    expect(input.durationMinutes).toBeUndefined();
    expect(input.attachments).toEqual([{ filename: 'a.png', contentBase64: 'iVBO' }]);
    const parsed = logContactRequest.parse(input);
    expect(parsed.participants).toBeUndefined();
  });

  it('gives Dutch field errors for a missing kind and note and a wrong duration', () => {
    const parsed = logContactRequest.safeParse(
      toLogContactInput(
        { ...emptyContactForm('2026-03-02'), duration: 'een uur' },
        { idempotencyKey: KEY, attachments: [] },
      ),
    );
    expect(parsed.success).toBe(false);
    const fields = new Map(parsed.error?.issues.map((i) => [String(i.path[0]), i.message]));
    expect(fields.get('kind')).toBe('Kies het soort contact.');
    expect(fields.get('note')).toMatch(/Schrijf kort op/);
    expect(fields.get('durationMinutes')).toBeDefined();
  });
});

describe('emptyContactForm', () => {
  it('starts dated today, without a chosen kind', () => {
    expect(emptyContactForm('2026-03-02')).toEqual({
      kind: '',
      contactOn: '2026-03-02',
      duration: '',
      participants: '',
      note: '',
      goalIds: [],
      internal: false,
    });
  });
});

describe('contactKindChoices', () => {
  it('offers the home visit first, with Dutch labels', () => {
    const choices = contactKindChoices();
    expect(choices[0]).toEqual({ value: 'home_visit', label: 'Huisbezoek' });
    expect(choices).toHaveLength(7);
    expect(choices.every((c) => !c.label.startsWith('contactLog.'))).toBe(true);
  });
});

describe('contactFilterQuery', () => {
  it('sends only the filters that are set', () => {
    expect(contactFilterQuery(NO_FILTER)).toBe('');
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(contactFilterQuery({ ...NO_FILTER, kind: 'phone', q: ' brief & post ' })).toBe(
      '?kind=phone&q=brief+%26+post',
    );
    expect(contactFilterQuery({ ...NO_FILTER, goalId: GOAL, from: '2026-01-01', to: '2026-01-31' })).toBe(
      `?goalId=${GOAL}&from=2026-01-01&to=2026-01-31`,
    );
    expect(isFiltered({ ...NO_FILTER, q: '   ' })).toBe(false);
  });
});

describe('formatMinutes and countText', () => {
  it('writes the total time in Dutch', () => {
    expect(formatMinutes(0)).toBe('0 minuten');
    expect(formatMinutes(1)).toBe('1 minuut');
    expect(formatMinutes(45)).toBe('45 minuten');
    expect(formatMinutes(60)).toBe('1 uur');
    expect(formatMinutes(135)).toBe('2 uur en 15 minuten');
  });

  it('says how many contacts there are, or were found', () => {
    expect(countText(3, 75, false)).toBe('3 contacten, samen 1 uur en 15 minuten.');
    expect(countText(1, 15, true)).toBe('1 contact gevonden, samen 15 minuten.');
  });
});

describe('visibleContacts', () => {
  it('shows the newest ten unless all are asked for', () => {
    const contacts = Array.from({ length: 12 }, (_, i) => ({ id: String(i) }) as ContactView);
    expect(visibleContacts(contacts, false).map((c) => c.id)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    expect(visibleContacts(contacts, true)).toHaveLength(12);
  });
});

describe('mayLogContacts', () => {
  const kase = { caseWorker: { id: 'w' }, tandem: { id: 'tw' }, phase: 'execution' };
  it('offers the form to the case worker, the tandem partner and the coordinator', () => {
    expect(mayLogContacts({ id: 'w', roles: ['case_worker'] }, kase)).toBe(true);
    expect(mayLogContacts({ id: 'tw', roles: ['case_worker'] }, kase)).toBe(true);
    expect(mayLogContacts({ id: 'c', roles: ['team_coordinator'] }, kase)).toBe(true);
  });
  it('not to a behavioural scientist who reads along, nor on a closed case', () => {
    expect(mayLogContacts({ id: 's', roles: ['behavioural_scientist'] }, kase)).toBe(false);
    expect(mayLogContacts({ id: 'w', roles: ['case_worker'] }, { ...kase, phase: 'closed' })).toBe(false);
  });
});

describe('topLevelFieldErrors', () => {
  it('keys server errors by the form field they belong to', () => {
    expect(
      topLevelFieldErrors({ 'attachments.0.contentBase64': ['Geen PDF.'], attachments: ['Te veel.'], note: ['Leeg.'] }),
    ).toEqual({
      attachments: ['Geen PDF.', 'Te veel.'],
      note: ['Leeg.'],
    });
  });
});
