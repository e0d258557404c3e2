import { hasPermission, type Actor } from '../../shared/actor';

/**
 * Foundation rules for persons and households. Tenancy is enforced by the database (row-level security);
 * the relation to a case narrows these further once case files exist (see docs/privacy.md).
 */
export const canSearchPersons = (actor: Actor): boolean => hasPermission(actor, 'person:read');
export const canViewPerson = (actor: Actor, person: { tenantId: string }): boolean =>
  hasPermission(actor, 'person:read') && person.tenantId === actor.tenantId;
export const canRegisterPerson = (actor: Actor): boolean => hasPermission(actor, 'person:write');
export const canChangePerson = (actor: Actor, person: { tenantId: string }): boolean =>
  hasPermission(actor, 'person:write') && person.tenantId === actor.tenantId;

/**
 * Merging two person records (ADR 0031): who registers and corrects persons (intake desk, case workers, coordinators),
 * and only when they may see every case file either person is part of (checked in merge-persons.ts) — so the intake
 * desk merges persons without a case, the case's workers or coordinator those with one.
 */
export const canMergePersons = (actor: Actor): boolean => hasPermission(actor, 'person:write');
/** Undoing a merge is for the functional administrator, who sees references and dates, not the persons' data. */
export const canUndoMerge = (actor: Actor): boolean => hasPermission(actor, 'user:admin');
