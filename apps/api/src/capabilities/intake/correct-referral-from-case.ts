import type { CaseReferrals, ReferralView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { withCase } from '../case-files';
import { applyReferralCorrection, type CorrectReferralInput } from './correct-referral';
import { loadReferralView } from './referral.views';
import { logReferralAccess } from './work-on-referral';

/**
 * Completing and correcting a referral from the case it became (issue #17 item 4): the person who works with the
 * household — the case's contact person (case worker), the tandem partner, and the team's coordinator, i.e. whoever
 * may work on the case (`canWorkOnCase`; emergency access, which only views, does not count) — corrects what the
 * referral got wrong, without the intake desk's `referral:*` permissions. The referrals of a case are the one that
 * opened it and those that joined it as a new question (issue #17 item 7); nothing else is reachable this way.
 * Versioning, the reason, the history and the access log are those of the desk's correction.
 */

/** The referral that opened the case, then the referrals that joined it, oldest first. */
async function referralIdsOfCase(tx: Tx, caseId: string): Promise<string[]> {
  const opened = await tx.selectFrom('case_file').select('referral_id').where('id', '=', caseId).executeTakeFirst();
  const joined = await tx
    .selectFrom('case_referral_link')
    .select('referral_id')
    .where('case_id', '=', caseId)
    .where('outcome', '=', 'joined')
    .orderBy('decided_at')
    .execute();
  return [...new Set([...(opened?.referral_id ? [opened.referral_id] : []), ...joined.map((j) => j.referral_id)])];
}

export async function listCaseReferrals(deps: Deps, ctx: AccessContext, caseId: string): Promise<CaseReferrals> {
  return withCase(deps, ctx, caseId, 'work', 'referral', async (tx, c) => {
    const referrals: ReferralView[] = [];
    for (const id of await referralIdsOfCase(tx, c.id)) {
      const view = await loadReferralView(tx, id);
      if (!view) continue;
      await logReferralAccess(tx, ctx, view, {
        action: 'read',
        event: 'referral.viewed_from_case',
        permission: 'case:read',
        caseId: c.id,
      });
      referrals.push(view);
    }
    return { referrals };
  });
}

export async function correctReferralFromCase(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  referralId: string,
  input: CorrectReferralInput,
): Promise<ReferralView> {
  return withCase(deps, ctx, caseId, 'work', 'referral', async (tx, c) => {
    // A referral that is not this case's is answered as if it did not exist.
    if (!(await referralIdsOfCase(tx, c.id)).includes(referralId)) throw new AppError('not_found');
    const view = await loadReferralView(tx, referralId);
    if (!view) throw new AppError('not_found');
    return applyReferralCorrection(tx, ctx, view, input, {
      event: 'referral.corrected_from_case',
      permission: 'case:read',
      caseId: c.id,
    });
  });
}
