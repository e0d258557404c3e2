import { permissionsOf, ROLE_PERMISSIONS, type Permission, type Role } from '@nabij/contracts';

/** The logged-in user acting in a request. */
export interface Actor {
  userId: string;
  tenantId: string;
  roles: readonly Role[];
  teamIds: readonly string[];
  permissions: ReadonlySet<Permission>;
}

export function buildActor(fields: Omit<Actor, 'permissions'>): Actor {
  return { ...fields, permissions: permissionsOf(fields.roles) };
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** The role under which an actor uses a permission (recorded in the access log). */
export function roleFor(actor: Actor, permission?: Permission): Role | null {
  if (permission) {
    const granting = actor.roles.find((r) => ROLE_PERMISSIONS[r].includes(permission));
    if (granting) return granting;
  }
  return actor.roles[0] ?? null;
}

/** Who did it, from where: passed to every use case that touches personal data. */
export interface AccessContext {
  actor: Actor;
  ip: string;
  userAgent: string | null;
  /**
   * The request's tally of refusals written to the access log, shared by every context of one request: a refusal
   * that reaches the HTTP layer without one is logged there (access-control.hooks.ts), so no refusal goes unlogged.
   */
  trail?: { denialsLogged: number };
}
