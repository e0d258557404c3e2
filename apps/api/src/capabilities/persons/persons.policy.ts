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
