import { sql } from 'kysely';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import { municipalDate } from '../../shared/clock';
import type { ReferralCloseReason } from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { caseFileOfReferral, caseloadOfTeam, insertCaseFile, openCaseLinkOf } from '../case-files';
import { openCaseExists, openCasesOfReferral, openCaseStateOf, recordParallelCase } from './open-case';
import { daysBetween } from './intake.domain';
import { canAssign, canWorkOnReferral } from './intake.policy';
import { updateReferralStatus } from './intake.store';
import { getVisibleReferral, logReferralAccess } from './work-on-referral';
import { personFullNameSql } from '../../shared/person-name';

/**
 * The assignment meeting's view: referrals the team decided to take up that have no worker yet, with
 * how long they wait (the norm is the same day), and each worker's open cases per phase.
 */
export async function listAssignments(deps: Deps, ctx: AccessContext, teamId: string | undefined) {
  const teams = teamId ? [teamId] : [...ctx.actor.teamIds];
  if (teams.length === 0 || !teams.every((t) => canAssign(ctx.actor, { teamId: t }))) throw new AppError('forbidden');
  const now = deps.clock.now();
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const waiting = await tx
      .selectFrom('referral as r')
      .innerJoin('core_decision as d', 'd.referral_id', 'r.id')
      .select([
        'r.id',
        'r.reference',
        'r.version',
        'r.life_domains',
        'd.decided_at',
        sql<string[]>`coalesce((select array_agg(${personFullNameSql('p')} order by p.position)
          from referral_person p where p.referral_id = r.id and p.role = 'resident'), '{}')`.as('resident_names'),
      ])
      .where('r.team_id', 'in', teams)
      .where('r.status', '=', 'decided')
      .where('d.outcome', '=', 'take_up')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('case_file as c').select('c.id').whereRef('c.referral_id', '=', 'r.id'))),
      )
      .orderBy('d.decided_at')
      .execute();
    const loads = new Map<
      string,
      { userId: string; name: string; openCases: number; byPhase: Record<string, number>; expertise: string[] }
    >();
    for (const team of teams) {
      for (const row of (await caseloadOfTeam(tx, team)).rows) {
        const w = loads.get(row.user_id) ?? {
          userId: row.user_id,
          name: row.name,
          openCases: 0,
          byPhase: {},
          expertise: row.expertise,
        };
        if (row.phase) {
          w.byPhase[row.phase] = row.n;
          w.openCases += row.n;
        }
        loads.set(row.user_id, w);
      }
    }
    const openCases = new Map(
      await Promise.all(waiting.map(async (w) => [w.id, await openCaseStateOf(tx, w.id)] as const)),
    );
    return {
      waiting: waiting.map((w) => ({
        openCase: openCases.get(w.id)?.openCase ?? null,
        parallelCaseReason:
          openCases.get(w.id)?.openCaseOutcome?.outcome === 'parallel_case'
            ? (openCases.get(w.id)?.openCaseOutcome?.reason ?? null)
            : null,
        referralId: w.id,
        reference: w.reference,
        version: w.version,
        residentNames: w.resident_names,
        lifeDomains: w.life_domains as never[],
        decidedAt: w.decided_at.toISOString(),
        waitingDays: daysBetween(w.decided_at, now),
        breachesNorm: municipalDate(w.decided_at) < municipalDate(now),
      })),
      workers: [...loads.values()],
    };
  });
}

/**
 * Assigns a case worker (and optionally a tandem partner) to a referral the team takes up, which opens
 * the case file — with the resident's consent, or the legal basis and the reason for opening without it.
 */
export async function assignCaseWorker(
  deps: Deps,
  ctx: AccessContext,
  referralId: string,
  input: {
    version: number;
    caseWorkerId: string;
    tandemWorkerId?: string | undefined;
    consent: string;
    consentDate?: string | undefined;
    legalBasis?: string | undefined;
    reasonWithoutConsent?: string | undefined;
    parallelCaseReason?: string | undefined;
  },
) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const view = await getVisibleReferral(tx, ctx, referralId);
    if (!canAssign(ctx.actor, view)) throw new AppError('forbidden');
    if (await caseFileOfReferral(tx, referralId)) throw new AppError('already_assigned');
    if (view.status !== 'decided' || view.decision?.outcome !== 'take_up') throw new AppError('not_decided');
    const workers = [input.caseWorkerId, ...(input.tandemWorkerId ? [input.tandemWorkerId] : [])];
    const eligible = await tx
      .selectFrom('app_user as u')
      .innerJoin('user_team as ut', 'ut.user_id', 'u.id')
      .innerJoin('user_role as r', 'r.user_id', 'u.id')
      .select('u.id')
      .where('u.id', 'in', workers)
      .where('u.active', '=', true)
      .where('ut.team_id', '=', view.teamId)
      .where('r.role', 'in', ['case_worker', 'team_coordinator', 'behavioural_scientist'])
      .execute();
    if (new Set(eligible.map((e) => e.id)).size !== new Set(workers).size) throw new AppError('worker_not_available');
    // One household, one plan, one coordinator (issue #17 item 7): no second, parallel case without a recorded reason.
    const [open] = await openCasesOfReferral(tx, referralId);
    if (open) {
      const decided = await openCaseLinkOf(tx, referralId);
      const residentIds = view.residents.map((r) => r.personId).filter((x): x is string => x !== null);
      if (input.parallelCaseReason)
        await recordParallelCase(
          tx,
          ctx,
          { id: referralId, teamId: view.teamId, personIds: residentIds },
          open,
          input.parallelCaseReason,
        );
      else if (decided?.outcome !== 'parallel_case') throw openCaseExists(open);
    }
    if (!(await updateReferralStatus(tx, referralId, input.version, 'closed'))) throw new AppError('version_conflict');
    const primary = view.residents.find((r) => r.role === 'resident' && r.personId);
    const caseId = await insertCaseFile(tx, {
      tenantId: ctx.actor.tenantId,
      teamId: view.teamId,
      referralId,
      householdId: view.householdId,
      primaryPersonId: primary?.personId ?? null,
      caseWorkerId: input.caseWorkerId,
      tandemWorkerId: input.tandemWorkerId ?? null,
      openedBy: ctx.actor.userId,
      consentKind: input.consent,
      consentDate: input.consent === 'none' ? null : (input.consentDate ?? null),
      legalBasis: input.legalBasis ?? null,
      reasonWithoutConsent: input.reasonWithoutConsent ?? null,
    });
    const personIds = view.residents.map((r) => r.personId).filter((x): x is string => x !== null);
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'create',
        event: 'case_file.opened',
        dataCategory: 'case_file',
        caseId,
        teamId: view.teamId,
        permission: 'case:assign',
        legalBasis: input.consent === 'none' ? 'legal_obligation' : 'public_task_social_domain',
        detail: { referralId, consent: input.consent },
      },
      personIds.length ? personIds : [null],
    );
    return { caseId };
  });
}

/**
 * Closes a referral without a case (issue #17 item 5), at any stage before a case exists: after a core decision
 * other than taking it up the decision is the reason; otherwise — also after a decision to take it up, when the
 * resident withdraws before assignment — the desk gives a coded reason (taken up elsewhere, no consent, duplicate,
 * not for the wijkteam, withdrawn, other with a note). An undecided referral leaves the meeting's agenda. Logged.
 */
export async function closeReferral(
  deps: Deps,
  ctx: AccessContext,
  referralId: string,
  input: { version: number; reason?: ReferralCloseReason | undefined; note?: string | undefined },
) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const view = await getVisibleReferral(tx, ctx, referralId, true);
    if (!canWorkOnReferral(ctx.actor, view) && !hasPermission(ctx.actor, 'case:assign'))
      throw new AppError('forbidden');
    if (view.version !== input.version) throw new AppError('version_conflict');
    if (view.caseId || (await caseFileOfReferral(tx, referralId))) throw new AppError('already_assigned');
    if (view.status === 'closed') throw new AppError('invalid_status_change');
    const byDecision = view.decision !== null && view.decision.outcome !== 'take_up';
    const reason = input.reason ?? (byDecision ? 'decision' : undefined);
    if (!reason) throw new AppError('validation_failed', { fieldErrors: { reason: ['Kies de reden van afsluiten.'] } });
    if (reason === 'other' && !input.note)
      throw new AppError('validation_failed', {
        fieldErrors: { note: ['Licht toe waarom de aanmelding wordt afgesloten.'] },
      });
    const closed = await tx
      .updateTable('referral')
      .set((eb) => ({
        status: 'closed',
        closed_reason: reason,
        closed_note: input.note ?? null,
        closed_at: deps.clock.now(),
        closed_by: ctx.actor.userId,
        updated_at: sql<Date>`now()`,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', referralId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    // Not decided yet: it no longer waits on a meeting's agenda.
    if (!view.decision && view.meetingId)
      await tx.deleteFrom('meeting_item').where('referral_id', '=', referralId).execute();
    await logReferralAccess(tx, ctx, view, {
      action: 'update',
      event: 'referral.closed_without_case',
      permission: 'referral:write',
      detail: { reason },
    });
    return await getVisibleReferral(tx, ctx, referralId, true);
  });
}
