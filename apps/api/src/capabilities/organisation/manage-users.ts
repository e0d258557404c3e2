import type { Role, UserView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { generateTemporaryPassword, hashPassword } from '../auth';
import {
  countTeamsInTenant,
  findUser,
  insertUser,
  listTeams,
  listUsers,
  resetCredentials,
  setActive,
  setExpertise,
  usernameExists,
} from './organisation.store';

/** Account administration by the functional administrator, within their own municipality. */
const canAdministerUsers = (ctx: AccessContext) => hasPermission(ctx.actor, 'user:admin');

const accountEntry = (event: string, action: 'read' | 'create' | 'update', userId?: string) =>
  ({
    action,
    event,
    dataCategory: 'account',
    legalBasis: 'security',
    permission: 'user:admin',
    detail: userId ? { userId } : undefined,
  }) as const;

export async function listAccounts(deps: Deps, ctx: AccessContext) {
  if (!canAdministerUsers(ctx)) throw new AppError('forbidden');
  return deps.db.inSystem(async (tx) => {
    const users = await listUsers(tx, ctx.actor.tenantId);
    const teams = await listTeams(tx, ctx.actor.tenantId);
    await recordAccess(tx, ctx, accountEntry('account.listed', 'read'));
    return { users, teams };
  });
}

export async function createAccount(
  deps: Deps,
  ctx: AccessContext,
  input: { username: string; displayName: string; email?: string | undefined; roles: Role[]; teamIds: string[] },
): Promise<{ user: UserView; temporaryPassword: string }> {
  if (!canAdministerUsers(ctx)) throw new AppError('forbidden');
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return deps.db.inSystem(async (tx) => {
    if (await usernameExists(tx, input.username)) throw new AppError('username_taken');
    const teamIds = [...new Set(input.teamIds)];
    if ((await countTeamsInTenant(tx, ctx.actor.tenantId, teamIds)) !== teamIds.length)
      throw new AppError('team_not_found');
    const id = await insertUser(tx, {
      tenantId: ctx.actor.tenantId,
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      passwordHash,
      mustChangePassword: true,
      roles: [...new Set(input.roles)],
      teamIds,
    });
    await recordAccess(tx, ctx, accountEntry('account.created', 'create', id));
    const user = await findUser(tx, ctx.actor.tenantId, id);
    if (!user) throw new Error('user vanished after insert');
    return { user, temporaryPassword };
  });
}

export async function setAccountActive(
  deps: Deps,
  ctx: AccessContext,
  userId: string,
  active: boolean,
): Promise<UserView> {
  if (!canAdministerUsers(ctx)) throw new AppError('forbidden');
  if (!active && userId === ctx.actor.userId) throw new AppError('cannot_deactivate_self');
  return deps.db.inSystem(async (tx) => {
    if (!active) {
      // Nothing stuck: a worker who leaves hands over their open cases first (the coordinator's "Dossiers overdragen").
      const open = await openCasesOf(tx, ctx.actor.tenantId, userId);
      if (open > 0) {
        throw new AppError('user_has_open_cases', {
          message: `Deze gebruiker is nog contactpersoon of tandempartner van ${open === 1 ? '1 lopend dossier' : `${open} lopende dossiers`}. Laat de teamcoördinator ${open === 1 ? 'dit dossier' : 'deze dossiers'} eerst overdragen aan een andere werker (Dossiers overdragen); daarna kunt u het account uitzetten.`,
          openCases: open,
          moveUrl: `/dossiers-overdragen?werker=${encodeURIComponent(userId)}`,
        });
      }
    }
    if (!(await setActive(tx, ctx.actor.tenantId, userId, active))) throw new AppError('user_not_found');
    if (!active) await tx.deleteFrom('session').where('user_id', '=', userId).execute();
    await recordAccess(tx, ctx, accountEntry(active ? 'account.activated' : 'account.deactivated', 'update', userId));
    const user = await findUser(tx, ctx.actor.tenantId, userId);
    if (!user) throw new AppError('user_not_found');
    return user;
  });
}

/** Open case files (not closed) where the user is the contact person or the tandem partner. */
async function openCasesOf(tx: Tx, tenantId: string, userId: string): Promise<number> {
  const r = await tx
    .selectFrom('case_file')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('phase', '!=', 'closed')
    .where((eb) => eb.or([eb('case_worker_id', '=', userId), eb('tandem_worker_id', '=', userId)]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function resetAccount(
  deps: Deps,
  ctx: AccessContext,
  userId: string,
): Promise<{ user: UserView; temporaryPassword: string }> {
  if (!canAdministerUsers(ctx)) throw new AppError('forbidden');
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return deps.db.inSystem(async (tx) => {
    if (!(await resetCredentials(tx, ctx.actor.tenantId, userId, passwordHash))) throw new AppError('user_not_found');
    await recordAccess(tx, ctx, accountEntry('account.reset', 'update', userId));
    const user = await findUser(tx, ctx.actor.tenantId, userId);
    if (!user) throw new AppError('user_not_found');
    return { user, temporaryPassword };
  });
}

/** Records a worker's expertise, shown when workers are assigned to cases. */
export async function changeExpertise(
  deps: Deps,
  ctx: AccessContext,
  userId: string,
  expertise: string[],
  version: number,
): Promise<UserView> {
  if (!canAdministerUsers(ctx)) throw new AppError('forbidden');
  return deps.db.inSystem(async (tx) => {
    const outcome = await setExpertise(tx, ctx.actor.tenantId, userId, [...new Set(expertise)], version);
    if (outcome === 'not_found') throw new AppError('user_not_found');
    if (outcome === 'conflict') throw new AppError('version_conflict');
    await recordAccess(tx, ctx, accountEntry('account.expertise_changed', 'update', userId));
    const user = await findUser(tx, ctx.actor.tenantId, userId);
    if (!user) throw new AppError('user_not_found');
    return user;
  });
}
