import {
  ACCESS_ACTION_TEXT,
  ACCESS_LOG_PAGE_SIZE,
  describeAccessBasis,
  describeAccessEvent,
  describeDataCategory,
  translate,
  type AccessLogFilterOptions,
  type AccessLogPage,
  type AccessLogRow,
  type ChainVerification,
  type PersonAccessOverview,
} from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { recordAccess, recordAccessMany, unsealedStatus, verifyTenantChain, type AccessEntry } from '../audit';
import { searchPersons, toSummary } from '../persons';
import { writeCsvTable } from '../../platform/csv';
import {
  countLogRows,
  findLogRows,
  findPersonName,
  listTenantUsers,
  type LogFilter,
  type LogRow,
} from './privacy.store';
import { fullNameOfRow } from '../../shared/person-name';

/**
 * The privacy officer's access-log viewer (NEN 7513 §9): filter, page, export, the per-client overview in plain
 * Dutch and the integrity check. The officer sees the log, never case content. Every look at the log, every
 * export and every refusal is itself logged. All of it requires a session confirmed with a second factor.
 */

const DATA_CATEGORY = 'access_log';
const EXPORT_LIMIT = 50_000;
const OVERVIEW_LIMIT = 1000;

const entry = (e: Omit<AccessEntry, 'dataCategory' | 'permission' | 'legalBasis'>): AccessEntry => ({
  ...e,
  dataCategory: DATA_CATEGORY,
  permission: 'access_log:read',
  legalBasis: 'security',
});

/** Refuses (403 second_factor_required) a session without a second factor, and logs the refusal in its own transaction. */
export async function requireSecondFactor(
  deps: Deps,
  ctx: AccessContext,
  secondFactorUsed: boolean,
  what: string,
): Promise<void> {
  if (secondFactorUsed) return;
  await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
    recordAccess(
      tx,
      ctx,
      entry({ action: 'read', event: 'access_log.refused_without_second_factor', outcome: 'denied', detail: { what } }),
    ),
  );
  throw new AppError('second_factor_required');
}

export const roleLabel = (role: string | null): string | null => {
  if (!role) return null;
  if (role === 'referrer') return 'Verwijzer (zonder account)';
  if (role === 'resident') return 'Inwoner (Mijn Nabij)';
  const key = `role.${role}`;
  const label: string = translate(key);
  return label === key ? role : label;
};

const personName = (r: Pick<LogRow, 'first_name' | 'infix' | 'last_name'>) => (r.last_name ? fullNameOfRow(r) : null);

function toRow(r: LogRow): AccessLogRow {
  return {
    id: r.id,
    seq: r.seq,
    at: r.at.toISOString(),
    userId: r.user_id,
    userName: r.user_name,
    roleLabel: roleLabel(r.user_role),
    teamName: r.team_name,
    action: r.action,
    event: r.event,
    description: describeAccessEvent(r.event, r.action),
    personId: r.person_id,
    personName: personName(r),
    caseId: r.case_id,
    caseReference: r.case_reference,
    dataCategory: r.data_category,
    basis: describeAccessBasis({
      legalBasis: r.legal_basis,
      emergency: r.emergency,
      emergencyReason: r.emergency_reason,
    }),
    emergency: r.emergency,
    outcome: r.outcome,
    ip: r.ip,
  };
}

/** What the log entry records about a search of the log: which kinds of filter, never their values. */
const filterDetail = (f: LogFilter) => ({
  byUser: Boolean(f.userId),
  byPerson: Boolean(f.personId),
  byPeriod: Boolean(f.from || f.to),
  byAction: Boolean(f.action),
  emergencyOnly: Boolean(f.emergency),
  deniedOnly: f.outcome === 'denied',
});

export async function listAccessLog(
  deps: Deps,
  ctx: AccessContext,
  f: LogFilter,
  page: number,
): Promise<AccessLogPage> {
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const total = await countLogRows(tx, f);
    const rows = await findLogRows(tx, f, ACCESS_LOG_PAGE_SIZE, (page - 1) * ACCESS_LOG_PAGE_SIZE);
    const person = f.personId ? await findPersonName(tx, f.personId) : undefined;
    if (f.personId && !person) throw new AppError('person_not_found');
    const sealing = await unsealedStatus(tx, ctx.actor.tenantId, deps.clock.now());
    await recordAccess(
      tx,
      ctx,
      entry({
        action: 'read',
        event: 'access_log.viewed',
        personId: f.personId ?? null,
        detail: { ...filterDetail(f), page, resultCount: total },
      }),
    );
    return {
      rows: rows.map(toRow),
      page,
      pageSize: ACCESS_LOG_PAGE_SIZE,
      total,
      person: person ? toSummary(person, today) : null,
      sealing: { unsealed: sealing.unsealed, stale: sealing.stale, oldestAt: sealing.oldestAt?.toISOString() ?? null },
    };
  });
}

const CSV_HEADER = [
  'Tijdstip',
  'Volgnummer',
  'Medewerker',
  'Rol',
  'Team',
  'Soort handeling',
  'Omschrijving',
  'Cliënt',
  'Dossier',
  'Soort gegevens',
  'Grondslag',
  'Noodtoegang',
  'Uitkomst',
  'IP-adres',
  'Code gebeurtenis',
];

/** The filtered log as CSV for Dutch spreadsheets (platform/csv), at most 50,000 rows; the export itself is logged. */
export async function exportAccessLog(
  deps: Deps,
  ctx: AccessContext,
  f: LogFilter,
): Promise<{ filename: string; csv: string }> {
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = (await findLogRows(tx, f, EXPORT_LIMIT, 0)).map(toRow);
    await recordAccess(
      tx,
      ctx,
      entry({
        action: 'export',
        event: 'access_log.exported',
        personId: f.personId ?? null,
        detail: { ...filterDetail(f), rowCount: rows.length },
      }),
    );
    // Dutch headers and labels; the event's code last, for whoever needs to filter on it. Times with seconds (the
    // log's own order is the sequence number).
    const csv = writeCsvTable(
      CSV_HEADER,
      rows.map((r) => [
        new Date(r.at),
        r.seq,
        r.userName,
        r.roleLabel,
        r.teamName,
        ACCESS_ACTION_TEXT[r.action] ?? r.action,
        r.description,
        r.personName,
        r.caseReference,
        describeDataCategory(r.dataCategory),
        r.basis,
        r.emergency,
        r.outcome === 'denied' ? 'geweigerd' : 'toegestaan',
        r.ip,
        r.event,
      ]),
      { seconds: true },
    );
    return { filename: `logboek-${today}.csv`, csv };
  });
}

export async function accessLogFilterOptions(deps: Deps, ctx: AccessContext): Promise<AccessLogFilterOptions> {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => ({
    users: (await listTenantUsers(tx, ctx.actor.tenantId)).map((u) => ({
      id: u.id,
      name: u.display_name,
      active: u.active,
      roleLabels: u.roles.map((r) => roleLabel(r) ?? r),
    })),
  }));
}

/** Finds the client whose log the officer wants to see, by name, BSN or date of birth; logged like a person search. */
export async function searchClients(
  deps: Deps,
  ctx: AccessContext,
  criteria: { name?: string | undefined; bsn?: string | undefined; dateOfBirth?: string | undefined },
) {
  const today = municipalToday(deps.clock);
  const bsn = criteria.bsn ? criteria.bsn.padStart(9, '0') : undefined;
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const { rows, truncated } = await searchPersons(tx, {
      name: criteria.name,
      bsn,
      dateOfBirth: criteria.dateOfBirth,
    });
    const detail = {
      byName: Boolean(criteria.name),
      byBsn: Boolean(bsn),
      byDateOfBirth: Boolean(criteria.dateOfBirth),
      resultCount: rows.length,
    };
    await recordAccessMany(
      tx,
      ctx,
      entry({ action: 'search', event: 'access_log.client_searched', detail }),
      rows.length ? rows.map((r) => r.id) : [null],
    );
    return { results: rows.map((r) => toSummary(r, today)), truncated };
  });
}

/** Who acted when no staff account did: a referrer on the public form, or the resident (or their representative) in Mijn Nabij. */
const OUTSIDER: Readonly<Record<string, string>> = {
  referrer: 'Een verwijzer zonder account',
  resident: 'De inwoner of een vertegenwoordiger',
};

/** The first day of the month of `day` (Amsterdam days). */
export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * Per-client overview in plain Dutch (B1): who looked at or changed what, when, from which organisation and
 * in which role, under which basis; emergency access marked. Newest first. The same overview the resident
 * portal will show. Default period: this month.
 */
export async function personAccessOverview(
  deps: Deps,
  ctx: AccessContext,
  personId: string,
  period: { from?: string | undefined; to?: string | undefined },
): Promise<PersonAccessOverview> {
  const today = municipalToday(deps.clock);
  const from = period.from ?? monthStart(today);
  const to = period.to ?? today;
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const person = await findPersonName(tx, personId);
    if (!person) throw new AppError('person_not_found');
    const rows = await findLogRows(tx, { personId, from, to }, OVERVIEW_LIMIT + 1, 0);
    await recordAccess(
      tx,
      ctx,
      entry({
        action: 'read',
        event: 'access_log.person_overview_viewed',
        personId,
        detail: { resultCount: Math.min(rows.length, OVERVIEW_LIMIT) },
      }),
    );
    return {
      person: {
        id: person.id,
        fullName: fullNameOfRow(person),
        dateOfBirth: person.date_of_birth,
      },
      from,
      to,
      entries: rows.slice(0, OVERVIEW_LIMIT).map((r) => ({
        at: r.at.toISOString(),
        who: r.user_name ?? OUTSIDER[r.user_role ?? ''] ?? 'Onbekend',
        organisation: r.tenant_name,
        role: roleLabel(r.user_role) ?? 'onbekende rol',
        description: describeAccessEvent(r.event, r.action),
        basis: describeAccessBasis({
          legalBasis: r.legal_basis,
          emergency: r.emergency,
          emergencyReason: r.emergency_reason,
        }),
        emergency: r.emergency,
        denied: r.outcome === 'denied',
      })),
      truncated: rows.length > OVERVIEW_LIMIT,
    };
  });
}

/**
 * "Controleer integriteit": seals this municipality's committed rows (ADR 0045), then recomputes its hash chain; the
 * check is logged, nothing is repaired.
 */
export async function verifyIntegrity(deps: Deps, ctx: AccessContext): Promise<ChainVerification> {
  const report = await verifyTenantChain((fn) => deps.db.inTenant(ctx.actor.tenantId, fn), ctx.actor.tenantId);
  await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
    recordAccess(
      tx,
      ctx,
      entry({
        action: 'read',
        event: 'access_log.verified',
        detail: {
          intact: report.problem === null,
          checked: report.checked,
          headSeq: report.headSeq,
          problemSeq: report.problem?.seq ?? null,
        },
      }),
    ),
  );
  return {
    intact: report.problem === null,
    checked: report.checked,
    headSeq: report.headSeq,
    headHash: report.headHash,
    verifiedAt: deps.clock.now().toISOString(),
    problem: report.problem
      ? { kind: report.problem.kind, seq: report.problem.seq, message: report.problem.message }
      : null,
    unsealed: report.unsealed,
    staleUnsealed: report.staleUnsealed,
  };
}
