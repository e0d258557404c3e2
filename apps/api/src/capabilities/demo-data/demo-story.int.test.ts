/**
 * The demo municipality tells a consistent story (issue #17 item 20): what a new user sees in "Gemeente Voorbeeld"
 * could have happened. Each check is a query for the rows that break one rule of the lifecycle; every list must be
 * empty. The seed is relative to today, so this runs against a fresh seed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { seedDemo } from '.';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(testDb.db);
}, 300_000);
afterAll(() => testDb?.drop());

/** The rows a query finds, as short labels (household or reference and the dates involved). */
async function offending(query: ReturnType<typeof sql<{ label: string }>>): Promise<string[]> {
  return (await query.execute(testDb.db.kysely)).rows.map((r) => r.label);
}

/** The case's name in a failure message: its household and reference. */
const CASE_LABEL = sql`(select h.name from household h where h.id = c.household_id) || ' (' || (select r.reference from referral r where r.id = c.referral_id) || ')'`;

describe('the demo data tells a consistent story', () => {
  it('has cases in the phases the demo shows (the plan journey starts a plan itself)', async () => {
    const phases = await sql<{ phase: string }>`select distinct phase from case_file`.execute(testDb.db.kysely);
    expect(phases.rows.map((r) => r.phase).sort()).toEqual(expect.arrayContaining(['analysis', 'closed', 'execution']));
  });

  it('has no case opened before its referral came in, or in the future', async () => {
    expect(
      await offending(sql<{ label: string }>`
        select ${CASE_LABEL} || ': received ' || r.received_at::date || ', opened ' || c.opened_at::date as label
        from case_file c join referral r on r.id = c.referral_id
        where c.opened_at < r.received_at or c.opened_at > now()`),
    ).toEqual([]);
  });

  it('sets the analysis deadline after the opening (the team’s term), never months before it', async () => {
    expect(
      await offending(sql<{ label: string }>`
        select ${CASE_LABEL} || ': opened ' || c.opened_at::date || ', analysis deadline ' || c.analysis_deadline as label
        from case_file c
        where c.analysis_deadline <= c.opened_at::date or c.analysis_deadline > c.opened_at::date + 90`),
    ).toEqual([]);
  });

  it('has the consent given between the referral and today', async () => {
    expect(
      await offending(sql<{ label: string }>`
        select ${CASE_LABEL} || ': received ' || r.received_at::date || ', consent ' || c.consent_date as label
        from case_file c join referral r on r.id = c.referral_id
        where c.consent_date is not null and (c.consent_date < r.received_at::date or c.consent_date > current_date)`),
    ).toEqual([]);
  });

  it('has an agreed plan version for every case in execution or after it, and a plan for every case in the plan phase', async () => {
    expect(
      await offending(sql<{ label: string }>`
        select ${CASE_LABEL} || ': ' || c.phase || ' without an agreed plan' as label
        from case_file c
        where c.phase in ('execution', 'closure', 'watch')
          and not exists (select 1 from plan p join plan_version v on v.plan_id = p.id where p.case_id = c.id and v.status in ('agreed', 'superseded'))
        union all
        select ${CASE_LABEL} || ': plan phase without a plan' from case_file c
        where c.phase = 'plan' and not exists (select 1 from plan p where p.case_id = c.id)`),
    ).toEqual([]);
  });

  it('has a child-safety assessment before the agreement of every plan of a household with a minor', async () => {
    expect(
      await offending(sql<{ label: string }>`
        select ${CASE_LABEL} || ': plan agreed ' || v.agreed_on || ' without a child-safety assessment' as label
        from case_file c join plan p on p.case_id = c.id join plan_version v on v.plan_id = p.id
        where v.agreed_on is not null
          and exists (select 1 from household_member m join person pe on pe.id = m.person_id
                      where m.household_id = c.household_id and pe.date_of_birth > v.agreed_on - interval '18 years')
          and not exists (select 1 from child_safety_assessment a where a.case_id = c.id and a.assessed_on <= v.agreed_on)`),
    ).toEqual([]);
  });

  it('has plans agreed after the opening and not in the future, starting after the opening', async () => {
    expect(
      await offending(sql<{ label: string }>`
        select ${CASE_LABEL} || ': opened ' || c.opened_at::date || ', plan version ' || v.number || ' starts ' || coalesce(v.starts_on::text, '-') || ', agreed ' || coalesce(v.agreed_on::text, '-') as label
        from case_file c join plan p on p.case_id = c.id join plan_version v on v.plan_id = p.id
        where v.agreed_on > current_date or v.agreed_on < c.opened_at::date or v.starts_on < c.opened_at::date`),
    ).toEqual([]);
  });

  it('closes only closed cases, after their opening and not in the future', async () => {
    expect(
      await offending(sql<{ label: string }>`
        select ${CASE_LABEL} || ': ' || c.phase || ', opened ' || c.opened_at::date || ', closed ' || coalesce(c.closed_at::date::text, '-') as label
        from case_file c
        where (c.phase = 'closed') <> (c.closed_at is not null) or c.closed_at < c.opened_at or c.closed_at > now()`),
    ).toEqual([]);
  });

  it('records contacts, measurements and evaluations within the case’s life, never in the future', async () => {
    expect(
      await offending(sql<{ label: string }>`
        with life as (select c.id, c.household_id, c.referral_id, c.opened_at::date as opened, coalesce(c.closed_at::date, current_date) as until from case_file c)
        select (select h.name from household h where h.id = l.household_id) || ': ' || what || ' on ' || on_day as label
        from life l join (
          select case_id, 'contact' as what, contact_on as on_day from contact_entry
          union all select case_id, 'ZRM', assessed_on from zrm_assessment
          union all select case_id, 'participation ladder', measured_on from participation_measure
          union all select case_id, 'evaluation', held_on from case_evaluation
          union all select case_id, 'child safety assessment', assessed_on from child_safety_assessment
          union all select case_id, 'outreach attempt', attempted_on from outreach_attempt
        ) e on e.case_id = l.id
        where e.on_day < l.opened or e.on_day > l.until or e.on_day > current_date`),
    ).toEqual([]);
  });

  it('has referrals, decisions and meetings of the past, and persons born in the past', async () => {
    expect(
      await offending(sql<{ label: string }>`
        select 'referral ' || reference || ' received ' || received_at::date as label from referral where received_at > now()
        union all
        select 'core decision on ' || d.decided_at::date || ' before its referral ' || r.reference || ' came in' from core_decision d join referral r on r.id = d.referral_id where d.decided_at < r.received_at or d.decided_at > now()
        union all
        select 'person ' || first_name || ' ' || last_name || ' born ' || date_of_birth from person where date_of_birth > current_date
        union all
        select 'regiecheck of ' || reference || ' before it came in' from referral where regiecheck_done_at < received_at`),
    ).toEqual([]);
  });
});
