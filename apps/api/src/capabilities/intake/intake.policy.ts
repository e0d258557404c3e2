import { hasPermission, type Actor } from '../../shared/actor';

/**
 * Who may do what in the intake phase. The intake desk and the coordinator work on the referrals of
 * their own teams; meeting participants see only the items of meetings they take part in; volunteer
 * hosts see no referral at all.
 */
export const canRegisterHostQuestion = (actor: Actor, teamId: string): boolean =>
  hasPermission(actor, 'host_question:write') && actor.teamIds.includes(teamId);

export const canSeeReferral = (actor: Actor, referral: { teamId: string }): boolean =>
  hasPermission(actor, 'referral:read') && actor.teamIds.includes(referral.teamId);

export const canWorkOnReferral = (actor: Actor, referral: { teamId: string }): boolean =>
  hasPermission(actor, 'referral:write') && actor.teamIds.includes(referral.teamId);

export const canManageMeeting = (actor: Actor, meeting: { teamId: string }): boolean =>
  hasPermission(actor, 'meeting:manage') && actor.teamIds.includes(meeting.teamId);

export const canSeeMeeting = (
  actor: Actor,
  meeting: { teamId: string; chairUserId: string; participantUserIds: readonly string[] },
): boolean =>
  canManageMeeting(actor, meeting) ||
  (hasPermission(actor, 'meeting:read') &&
    (meeting.chairUserId === actor.userId || meeting.participantUserIds.includes(actor.userId)));

export const canDecideInMeeting = (actor: Actor, meeting: { teamId: string; chairUserId: string }): boolean =>
  canManageMeeting(actor, meeting) || meeting.chairUserId === actor.userId;

export const canAssign = (actor: Actor, referral: { teamId: string }): boolean =>
  hasPermission(actor, 'case:assign') && actor.teamIds.includes(referral.teamId);
