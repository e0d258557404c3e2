import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { logCaseAccess, withCase, type CaseRow } from './case-access';

async function loadRecord(tx: Tx, c: CaseRow, recordId: string) {
  const r = await tx
    .selectFrom('meldcode_record as m')
    .innerJoin('app_user as u', 'u.id', 'm.started_by')
    .selectAll('m')
    .select('u.display_name as started_by_name')
    .where('m.id', '=', recordId)
    .where('m.case_id', '=', c.id)
    .executeTakeFirst();
  if (!r) throw new AppError('not_found');
  const entries = await tx
    .selectFrom('meldcode_entry')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('recorded_at')
    .execute();
  return {
    id: r.id,
    caseId: r.case_id,
    status: r.status as 'open' | 'closed',
    startedOn: r.started_on,
    startedByName: r.started_by_name,
    signals: entries
      .filter((e) => e.kind === 'signal')
      .map((e) => ({
        id: e.id,
        observedOn: e.on_date ?? '',
        fact: e.fact ?? '',
        source: e.source ?? '',
        interpretation: e.interpretation,
      })),
    consultations: entries
      .filter((e) => e.kind === 'consultation')
      .map((e) => ({ id: e.id, consultedOn: e.on_date ?? '', withWhom: e.with_whom ?? '', advice: e.advice ?? '' })),
    conversations: entries
      .filter((e) => e.kind === 'conversation')
      .map((e) => ({
        id: e.id,
        heldOn: e.on_date,
        withWhom: e.with_whom,
        summary: e.summary,
        reasonNotHeld: e.reason_not_held,
      })),
    decision:
      r.decided_at && r.suspicion !== null && r.weighing !== null && r.report_to_veilig_thuis !== null
        ? {
            suspicion: r.suspicion,
            acuteOrStructuralUnsafety: r.acute_or_structural_unsafety,
            helpPossible: r.help_possible,
            helpAccepted: r.help_accepted,
            resultsAchieved: r.results_achieved,
            weighing: r.weighing,
            reportToVeiligThuis: r.report_to_veilig_thuis,
            provideOrOrganiseHelp: r.provide_or_organise_help ?? false,
            consentAsked: r.consent_asked ?? false,
            consentGiven: r.consent_given,
            veiligThuisReportedOn: r.veilig_thuis_reported_on,
            veiligThuisReference: r.veilig_thuis_reference,
            followUpOn: r.follow_up_on,
            decidedAt: r.decided_at.toISOString(),
          }
        : null,
  };
}
export type MeldcodeView = Awaited<ReturnType<typeof loadRecord>>;

const log = (tx: Tx, ctx: AccessContext, c: CaseRow, event: string, action: 'read' | 'create' | 'update') =>
  logCaseAccess(tx, ctx, c, { action, event, dataCategory: 'meldcode' });

/** Starts the Meldcode path on a case (step 1 begins). Shielded: only the case's workers, coordinator and behavioural scientist. */
export async function startMeldcode(deps: Deps, ctx: AccessContext, caseId: string): Promise<MeldcodeView> {
  return withCase(deps, ctx, caseId, 'meldcode', 'meldcode', async (tx, c) => {
    const { id } = await tx
      .insertInto('meldcode_record')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        started_on: municipalToday(deps.clock),
        started_by: ctx.actor.userId,
        suspicion: null,
        acute_or_structural_unsafety: null,
        help_possible: null,
        help_accepted: null,
        results_achieved: null,
        weighing: null,
        report_to_veilig_thuis: null,
        provide_or_organise_help: null,
        consent_asked: null,
        consent_given: null,
        veilig_thuis_reported_on: null,
        veilig_thuis_reference: null,
        follow_up_on: null,
        decided_at: null,
        decided_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await log(tx, ctx, c, 'meldcode.started', 'create');
    return loadRecord(tx, c, id);
  });
}

export async function viewMeldcode(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  recordId: string,
): Promise<MeldcodeView> {
  return withCase(deps, ctx, caseId, 'meldcode', 'meldcode', async (tx, c) => {
    const view = await loadRecord(tx, c, recordId);
    await log(tx, ctx, c, 'meldcode.viewed', 'read');
    return view;
  });
}

type Entry =
  | { kind: 'signal'; observedOn: string; fact: string; source: string; interpretation?: string | undefined }
  | { kind: 'consultation'; consultedOn: string; withWhom: string; advice: string }
  | {
      kind: 'conversation';
      heldOn?: string | undefined;
      withWhom?: string | undefined;
      summary?: string | undefined;
      reasonNotHeld?: string | undefined;
    };

/** Adds a signal (fact and source, interpretation apart), a consultation or a conversation to an open record. */
export async function addMeldcodeEntry(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  recordId: string,
  entry: Entry,
): Promise<MeldcodeView> {
  return withCase(deps, ctx, caseId, 'meldcode', 'meldcode', async (tx, c) => {
    const current = await loadRecord(tx, c, recordId);
    if (current.status === 'closed') throw new AppError('invalid_status_change');
    const base = {
      tenant_id: ctx.actor.tenantId,
      record_id: recordId,
      kind: entry.kind,
      recorded_by: ctx.actor.userId,
      fact: null,
      source: null,
      interpretation: null,
      with_whom: null,
      advice: null,
      summary: null,
      reason_not_held: null,
    };
    const values =
      entry.kind === 'signal'
        ? {
            ...base,
            on_date: entry.observedOn,
            fact: entry.fact,
            source: entry.source,
            interpretation: entry.interpretation ?? null,
          }
        : entry.kind === 'consultation'
          ? { ...base, on_date: entry.consultedOn, with_whom: entry.withWhom, advice: entry.advice }
          : {
              ...base,
              on_date: entry.heldOn ?? null,
              with_whom: entry.withWhom ?? null,
              summary: entry.summary ?? null,
              reason_not_held: entry.heldOn ? null : (entry.reasonNotHeld ?? null),
            };
    await tx.insertInto('meldcode_entry').values(values).execute();
    await log(tx, ctx, c, `meldcode.${entry.kind}_added`, 'update');
    return loadRecord(tx, c, recordId);
  });
}

/**
 * Step 5: the weighing with the afwegingskader and the two decisions. Needs at least one documented
 * signal; a decision is recorded once and closes the record.
 */
export async function decideMeldcode(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  recordId: string,
  d: {
    suspicion: boolean;
    acuteOrStructuralUnsafety?: boolean | undefined;
    helpPossible?: boolean | undefined;
    helpAccepted?: boolean | undefined;
    resultsAchieved?: boolean | undefined;
    weighing: string;
    reportToVeiligThuis: boolean;
    provideOrOrganiseHelp: boolean;
    consentAsked: boolean;
    consentGiven?: boolean | undefined;
    veiligThuisReportedOn?: string | undefined;
    veiligThuisReference?: string | undefined;
    followUpOn?: string | undefined;
  },
): Promise<MeldcodeView> {
  return withCase(deps, ctx, caseId, 'meldcode', 'meldcode', async (tx, c) => {
    const current = await loadRecord(tx, c, recordId);
    if (current.decision) throw new AppError('already_decided');
    if (current.signals.length === 0)
      throw new AppError('validation_failed', {
        fieldErrors: { signals: ['Leg eerst de signalen vast (stap 1) voordat u een besluit neemt.'] },
      });
    await tx
      .updateTable('meldcode_record')
      .set({
        suspicion: d.suspicion,
        acute_or_structural_unsafety: d.acuteOrStructuralUnsafety ?? null,
        help_possible: d.helpPossible ?? null,
        help_accepted: d.helpAccepted ?? null,
        results_achieved: d.resultsAchieved ?? null,
        weighing: d.weighing,
        report_to_veilig_thuis: d.reportToVeiligThuis,
        provide_or_organise_help: d.provideOrOrganiseHelp,
        consent_asked: d.consentAsked,
        consent_given: d.consentGiven ?? null,
        veilig_thuis_reported_on: d.veiligThuisReportedOn ?? null,
        veilig_thuis_reference: d.veiligThuisReference ?? null,
        follow_up_on: d.followUpOn ?? null,
        decided_at: deps.clock.now(),
        decided_by: ctx.actor.userId,
        status: 'closed',
      })
      .where('id', '=', recordId)
      .execute();
    await log(tx, ctx, c, 'meldcode.decided', 'update');
    return loadRecord(tx, c, recordId);
  });
}
