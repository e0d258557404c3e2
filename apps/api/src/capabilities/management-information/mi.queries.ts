/**
 * The aggregate queries behind the dashboards: set-based, one statement per indicator group, within the teams in
 * scope and the period. They return counts and histograms only — never a person, case or referral id — so nothing
 * identifying leaves the database. Row-level security keeps every query inside the municipality. What needs a case's
 * contacts, plan versions or measurements reads the pre-aggregated facts per case (`mi.facts.ts`, refreshed first).
 *
 * Dates: timestamps are counted on their Amsterdam calendar day; a period runs from `from` 00:00 up to and
 * including the whole day `to`.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/database/database';

export interface Scope {
  teamIds: readonly string[];
  from: string;
  to: string;
  today: string;
}

const teams = (s: Scope) => sql`${[...s.teamIds]}::uuid[]`;
const start = (s: Scope) => sql`((${s.from}::date)::timestamp at time zone 'Europe/Amsterdam')`;
const end = (s: Scope) => sql`(((${s.to}::date) + 1)::timestamp at time zone 'Europe/Amsterdam')`;
const day = (column: RawBuilder<unknown>) => sql`((${column}) at time zone 'Europe/Amsterdam')::date`;
const col = (name: string) => sql.ref(name);

async function rows<T>(tx: Tx, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(tx)).rows;
}

// ---------- inflow ----------
export interface InflowRow {
  month: string;
  channel: string;
  referrer_kind: string;
  n: number;
}
/** Referrals received in the period, per month, channel and kind of referrer. */
export const inflow = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<InflowRow>`
      select to_char(r.received_at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month, r.channel, r.referrer_kind, count(*)::int as n
      from referral r
      where r.team_id = any(${teams(s)}) and r.received_at >= ${start(s)} and r.received_at < ${end(s)}
      group by 1, 2, 3`,
  );

export interface DecisionRow {
  outcome: string;
  n: number;
  discussed: number;
  letters: number;
}
/** Core decisions taken in the period, per outcome; how many were discussed with the resident and fed back to the referrer by letter. */
export const decisions = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<DecisionRow>`
      select d.outcome, count(*)::int as n,
             count(*) filter (where d.discussed_with_resident)::int as discussed,
             count(*) filter (where exists (select 1 from letter l where l.referral_id = r.id and l.kind like 'decision%'))::int as letters
      from core_decision d
      join referral r on r.id = d.referral_id
      where r.team_id = any(${teams(s)}) and d.decided_at >= ${start(s)} and d.decided_at < ${end(s)}
      group by 1`,
  );

export interface ClosedWithoutCaseRow {
  outcome: string;
  n: number;
}
/** Referrals received in the period that were closed without a case file, per core decision ('none': closed before a decision). */
export const closedWithoutCase = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<ClosedWithoutCaseRow>`
      with closed as materialized (
        select r.id from referral r
        where r.team_id = any(${teams(s)}) and r.received_at >= ${start(s)} and r.received_at < ${end(s)} and r.status = 'closed'
      )
      select coalesce(d.outcome, 'none') as outcome, count(*)::int as n
      from closed r
      left join core_decision d on d.referral_id = r.id
      where not exists (select 1 from case_file c where c.referral_id = r.id)
      group by 1`,
  );

export interface TeamConsultationRow {
  month: string;
  n: number;
  minutes: number;
  referred: number;
}
/**
 * Consultations without a case ("even overleggen", issue #17 item 18) in the period, per month: how many, the minutes
 * spent and how many became a referral. They hold no personal data; computed directly (a small table, indexed).
 */
export const teamConsultations = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<TeamConsultationRow>`
      select to_char(q.at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month, count(*)::int as n,
             coalesce(sum(q.minutes_spent), 0)::int as minutes, count(q.referral_id)::int as referred
      from host_question q
      where q.kind = 'consultation' and q.team_id = any(${teams(s)}) and q.at >= ${start(s)} and q.at < ${end(s)}
      group by 1`,
  );

// ---------- lead times ----------
export interface LeadTimeRow {
  step: string;
  days: number;
  n: number;
  within_norm: number;
  norm_days: number | null;
}
/**
 * Histograms of the lead times of the steps that ended in the period: referral → core decision (decisions in the
 * period), decision → assignment (case files opened in the period; norm: the same day), assignment → first contact
 * (first logged contact in the period), first contact → plan agreed, assignment → plan agreed (norm: the team's
 * analysis term) and referral → plan agreed (first agreement of the plan in the period). From the case facts.
 */
export const leadTimes = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<LeadTimeRow>`
      with steps as (
        select 'referral_decision' as step, ${day(col('d.decided_at'))} - ${day(col('r.received_at'))} as days, null::int as norm_days
        from core_decision d
        join referral r on r.id = d.referral_id
        where r.team_id = any(${teams(s)}) and d.decided_at >= ${start(s)} and d.decided_at < ${end(s)}
        union all
        select 'decision_assignment', ${day(col('f.opened_at'))} - ${day(col('f.decided_at'))}, 0
        from mi_case_fact f
        where f.team_id = any(${teams(s)}) and f.decided_at is not null and f.opened_at >= ${start(s)} and f.opened_at < ${end(s)}
        union all
        select 'assignment_contact', greatest(f.first_contact_on - ${day(col('f.opened_at'))}, 0), null
        from mi_case_fact f
        where f.team_id = any(${teams(s)}) and f.first_contact_on between ${s.from}::date and ${s.to}::date
        union all
        select 'contact_plan', greatest(f.first_agreed_on - f.first_contact_on, 0), null
        from mi_case_fact f
        where f.team_id = any(${teams(s)}) and f.first_agreed_on between ${s.from}::date and ${s.to}::date and f.first_contact_on is not null
        union all
        select 'assignment_plan', greatest(f.first_agreed_on - ${day(col('f.opened_at'))}, 0), t.analysis_weeks * 7
        from mi_case_fact f
        join team t on t.id = f.team_id
        where f.team_id = any(${teams(s)}) and f.first_agreed_on between ${s.from}::date and ${s.to}::date
        union all
        select 'referral_plan', greatest(f.first_agreed_on - ${day(col('f.received_at'))}, 0), null
        from mi_case_fact f
        where f.team_id = any(${teams(s)}) and f.first_agreed_on between ${s.from}::date and ${s.to}::date and f.received_at is not null
      )
      select step, days::int as days, count(*)::int as n,
             count(*) filter (where norm_days is not null and days <= norm_days)::int as within_norm,
             max(norm_days)::int as norm_days
      from steps
      group by 1, 2`,
  );

export interface TeamNormRow {
  analysis_weeks: number;
  evaluation_weeks: number;
}
export const teamNorms = (tx: Tx, s: Scope) =>
  rows(tx, sql<TeamNormRow>`select analysis_weeks, evaluation_weeks from team where id = any(${teams(s)})`);

// ---------- workload (today) ----------
export interface CaseloadRow {
  worker_id: string;
  worker_name: string;
  phase: string;
  n: number;
}
/** Open case files today per case worker and phase (watch included; closed cases not). */
export const caseload = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<CaseloadRow>`
      select c.case_worker_id as worker_id, u.display_name as worker_name, c.phase, count(*)::int as n
      from case_file c
      join app_user u on u.id = c.case_worker_id
      where c.team_id = any(${teams(s)}) and c.phase <> 'closed'
      group by 1, 2, 3`,
  );

export interface WorkerRow {
  worker_id: string;
  worker_name: string;
}
/** The active case workers of the teams (also those without open cases). */
export const teamWorkers = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<WorkerRow>`
      select distinct u.id as worker_id, u.display_name as worker_name
      from app_user u
      join user_team ut on ut.user_id = u.id
      join user_role ur on ur.user_id = u.id
      where ut.team_id = any(${teams(s)}) and ur.role = 'case_worker' and u.active`,
  );

export interface EvaluationRow {
  held: number;
  on_time: number;
  cases: number;
  overdue_now: number;
  execution_now: number;
}
/**
 * Evaluations held in the period, and how many on time: within the team's evaluation interval after the previous
 * evaluation or, for the first, after the latest agreement of the plan before it (the rule of the evaluation
 * reminders). Also the cases in execution whose evaluation is overdue today.
 */
export const evaluations = async (tx: Tx, s: Scope): Promise<EvaluationRow> => {
  const r = await rows(
    tx,
    sql<EvaluationRow>`
      with ev as (
        select ef.case_id, ef.held_on, ef.reference_on, t.evaluation_weeks
        from mi_evaluation_fact ef
        join team t on t.id = ef.team_id
        where ef.team_id = any(${teams(s)}) and ef.held_on between ${s.from}::date and ${s.to}::date
      ),
      due as (
        select f.evaluation_reference_on + t.evaluation_weeks * 7 as due_on
        from mi_case_fact f
        join team t on t.id = f.team_id
        where f.team_id = any(${teams(s)}) and f.phase = 'execution'
      )
      select (select count(*) from ev)::int as held,
             (select count(*) from ev where reference_on is null or held_on <= reference_on + evaluation_weeks * 7)::int as on_time,
             (select count(distinct case_id) from ev)::int as cases,
             (select count(*) from due where due_on < ${s.today}::date)::int as overdue_now,
             (select count(*) from due)::int as execution_now`,
  );
  return r[0] ?? { held: 0, on_time: 0, cases: 0, overdue_now: 0, execution_now: 0 };
};

export interface NotAdditiveRow {
  evaluation_cases: number;
  overdue_now: number;
  execution_now: number;
  in_watch_now: number;
  cases_changed_in_period: number;
}
/**
 * The figures that do not add up over months (distinct cases over the whole period) or are of today, in one
 * statement: the same definitions as in `evaluations`, `watchAndReactivation` and `continuity`. Read next to the
 * monthly cells (`mi.cells.ts`).
 */
export const notAdditive = async (tx: Tx, s: Scope): Promise<NotAdditiveRow> => {
  const r = await rows(
    tx,
    sql<NotAdditiveRow>`
      select
        (select count(distinct ef.case_id) from mi_evaluation_fact ef
           where ef.team_id = any(${teams(s)}) and ef.held_on between ${s.from}::date and ${s.to}::date)::int as evaluation_cases,
        (select count(*) from mi_case_fact f join team t on t.id = f.team_id
           where f.team_id = any(${teams(s)}) and f.phase = 'execution' and f.evaluation_reference_on + t.evaluation_weeks * 7 < ${s.today}::date)::int as overdue_now,
        (select count(*) from mi_case_fact f where f.team_id = any(${teams(s)}) and f.phase = 'execution')::int as execution_now,
        (select count(*) from mi_case_fact f where f.team_id = any(${teams(s)}) and f.phase = 'watch')::int as in_watch_now,
        (select count(distinct w.case_id) from case_worker_change w join mi_case_fact f on f.case_id = w.case_id
           where f.team_id = any(${teams(s)}) and w.changed_at >= ${start(s)} and w.changed_at < ${end(s)})::int as cases_changed_in_period`,
  );
  return r[0] ?? { evaluation_cases: 0, overdue_now: 0, execution_now: 0, in_watch_now: 0, cases_changed_in_period: 0 };
};

// ---------- outcomes of the cases closed in the period (by their last closure, to closed or to watch) ----------
const closedIn = (s: Scope) =>
  sql`f.team_id = any(${teams(s)}) and f.last_closed_on between ${s.from}::date and ${s.to}::date`;

export interface ZrmChangeRow {
  domain: string;
  cases: number;
  pairs: number;
  change_sum: number;
  improved: number;
  same: number;
  worse: number;
  improved_cases: number;
}
/**
 * Per ZRM domain, for every person of a case whose last closure lies in the period: the score of the first start
 * measurement against that of the last closing measurement (same instrument, on or before the closure).
 * `domain = '*'` holds all domains together.
 */
export const zrmChange = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<ZrmChangeRow>`
      select coalesce(z.domain, '*') as domain, count(distinct z.case_id)::int as cases, coalesce(sum(z.pairs), 0)::int as pairs,
             coalesce(sum(z.change_sum), 0)::int as change_sum, coalesce(sum(z.improved), 0)::int as improved,
             coalesce(sum(z.same), 0)::int as same, coalesce(sum(z.worse), 0)::int as worse,
             count(distinct z.case_id) filter (where z.improved > 0)::int as improved_cases
      from mi_case_zrm z
      where z.team_id = any(${teams(s)}) and z.closed_on between ${s.from}::date and ${s.to}::date
      group by grouping sets ((z.domain), ())`,
  );

export interface ClosedCoverageRow {
  closed: number;
  with_start: number;
  with_pair: number;
}
/** Of the cases closed in the period: how many have a start ZRM, and how many a start and a closing ZRM. */
export const zrmCoverage = async (tx: Tx, s: Scope): Promise<ClosedCoverageRow> => {
  const r = await rows(
    tx,
    sql<ClosedCoverageRow>`
      select count(*)::int as closed, count(*) filter (where f.zrm_start)::int as with_start, count(*) filter (where f.zrm_pair)::int as with_pair
      from mi_case_fact f where ${closedIn(s)}`,
  );
  return r[0] ?? { closed: 0, with_start: 0, with_pair: 0 };
};

export interface ParticipationRow {
  cases: number;
  persons: number;
  up: number;
  same: number;
  down: number;
  change_sum: number;
}
/** Participation ladder, first against last measurement (on or before the closure) per person of a case closed in the period. */
export const participation = async (tx: Tx, s: Scope): Promise<ParticipationRow> => {
  const r = await rows(
    tx,
    sql<ParticipationRow>`
      select count(*) filter (where f.participation_persons > 0)::int as cases, coalesce(sum(f.participation_persons), 0)::int as persons,
             coalesce(sum(f.participation_up), 0)::int as up, coalesce(sum(f.participation_same), 0)::int as same,
             coalesce(sum(f.participation_down), 0)::int as down, coalesce(sum(f.participation_change), 0)::int as change_sum
      from mi_case_fact f where ${closedIn(s)}`,
  );
  return r[0] ?? { cases: 0, persons: 0, up: 0, same: 0, down: 0, change_sum: 0 };
};

export interface ClosureRow {
  reason: string;
  outcome: string;
  n: number;
  warm_handover: number;
}
/** Closures in the period per reason and outcome (closed or watch); warm handovers held for referrals elsewhere. */
export const closures = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<ClosureRow>`
      select x.reason, x.outcome, count(*)::int as n,
             count(*) filter (where x.reason = 'referred_elsewhere'
               and exists (select 1 from care_transfer ct where ct.case_id = x.case_id and ct.kind = 'warm_handover' and ct.warm_meeting_held))::int as warm_handover
      from case_closure x
      join mi_case_fact c on c.case_id = x.case_id
      where c.team_id = any(${teams(s)}) and x.closed_on between ${s.from}::date and ${s.to}::date
      group by 1, 2`,
  );

export interface WatchRow {
  in_watch_now: number;
  watch_started: number;
  watch_ended: number;
  watch_reactivated: number;
  reactivated_from_watch: number;
  reactivated_from_closed: number;
}
/** The watch (waakvlam) today and in the period, and reactivations (new episodes) in the period. */
export const watchAndReactivation = async (tx: Tx, s: Scope): Promise<WatchRow> => {
  const r = await rows(
    tx,
    sql<WatchRow>`
      select
        (select count(*) from mi_case_fact c where c.team_id = any(${teams(s)}) and c.phase = 'watch')::int as in_watch_now,
        (select count(*) from case_watch w join mi_case_fact c on c.case_id = w.case_id
           where c.team_id = any(${teams(s)}) and w.started_on between ${s.from}::date and ${s.to}::date)::int as watch_started,
        (select count(*) from case_watch w join mi_case_fact c on c.case_id = w.case_id
           where c.team_id = any(${teams(s)}) and w.ended_on between ${s.from}::date and ${s.to}::date and w.end_kind = 'ended')::int as watch_ended,
        (select count(*) from case_watch w join mi_case_fact c on c.case_id = w.case_id
           where c.team_id = any(${teams(s)}) and w.ended_on between ${s.from}::date and ${s.to}::date and w.end_kind = 'reactivated')::int as watch_reactivated,
        (select count(*) from case_episode e join mi_case_fact c on c.case_id = e.case_id
           where c.team_id = any(${teams(s)}) and e.started_on between ${s.from}::date and ${s.to}::date and e.from_phase = 'watch')::int as reactivated_from_watch,
        (select count(*) from case_episode e join mi_case_fact c on c.case_id = e.case_id
           where c.team_id = any(${teams(s)}) and e.started_on between ${s.from}::date and ${s.to}::date and e.from_phase = 'closed')::int as reactivated_from_closed`,
  );
  return (
    r[0] ?? {
      in_watch_now: 0,
      watch_started: 0,
      watch_ended: 0,
      watch_reactivated: 0,
      reactivated_from_watch: 0,
      reactivated_from_closed: 0,
    }
  );
};

export interface ReReferralRow {
  referrals: number;
  with_household: number;
  within_one_year: number;
  within_two_years: number;
}
/** Referrals received in the period for a household whose case was closed (or put in watch) less than one / two years before. */
export const reReferrals = async (tx: Tx, s: Scope): Promise<ReReferralRow> => {
  const r = await rows(
    tx,
    sql<ReReferralRow>`
      with r as (
        select r.id, r.household_id, ${day(col('r.received_at'))} as received_on
        from referral r
        where r.team_id = any(${teams(s)}) and r.received_at >= ${start(s)} and r.received_at < ${end(s)}
      ),
      earlier as (
        select r.id, r.received_on, max(x.closed_on) as closed_on
        from r
        join mi_case_fact f on f.household_id = r.household_id
        join case_closure x on x.case_id = f.case_id
        where x.closed_on < r.received_on and x.closed_on >= r.received_on - 730
        group by r.id, r.received_on
      )
      select (select count(*) from r)::int as referrals,
             (select count(*) from r where household_id is not null)::int as with_household,
             (select count(*) from earlier where closed_on >= received_on - 365)::int as within_one_year,
             (select count(*) from earlier)::int as within_two_years`,
  );
  return r[0] ?? { referrals: 0, with_household: 0, within_one_year: 0, within_two_years: 0 };
};

// ---------- continuity ----------
export interface ContinuityRow {
  closed: number;
  zero: number;
  one: number;
  two_plus: number;
  change_sum: number;
  changes_in_period: number;
  cases_changed_in_period: number;
}
/** Changes of contact person over the whole life of the cases closed in the period, and all changes in the period. */
export const continuity = async (tx: Tx, s: Scope): Promise<ContinuityRow> => {
  const r = await rows(
    tx,
    sql<ContinuityRow>`
      with in_period as (
        select w.case_id from case_worker_change w join mi_case_fact f on f.case_id = w.case_id
        where f.team_id = any(${teams(s)}) and w.changed_at >= ${start(s)} and w.changed_at < ${end(s)}
      )
      select count(*)::int as closed,
             count(*) filter (where f.worker_changes = 0)::int as zero,
             count(*) filter (where f.worker_changes = 1)::int as one,
             count(*) filter (where f.worker_changes >= 2)::int as two_plus,
             coalesce(sum(f.worker_changes), 0)::int as change_sum,
             (select count(*) from in_period)::int as changes_in_period,
             (select count(distinct case_id) from in_period)::int as cases_changed_in_period
      from mi_case_fact f where ${closedIn(s)}`,
  );
  return (
    r[0] ?? { closed: 0, zero: 0, one: 0, two_plus: 0, change_sum: 0, changes_in_period: 0, cases_changed_in_period: 0 }
  );
};

// ---------- the plans of the period: normalising and the integral plan ----------
const PLAN_COLUMNS = [
  'domains',
  'own_plan',
  'actions_household',
  'actions_family',
  'actions_network',
  'actions_professional',
  'actions_unknown',
  'service_general',
  'service_group',
  'service_tailored',
  'service_none',
];
const CASE_PLAN_COLUMNS = [
  'plan_domains',
  'plan_own',
  'plan_household',
  'plan_family',
  'plan_network',
  'plan_professional',
  'plan_unknown',
  'plan_general',
  'plan_group',
  'plan_tailored',
  'plan_none',
];
const planColumns = (prefix: string) => sql.raw(PLAN_COLUMNS.map((c) => `${prefix}.${c}`).join(', '));

/**
 * Per case active in the period: the version of its plan in effect at the end of the period (the latest agreed on or
 * before it). From the versions of every plan (`fromVersions`), or — the same, faster — from the copy of the latest
 * version on the case's facts where that was agreed by the end of the period, and from the versions only for the
 * cases whose latest version came later.
 */
const plansInEffect = (s: Scope, fromVersions: boolean) => {
  const active = sql`f.team_id = any(${teams(s)}) and (f.closed_at is null or f.closed_at >= ${start(s)})`;
  const versions = (where: RawBuilder<unknown>) => sql`
    select distinct on (pf.case_id) ${planColumns('pf')}
    from mi_plan_fact pf
    join mi_case_fact f on f.case_id = pf.case_id
    where ${active} and pf.agreed_on <= ${s.to}::date ${where}
    order by pf.case_id, pf.agreed_on desc, pf.number desc`;
  if (fromVersions) return versions(sql``);
  return sql`
    select ${sql.raw(CASE_PLAN_COLUMNS.map((c, i) => `f.${c} as ${PLAN_COLUMNS[i]}`).join(', '))}
    from mi_case_fact f
    where ${active} and f.plan_agreed_on <= ${s.to}::date
    union all
    (${versions(sql`and f.plan_agreed_on > ${s.to}::date`)})`;
};

const PERFORMER_GROUPS = ['household', 'family', 'network', 'professional', 'unknown'] as const;
const SERVICE_TYPES = ['general', 'group', 'tailored', 'none'] as const;

export interface ActionRow {
  dimension: 'performer' | 'service' | 'total';
  category: string;
  actions: number;
  cases: number;
}
export interface PlanDomainsRow {
  domains: number;
  plans: number;
  own_plans: number;
}
/**
 * The plans in effect, in one pass: who carries out their actions and which kind of service from the catalogue they
 * use; and the plans by the number of life domains their goals cover, and how many start from the household's own plan.
 */
export const plans = async (
  tx: Tx,
  s: Scope,
  options: { fromVersions?: boolean } = {},
): Promise<{ actions: ActionRow[]; domains: PlanDomainsRow[] }> => {
  const columns = [...PERFORMER_GROUPS.map((k) => `actions_${k}`), ...SERVICE_TYPES.map((k) => `service_${k}`)];
  const r = await rows(
    tx,
    sql<Record<string, number>>`
      with v as (${plansInEffect(s, options.fromVersions ?? false)})
      select v.domains, count(*)::int as plans, count(*) filter (where v.own_plan)::int as own_plans,
             ${sql.join(columns.map((c) => sql`coalesce(sum(v.${sql.ref(c)}), 0)::int as ${sql.ref(`a_${c}`)}, (count(*) filter (where v.${sql.ref(c)} > 0))::int as ${sql.ref(`c_${c}`)}`))},
             (count(*) filter (where v.actions_household + v.actions_family + v.actions_network + v.actions_professional + v.actions_unknown > 0))::int as c_total
      from v group by v.domains`,
  );
  const total = (key: string) => r.reduce((acc, x) => acc + (x[key] ?? 0), 0);
  const row = (dimension: ActionRow['dimension'], category: string, column: string): ActionRow => ({
    dimension,
    category,
    actions: total(`a_${column}`),
    cases: total(`c_${column}`),
  });
  const performers = PERFORMER_GROUPS.map((k) => row('performer', k, `actions_${k}`));
  return {
    actions: [
      ...performers,
      ...SERVICE_TYPES.map((k) => row('service', k, `service_${k}`)),
      {
        dimension: 'total',
        category: 'all',
        actions: performers.reduce((acc, p) => acc + p.actions, 0),
        cases: total('c_total'),
      },
    ],
    domains: r.map((x) => ({ domains: x.domains ?? 0, plans: x.plans ?? 0, own_plans: x.own_plans ?? 0 })),
  };
};

// ---------- signals to policy ----------
export interface SignalRow {
  kind: string;
  life_domain: string;
  n: number;
  forwarded: number;
}
export const signals = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<SignalRow>`
      select s.kind, s.life_domain, count(*)::int as n, count(*) filter (where s.forwarded_at is not null)::int as forwarded
      from policy_signal s
      where s.team_id = any(${teams(s)}) and s.recorded_at >= ${start(s)} and s.recorded_at < ${end(s)}
      group by 1, 2`,
  );

// ---------- for the quality mirror ----------
export interface ContactRow {
  contacts: number;
  home_visits: number;
  cases: number;
  home_visit_cases: number;
}
/** Contacts logged in the period, and how many were home visits. */
export const contacts = async (tx: Tx, s: Scope): Promise<ContactRow> => {
  const r = await rows(
    tx,
    sql<ContactRow>`
      select count(*)::int as contacts, count(*) filter (where e.kind = 'home_visit')::int as home_visits,
             count(distinct e.case_id)::int as cases, count(distinct e.case_id) filter (where e.kind = 'home_visit')::int as home_visit_cases
      from contact_entry e
      join mi_case_fact f on f.case_id = e.case_id
      where f.team_id = any(${teams(s)}) and e.contact_on between ${s.from}::date and ${s.to}::date`,
  );
  return r[0] ?? { contacts: 0, home_visits: 0, cases: 0, home_visit_cases: 0 };
};

export interface ConsultationRow {
  days: number;
  n: number;
}
/** Days from the request to the advice of the behavioural scientist, for advice given in the period (histogram). */
export const consultationDays = (tx: Tx, s: Scope) =>
  rows(
    tx,
    sql<ConsultationRow>`
      select greatest(b.advised_on - ${day(col('b.requested_at'))}, 0)::int as days, count(*)::int as n
      from behavioural_consultation b
      join case_file c on c.id = b.case_id
      where c.team_id = any(${teams(s)}) and b.advised_on between ${s.from}::date and ${s.to}::date
      group by 1`,
  );
