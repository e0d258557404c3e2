import { describe, expect, it } from 'vitest';
import { toggleValue } from './choices';

describe('toggleValue', () => {
  it('adds and removes a value, keeping the order of the choices', () => {
    const order = ['a', 'b', 'c'];
    expect(toggleValue(['c'], 'a', true, order)).toEqual(['a', 'c']);
    expect(toggleValue(['a', 'c'], 'a', false, order)).toEqual(['c']);
  });
});
