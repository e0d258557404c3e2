import { describe, expect, it } from 'vitest';
import { buildActor } from '../../shared/actor';
import {
  canAssign,
  canDecideInMeeting,
  canRegisterHostQuestion,
  canSeeMeeting,
  canSeeReferral,
  canWorkOnReferral,
} from './intake.policy';

const team = 'team-noord';
const other = 'team-zuid';
const actor = (roles: Parameters<typeof buildActor>[0]['roles'], teamIds = [team], userId = 'u1') =>
  buildActor({ userId, tenantId: 't', roles, teamIds });
const meeting = { teamId: team, chairUserId: 'chair', participantUserIds: ['u2'] };

describe('intake access rules', () => {
  it('a volunteer host sees no referral, but logs desk questions for their own team', () => {
    const host = actor(['volunteer_host']);
    expect(canSeeReferral(host, { teamId: team })).toBe(false);
    expect(canRegisterHostQuestion(host, team)).toBe(true);
    expect(canRegisterHostQuestion(host, other)).toBe(false);
  });

  it('the intake desk sees and works on the referrals of its own teams only', () => {
    const desk = actor(['intake_desk']);
    expect(canSeeReferral(desk, { teamId: team })).toBe(true);
    expect(canWorkOnReferral(desk, { teamId: team })).toBe(true);
    expect(canSeeReferral(desk, { teamId: other })).toBe(false);
  });

  it('a case worker sees a meeting only when taking part in it, and cannot decide in it', () => {
    expect(canSeeMeeting(actor(['case_worker'], [team], 'u2'), meeting)).toBe(true);
    expect(canSeeMeeting(actor(['case_worker'], [team], 'u3'), meeting)).toBe(false);
    expect(canDecideInMeeting(actor(['case_worker'], [team], 'u2'), meeting)).toBe(false);
    expect(canSeeReferral(actor(['case_worker']), { teamId: team })).toBe(false);
  });

  it('the chair decides; only the coordinator assigns', () => {
    expect(canDecideInMeeting(actor(['municipal_consultant'], [team], 'chair'), meeting)).toBe(true);
    expect(canAssign(actor(['team_coordinator']), { teamId: team })).toBe(true);
    expect(canAssign(actor(['intake_desk']), { teamId: team })).toBe(false);
    expect(canAssign(actor(['team_coordinator'], [other]), { teamId: team })).toBe(false);
  });
});
