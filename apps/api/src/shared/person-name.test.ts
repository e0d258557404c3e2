import { formatFullName } from '@nabij/contracts';
import { describe, expect, it } from 'vitest';
import { fullNameOfRow } from './person-name';

describe('the full-name rule', () => {
  it('joins first name, infix and last name with one space and leaves out empty parts', () => {
    expect(formatFullName({ firstName: 'Jan', infix: 'de', lastName: 'Vries' })).toBe('Jan de Vries');
    expect(formatFullName({ firstName: 'Fatima', infix: null, lastName: 'El Amrani' })).toBe('Fatima El Amrani');
    expect(formatFullName({ firstName: ' Ahmed ', infix: '  ', lastName: '' })).toBe('Ahmed');
    expect(formatFullName({})).toBe('');
    expect(fullNameOfRow({ first_name: 'Anja', infix: 'van den', last_name: 'Berg' })).toBe('Anja van den Berg');
  });
});
