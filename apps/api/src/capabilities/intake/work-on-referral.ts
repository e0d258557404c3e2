import type { ReferralStatus, ReferralView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccessMany, type AccessEntry } from '../audit';
import { canMoveTo } from './intake.domain';
import { canSeeReferral, canWorkOnReferral } from './intake.policy';
import { findReferral, getAttachment, insertContact, updateReferralStatus } from './intake.store';
import { isReferralComplete, loadInbox, loadReferralView } from './referral.views';

/** Logs an access to a referral: one row per linked person, or one row with the referral id. */
export async function logReferralAccess(
  tx: Tx,
  ctx: AccessContext,
  view: ReferralView,
  entry: Omit<AccessEntry, 'dataCategory'>,
): Promise<void> {
  const personIds = view.residents.map((p) => p.personId).filter((p): p is string => p !== null);
  await recordAccessMany(
    tx,
    ctx,
    { dataCategory: 'referral', teamId: view.teamId, ...entry, detail: { referralId: view.id, ...entry.detail } },
    personIds.length ? personIds : [null],
  );
}

/** Loads a referral the actor may see, or fails with 404 (also for other teams: existence is not revealed). */
export async function getVisibleReferral(tx: Tx, ctx: AccessContext, id: string, write = false): Promise<ReferralView> {
  const view = await loadReferralView(tx, id);
  const allowed = view && (write ? canWorkOnReferral(ctx.actor, view) : canSeeReferral(ctx.actor, view));
  if (!view || !allowed) throw new AppError('not_found');
  return view;
}

export async function viewReferral(deps: Deps, ctx: AccessContext, id: string): Promise<ReferralView> {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const view = await getVisibleReferral(tx, ctx, id);
    await logReferralAccess(tx, ctx, view, { action: 'read', event: 'referral.viewed', permission: 'referral:read' });
    return view;
  });
}

export async function listReferrals(
  deps: Deps,
  ctx: AccessContext,
  filter: { status?: ReferralStatus | undefined; teamId?: string | undefined },
) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const referrals = await loadInbox(tx, { teamIds: ctx.actor.teamIds, ...filter }, deps.clock.now());
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'search',
        event: 'referral.inbox_listed',
        dataCategory: 'referral',
        permission: 'referral:read',
        detail: { count: referrals.length },
      },
      [null],
    );
    return { referrals };
  });
}

/**
 * Moves a referral through the intake desk's steps. "Complete" requires the checklist (with the
 * regiecheck) to be done; decided and closed come only from the decision and the closing.
 */
export async function changeReferralStatus(
  deps: Deps,
  ctx: AccessContext,
  id: string,
  input: { status: ReferralStatus; version: number },
): Promise<ReferralView> {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const view = await getVisibleReferral(tx, ctx, id, true);
    // A change based on an older read is a conflict first of all: the user must see the newer state.
    if (view.version !== input.version) throw new AppError('version_conflict');
    if (!canMoveTo(view.status, input.status)) throw new AppError('invalid_status_change');
    if (input.status === 'complete' && !isReferralComplete(view)) throw new AppError('referral_incomplete');
    if (!(await updateReferralStatus(tx, id, input.version, input.status))) throw new AppError('version_conflict');
    await logReferralAccess(tx, ctx, view, {
      action: 'update',
      event: 'referral.status_changed',
      permission: 'referral:write',
      detail: { status: input.status },
    });
    return (await loadReferralView(tx, id))!;
  });
}

export async function addReferralContact(
  deps: Deps,
  ctx: AccessContext,
  id: string,
  input: { channel: string; note: string },
): Promise<ReferralView> {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const view = await getVisibleReferral(tx, ctx, id, true);
    await insertContact(tx, {
      tenantId: ctx.actor.tenantId,
      referralId: id,
      userId: ctx.actor.userId,
      channel: input.channel,
      note: input.note,
    });
    await logReferralAccess(tx, ctx, view, {
      action: 'update',
      event: 'referral.contact_added',
      permission: 'referral:write',
    });
    return (await loadReferralView(tx, id))!;
  });
}

export async function downloadReferralAttachment(deps: Deps, ctx: AccessContext, id: string, attachmentId: string) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const view = await getVisibleReferral(tx, ctx, id);
    const file = await getAttachment(tx, id, attachmentId);
    if (!file) throw new AppError('not_found');
    await logReferralAccess(tx, ctx, view, {
      action: 'export',
      event: 'referral.attachment_downloaded',
      permission: 'referral:read',
      detail: { attachmentId },
    });
    return file;
  });
}

export { findReferral };
