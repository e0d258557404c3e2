import { hasPermission, type Actor } from '../../shared/actor';
import type { CaseFacts } from '../case-files';

/**
 * Who may do what in team meetings and coordination. Case-level rules (view, work) come from the case-files
 * policy through `withCase`; these are the narrower rules on top of them.
 */

/** The case worker and the tandem partner: only they put their case on the agenda of the case review meeting. */
export const isOnCase = (actor: Actor, c: CaseFacts): boolean =>
  c.caseWorkerId === actor.userId || c.tandemWorkerId === actor.userId;

/** The coordinator of the case's team sets or changes the tandem worker. */
export const isCoordinatorOf = (actor: Actor, teamId: string): boolean =>
  actor.roles.includes('team_coordinator') && actor.teamIds.includes(teamId);

/** Team members who work with cases (workers, coordinator, behavioural scientist) see and plan their team's case review meetings. */
export const canTakePartInCaseReview = (actor: Actor, teamId: string): boolean =>
  hasPermission(actor, 'case:read') && actor.teamIds.includes(teamId);

/** Only the consulted behavioural scientist records the advice of a consultation. */
export const canAdvise = (actor: Actor, consultation: { scientistId: string }): boolean =>
  actor.roles.includes('behavioural_scientist') && consultation.scientistId === actor.userId;

export const canRecordSignal = (actor: Actor, teamId: string): boolean =>
  hasPermission(actor, 'policy_signal:write') && actor.teamIds.includes(teamId);

/**
 * Signals to policy: the coordinator reads those of their teams; the municipal consultant, who takes them to the
 * municipality, reads those of every team of the municipality. `null` means all teams.
 */
export function signalTeamsOf(actor: Actor): readonly string[] | null {
  if (!hasPermission(actor, 'policy_signal:read')) return [];
  return actor.roles.includes('municipal_consultant') ? null : actor.teamIds;
}

/** The coordinator marks a signal of their team as forwarded to the municipality. */
export const canForwardSignal = (actor: Actor, signal: { teamId: string }): boolean =>
  hasPermission(actor, 'policy_signal:read') && isCoordinatorOf(actor, signal.teamId);
