import { hasPermission, type Actor } from '../../shared/actor';

export interface CaseFacts {
  teamId: string;
  caseWorkerId: string;
  tandemWorkerId: string | null;
  /** Behavioural scientists consulted on this case (behavioural_consultation): they may view it, whatever their team. */
  consultedScientistIds?: readonly string[];
  /** Municipal consultants linked to this case as process coordinator (case_process_coordinator): they may view it and its plan. */
  processCoordinatorIds?: readonly string[];
}

const isOnCase = (actor: Actor, c: CaseFacts) => c.caseWorkerId === actor.userId || c.tandemWorkerId === actor.userId;
const isTeamLead = (actor: Actor, c: CaseFacts) =>
  actor.roles.includes('team_coordinator') && actor.teamIds.includes(c.teamId);
const isTeamScientist = (actor: Actor, c: CaseFacts) =>
  actor.roles.includes('behavioural_scientist') && actor.teamIds.includes(c.teamId);
const isConsultedScientist = (actor: Actor, c: CaseFacts) =>
  actor.roles.includes('behavioural_scientist') && (c.consultedScientistIds ?? []).includes(actor.userId);

/** The municipal consultant linked to the case as process coordinator (ADR 0033); which routes they reach is narrowed by `case:read_linked`. */
export const isLinkedProcessCoordinator = (actor: Actor, c: CaseFacts): boolean =>
  hasPermission(actor, 'case:read_linked') && (c.processCoordinatorIds ?? []).includes(actor.userId);

/**
 * Need to know: the case worker and the tandem partner see and work on the case; the coordinator
 * sees the team's cases; the behavioural scientist of the team is consulted on them; the process coordinator
 * linked to the case reads it (only through the routes that accept `case:read_linked`: the case and the plan).
 */
export const canViewCase = (actor: Actor, c: CaseFacts): boolean =>
  (hasPermission(actor, 'case:read') &&
    (isOnCase(actor, c) || isTeamLead(actor, c) || isTeamScientist(actor, c) || isConsultedScientist(actor, c))) ||
  isLinkedProcessCoordinator(actor, c);

export const canWorkOnCase = (actor: Actor, c: CaseFacts): boolean =>
  hasPermission(actor, 'case:read') && (isOnCase(actor, c) || isTeamLead(actor, c));

/** Meldcode records are shielded: the case's workers, the team's coordinator and behavioural scientist only. */
export const canSeeMeldcode = (actor: Actor, c: CaseFacts): boolean =>
  isOnCase(actor, c) || isTeamLead(actor, c) || isTeamScientist(actor, c);
export const canWorkOnMeldcode = (actor: Actor, c: CaseFacts): boolean =>
  isOnCase(actor, c) || isTeamLead(actor, c) || isTeamScientist(actor, c);
