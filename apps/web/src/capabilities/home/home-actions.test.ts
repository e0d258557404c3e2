import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '@nabij/contracts';
import { quickActions } from './home-actions';

describe('quickActions', () => {
  it('gives a case worker search and register', () => {
    expect(quickActions(['person:read', 'person:write']).map((a) => a.labelKey)).toEqual([
      'home.actionSearch',
      'home.actionRegister',
    ]);
  });

  it('gives a functional administrator user management as the main action', () => {
    expect(quickActions(['user:admin'])).toEqual([
      { to: '/beheer/gebruikers', labelKey: 'home.actionUsers', primary: true },
    ]);
  });

  it('gives a volunteer host without permissions no actions', () => {
    expect(quickActions([])).toEqual([]);
  });

  it('gives a volunteer host the desk log as the main action', () => {
    expect(quickActions(['host_question:write'])).toEqual([
      { to: '/balie', labelKey: 'home.actionHostQuestion', primary: true },
    ]);
  });

  it('gives the intake desk referrals first, then meetings and persons', () => {
    const actions = quickActions([
      'person:read',
      'person:write',
      'referral:read',
      'referral:write',
      'meeting:read',
      'meeting:manage',
    ]);
    expect(actions.map((a) => a.labelKey)).toEqual([
      'home.actionReferrals',
      'home.actionRegisterReferral',
      'home.actionMeetings',
      'home.actionSearch',
      'home.actionRegister',
    ]);
    expect(actions.filter((a) => a.primary).map((a) => a.labelKey)).toEqual(['home.actionReferrals']);
  });

  it('gives a team coordinator the assignment meeting', () => {
    expect(quickActions(['case:assign']).map((a) => a.to)).toEqual(['/verdeling']);
  });
});

describe('quickActions for the privacy officer', () => {
  it('gives the access log as the main action, then the emergency-access review', () => {
    expect(quickActions(['access_log:read'])).toEqual([
      { to: '/privacy/logboek', labelKey: 'home.actionAccessLog', primary: true },
      { to: '/privacy/noodtoegang', labelKey: 'home.actionEmergencyReview', primary: false },
    ]);
  });
});

describe('quickActions for management information', () => {
  it('leads the policy advisor to Sturingsinformatie as the main action (not "no access")', () => {
    expect(quickActions(ROLE_PERMISSIONS.policy_advisor)).toEqual([
      { to: '/sturingsinformatie', labelKey: 'home.actionDashboard', primary: true },
    ]);
  });

  it('gives the team coordinator Sturingsinformatie after the daily work', () => {
    const actions = quickActions(ROLE_PERMISSIONS.team_coordinator);
    expect(actions.at(-1)).toEqual({ to: '/sturingsinformatie', labelKey: 'home.actionDashboard', primary: false });
    expect(actions[0]?.labelKey).not.toBe('home.actionDashboard');
  });
});
