import type { PolicySignalList, PolicySignalView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext, Actor } from '../../shared/actor';
import { municipalDate } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { canViewCase, findCase, logCaseAccess, withCase } from '../case-files';
import { invalid } from './case-coordination';
import { personalDataInSignal } from './coordination.domain';
import { canForwardSignal, canRecordSignal, signalTeamsOf } from './coordination.policy';
import { bumpVersion } from './coordination.store';

const DATA_CATEGORY = 'policy_signal';

interface SignalInput {
  teamId?: string | undefined;
  kind: string;
  lifeDomain: string;
  description: string;
  caseId?: string | undefined;
}

async function householdNames(tx: Tx, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const people = await tx
    .selectFrom('person')
    .select(['first_name', 'last_name'])
    .where('id', 'in', personIds)
    .execute();
  return people.flatMap((p) => [p.first_name, p.last_name]);
}

/**
 * A worker records a signal to policy at team level: a gap in services or law, or stagnating cooperation. It holds
 * no personal data: text that looks like a BSN, e-mail address, phone number, address or a name from the household
 * of the linked case is refused. The case it came from is optional and must be one the worker may see.
 */
export async function recordSignal(deps: Deps, ctx: AccessContext, input: SignalInput): Promise<PolicySignalList> {
  const teamId = input.teamId ?? ctx.actor.teamIds[0];
  if (!teamId || !canRecordSignal(ctx.actor, teamId)) throw new AppError('forbidden');
  const insert = async (tx: Tx, names: string[]) => {
    const problem = personalDataInSignal(input.description, names);
    if (problem) throw invalid('description', problem);
    return tx
      .insertInto('policy_signal')
      .values({
        tenant_id: ctx.actor.tenantId,
        team_id: teamId,
        kind: input.kind,
        life_domain: input.lifeDomain,
        description: input.description,
        case_id: input.caseId ?? null,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  };
  await (input.caseId
    ? withCase(deps, ctx, input.caseId, 'view', DATA_CATEGORY, async (tx, c) => {
        const row = await insert(tx, await householdNames(tx, c.personIds));
        await logCaseAccess(tx, ctx, c, {
          action: 'create',
          event: 'policy_signal.recorded',
          dataCategory: DATA_CATEGORY,
          permission: 'policy_signal:write',
          detail: { signalId: row.id },
        });
        return row.id;
      })
    : deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
        const row = await insert(tx, []);
        await recordAccess(tx, ctx, {
          action: 'create',
          event: 'policy_signal.recorded',
          dataCategory: DATA_CATEGORY,
          permission: 'policy_signal:write',
          teamId,
          detail: { signalId: row.id },
        });
        return row.id;
      }));
  // The answer is the recorder's own list (as the page shows it after saving).
  return listMySignals(deps, ctx);
}

async function loadSignals(
  tx: Tx,
  actor: Actor,
  where: { teamIds: readonly string[] | null; recordedBy?: string },
): Promise<{ list: PolicySignalList; linkedCases: string[] }> {
  if (where.teamIds !== null && where.teamIds.length === 0)
    return { list: { summary: [], signals: [] }, linkedCases: [] };
  let q = tx
    .selectFrom('policy_signal as s')
    .innerJoin('team as t', 't.id', 's.team_id')
    .select([
      's.id',
      's.team_id',
      't.name as team_name',
      's.kind',
      's.life_domain',
      's.description',
      's.case_id',
      's.recorded_at',
      's.forwarded_at',
      's.version',
    ])
    .orderBy('s.recorded_at', 'desc')
    .limit(500);
  if (where.teamIds !== null) q = q.where('s.team_id', 'in', where.teamIds);
  if (where.recordedBy) q = q.where('s.recorded_by', '=', where.recordedBy);
  const rows = await q.execute();
  const linkedCases: string[] = [];
  const signals: PolicySignalView[] = [];
  for (const s of rows) {
    // The link to the case is shown only to those who may see the case; for others the signal has no case at all.
    const c = s.case_id ? await findCase(tx, s.case_id) : undefined;
    const link = c && canViewCase(actor, c) ? c : undefined;
    if (link) linkedCases.push(link.id);
    const reference = link
      ? ((
          await tx
            .selectFrom('referral as r')
            .innerJoin('case_file as c', 'c.referral_id', 'r.id')
            .select('r.reference')
            .where('c.id', '=', link.id)
            .executeTakeFirst()
        )?.reference ?? null)
      : null;
    signals.push({
      id: s.id,
      teamName: s.team_name,
      kind: s.kind as 'other',
      lifeDomain: s.life_domain as 'finances',
      description: s.description,
      recordedOn: municipalDate(s.recorded_at),
      forwardedOn: s.forwarded_at ? municipalDate(s.forwarded_at) : null,
      case: link ? { id: link.id, reference } : null,
      canForward: s.forwarded_at === null && canForwardSignal(actor, { teamId: s.team_id }),
      version: s.version,
    });
  }
  const counts = new Map<
    string,
    { kind: PolicySignalView['kind']; lifeDomain: PolicySignalView['lifeDomain']; count: number }
  >();
  for (const s of signals) {
    const key = `${s.kind}:${s.lifeDomain}`;
    const entry = counts.get(key) ?? { kind: s.kind, lifeDomain: s.lifeDomain, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const summary = [...counts.values()].sort(
    (a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.lifeDomain.localeCompare(b.lifeDomain),
  );
  return { list: { summary, signals }, linkedCases };
}

/** Logs the case links a list showed (one row per person of each linked case); a list without links holds no personal data. */
async function logLinks(
  tx: Tx,
  ctx: AccessContext,
  caseIds: readonly string[],
  permission: 'policy_signal:read' | 'policy_signal:write',
): Promise<void> {
  for (const id of new Set(caseIds)) {
    const c = await findCase(tx, id);
    if (c)
      await logCaseAccess(tx, ctx, c, {
        action: 'search',
        event: 'policy_signal.listed',
        dataCategory: DATA_CATEGORY,
        permission,
      });
  }
}

/** The signals of the coordinator's teams, or of every team for the municipal consultant: the list and counts per kind and life domain. */
export async function listSignals(deps: Deps, ctx: AccessContext): Promise<PolicySignalList> {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const { list, linkedCases } = await loadSignals(tx, ctx.actor, { teamIds: signalTeamsOf(ctx.actor) });
    await logLinks(tx, ctx, linkedCases, 'policy_signal:read');
    return list;
  });
}

/** The signals the user recorded. */
export async function listMySignals(deps: Deps, ctx: AccessContext): Promise<PolicySignalList> {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const { list, linkedCases } = await loadSignals(tx, ctx.actor, { teamIds: null, recordedBy: ctx.actor.userId });
    await logLinks(tx, ctx, linkedCases, 'policy_signal:write');
    return list;
  });
}

/** The coordinator marks a signal of their team as taken to the municipality. */
export async function forwardSignal(
  deps: Deps,
  ctx: AccessContext,
  id: string,
  version: number,
): Promise<PolicySignalList> {
  await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const s = await tx
      .selectFrom('policy_signal')
      .select(['id', 'team_id', 'forwarded_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    const teams = signalTeamsOf(ctx.actor);
    if (!s || (teams !== null && !teams.includes(s.team_id))) throw new AppError('not_found');
    if (!canForwardSignal(ctx.actor, { teamId: s.team_id })) throw new AppError('forbidden');
    if (s.forwarded_at !== null) throw invalid('signal', 'Dit signaal is al doorgezet naar de gemeente.');
    if (!(await bumpVersion(tx, 'policy_signal', s.id, version))) throw new AppError('version_conflict');
    await tx
      .updateTable('policy_signal')
      .set({ forwarded_at: deps.clock.now(), forwarded_by: ctx.actor.userId })
      .where('id', '=', s.id)
      .execute();
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'policy_signal.forwarded',
      dataCategory: DATA_CATEGORY,
      permission: 'policy_signal:read',
      teamId: s.team_id,
      detail: { signalId: s.id },
    });
  });
  return listSignals(deps, ctx);
}
