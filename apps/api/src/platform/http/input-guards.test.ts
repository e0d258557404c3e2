import { describe, expect, it } from 'vitest';
import { findNulCharacter } from './input-guards';

describe('findNulCharacter', () => {
  it('finds a NUL character anywhere and names the field', () => {
    expect(findNulCharacter({ a: 'ok', residents: [{ firstName: 'x' }, { firstName: 'Pe\u0000ter' }] })).toBe(
      'residents.1.firstName',
    );
    expect(findNulCharacter('a\u0000')).toBe('');
    expect(findNulCharacter({ name: 'Ångström <script> \u202e' })).toBeUndefined();
    expect(findNulCharacter(undefined)).toBeUndefined();
  });

  it('walks very deep JSON without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNulCharacter(deep)).toMatch(/^0(\.0)*$/);
  });
});
