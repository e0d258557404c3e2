import { describe, expect, it } from 'vitest';
import { quickActions } from './home-actions';

describe('quickActions', () => {
  it('gives a case worker search and register', () => {
    expect(quickActions(['person:read', 'person:write']).map((a) => a.labelKey)).toEqual(['home.actionSearch', 'home.actionRegister']);
  });

  it('gives a functional administrator user management as the main action', () => {
    expect(quickActions(['user:admin'])).toEqual([{ to: '/beheer/gebruikers', labelKey: 'home.actionUsers', primary: true }]);
  });

  it('gives a volunteer host no actions', () => {
    expect(quickActions([])).toEqual([]);
  });
});
