-- Figures per team and calendar month, and per team and day, for the dashboards (issue #8, ADR 0026). A dashboard over
-- a whole municipality and a year read every case fact, referral and decision of the period (some 150,000 rows at
-- the `large` benchmark size); now it reads one cell per team and whole month, one per team and day for the days of
-- a month the period covers only in part, and computes only today (and later days) directly.
--
-- A cell holds, for one team and a span of days within one month (the whole month, or a single day), the results of
-- the additive queries of apps/api/src/capabilities/management-information/mi.queries.ts over that span: the direct
-- computation itself, stored. Cells are kept correct by marks: every change that can alter a figure queues the team
-- and the day it is counted on in mi_dirty_day, from the source tables (referrals, decisions, letters, closures,
-- watches, episodes, changes of contact person, signals, team norms) and from the facts per case of migration 0019
-- (written only when a fact actually changes). Before a dashboard reads cells, the cells containing a marked day are
-- computed again (mi.cells.ts). Most changes are counted on today, which no cell holds: they mark nothing stored.

CREATE TABLE mi_cell (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  first_day date NOT NULL,
  last_day date NOT NULL,
  -- json, not jsonb: stored and returned as written, without the conversion jsonb output costs (a dashboard reads
  -- hundreds of cells).
  figures json NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, team_id, first_day, last_day),
  CHECK (last_day >= first_day AND date_trunc('month', first_day::timestamp) = date_trunc('month', last_day::timestamp))
);

CREATE TABLE mi_dirty_day (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  day date NOT NULL
);
CREATE INDEX mi_dirty_day_tenant_idx ON mi_dirty_day (tenant_id, id);

-- Evaluations are counted per team: the fact carries its case's team (set by the refresh, like mi_case_zrm).
ALTER TABLE mi_evaluation_fact ADD COLUMN team_id uuid REFERENCES team (id);
UPDATE mi_evaluation_fact e SET team_id = f.team_id FROM mi_case_fact f WHERE f.case_id = e.case_id;
-- Evaluations of cases whose facts are not computed yet get their team when the case is computed.
DELETE FROM mi_evaluation_fact WHERE team_id IS NULL;
ALTER TABLE mi_evaluation_fact ALTER COLUMN team_id SET NOT NULL;
CREATE INDEX mi_evaluation_fact_team_held_idx ON mi_evaluation_fact (tenant_id, team_id, held_on);

-- The plan in effect today, per case: its latest agreed version, copied from mi_plan_fact (set by the refresh). The
-- dashboards count the plans in effect at the end of the period; for the usual period, ending today, that is this
-- version, read without joining the plan facts.
ALTER TABLE mi_case_fact
  ADD COLUMN plan_agreed_on date,
  ADD COLUMN plan_domains integer,
  ADD COLUMN plan_own boolean,
  ADD COLUMN plan_household integer,
  ADD COLUMN plan_family integer,
  ADD COLUMN plan_network integer,
  ADD COLUMN plan_professional integer,
  ADD COLUMN plan_unknown integer,
  ADD COLUMN plan_general integer,
  ADD COLUMN plan_group integer,
  ADD COLUMN plan_tailored integer,
  ADD COLUMN plan_none integer;
UPDATE mi_case_fact f SET plan_agreed_on = v.agreed_on, plan_domains = v.domains, plan_own = v.own_plan, plan_household = v.actions_household,
    plan_family = v.actions_family, plan_network = v.actions_network, plan_professional = v.actions_professional, plan_unknown = v.actions_unknown,
    plan_general = v.service_general, plan_group = v.service_group, plan_tailored = v.service_tailored, plan_none = v.service_none
  FROM (SELECT DISTINCT ON (case_id) * FROM mi_plan_fact ORDER BY case_id, agreed_on DESC, number DESC) v
  WHERE v.case_id = f.case_id;

-- The mark trigger: TG_ARGV[0] selects (tenant_id, team_id, d) — d the Amsterdam day a changed figure is counted on.
-- Written with $rows, it runs over the old rows (UPDATE, DELETE) and the new rows (INSERT, UPDATE); written with
-- old_rows and new_rows, it runs as it stands (an UPDATE that compares the two).
CREATE FUNCTION mi_mark_days() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
DECLARE
  q text;
BEGIN
  IF strpos(TG_ARGV[0], '$rows') = 0 THEN
    q := TG_ARGV[0];
  ELSIF TG_OP = 'UPDATE' THEN
    q := replace(TG_ARGV[0], '$rows', 'old_rows') || ' UNION ALL ' || replace(TG_ARGV[0], '$rows', 'new_rows');
  ELSE
    q := replace(TG_ARGV[0], '$rows', CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END);
  END IF;
  EXECUTE format(
    'INSERT INTO mi_dirty_day (tenant_id, team_id, day) SELECT DISTINCT x.tenant_id, x.team_id, x.d FROM (%s) x WHERE x.team_id IS NOT NULL AND x.d IS NOT NULL',
    q);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  spec text[];
  ev text;
  ams text := ' at time zone ''Europe/Amsterdam'')::date';
  -- The columns of a case fact that some monthly figure uses (not the phase or the evaluation reference: those
  -- figures are of today and computed directly).
  fact_cols text := 'team_id, household_id, received_at, decided_at, opened_at, first_contact_on, first_agreed_on, last_closed_on, worker_changes, zrm_start, zrm_pair, participation_persons, participation_up, participation_same, participation_down, participation_change';
  fact_dates text := 'SELECT tenant_id, team_id, (opened_at' || ' at time zone ''Europe/Amsterdam'')::date AS d FROM %1$s UNION ALL SELECT tenant_id, team_id, first_contact_on FROM %1$s UNION ALL SELECT tenant_id, team_id, first_agreed_on FROM %1$s UNION ALL SELECT tenant_id, team_id, last_closed_on FROM %1$s';
  -- Everything of a case that is counted by the team of its facts, for a case that moved to another team.
  case_dates text := 'SELECT x.tenant_id, t.team_id, x.closed_on AS d FROM case_closure x JOIN %1$s t ON t.case_id = x.case_id '
    || 'UNION ALL SELECT w.tenant_id, t.team_id, w.started_on FROM case_watch w JOIN %1$s t ON t.case_id = w.case_id '
    || 'UNION ALL SELECT w.tenant_id, t.team_id, w.ended_on FROM case_watch w JOIN %1$s t ON t.case_id = w.case_id '
    || 'UNION ALL SELECT e.tenant_id, t.team_id, e.started_on FROM case_episode e JOIN %1$s t ON t.case_id = e.case_id '
    || 'UNION ALL SELECT w.tenant_id, t.team_id, (w.changed_at at time zone ''Europe/Amsterdam'')::date FROM case_worker_change w JOIN %1$s t ON t.case_id = w.case_id';
  -- The referrals of a household, whose re-referral figure depends on the closures of its cases.
  household_referrals text := 'SELECT r.tenant_id, r.team_id, (r.received_at at time zone ''Europe/Amsterdam'')::date AS d FROM referral r JOIN %1$s t ON t.household_id = r.household_id';
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    -- Inflow, referrals closed without a case, re-referrals (received month); decisions and their lead time (decided month).
    ['referral', 'INSERT,UPDATE,DELETE',
      'SELECT tenant_id, team_id, (received_at' || ams || ' AS d FROM $rows '
      || 'UNION ALL SELECT r.tenant_id, r.team_id, (d.decided_at' || ams || ' FROM $rows r JOIN core_decision d ON d.referral_id = r.id'],
    ['core_decision', 'INSERT,UPDATE,DELETE',
      'SELECT r.tenant_id, r.team_id, (x.decided_at' || ams || ' AS d FROM $rows x JOIN referral r ON r.id = x.referral_id '
      || 'UNION ALL SELECT r.tenant_id, r.team_id, (r.received_at' || ams || ' FROM $rows x JOIN referral r ON r.id = x.referral_id'],
    -- Decisions fed back to the referrer by letter.
    ['letter', 'INSERT,UPDATE,DELETE',
      'SELECT r.tenant_id, r.team_id, (d.decided_at' || ams || ' AS d FROM $rows l JOIN referral r ON r.id = l.referral_id JOIN core_decision d ON d.referral_id = r.id'],
    -- A referral gets (or loses) its case file: referrals closed without a case.
    ['case_file', 'INSERT,DELETE',
      'SELECT r.tenant_id, r.team_id, (r.received_at' || ams || ' AS d FROM $rows c JOIN referral r ON r.id = c.referral_id'],
    ['case_file', 'UPDATE',
      'SELECT r.tenant_id, r.team_id, (r.received_at' || ams || ' AS d FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN referral r ON r.id IN (o.referral_id, n.referral_id) '
      || 'WHERE o.referral_id IS DISTINCT FROM n.referral_id'],
    -- Closures (and, for the household, its re-referrals in the two years after), watches, reactivations, warm
    -- handovers, changes of contact person: counted by the case's team.
    ['case_closure', 'INSERT,UPDATE,DELETE',
      'SELECT c.tenant_id, c.team_id, x.closed_on AS d FROM $rows x JOIN case_file c ON c.id = x.case_id '
      || 'UNION ALL SELECT r.tenant_id, r.team_id, (r.received_at' || ams || ' FROM $rows x JOIN case_file c ON c.id = x.case_id JOIN referral r ON r.household_id = c.household_id '
      || 'WHERE (r.received_at' || ams || ' > x.closed_on AND (r.received_at' || ams || ' <= x.closed_on + 730'],
    ['care_transfer', 'INSERT,UPDATE,DELETE',
      'SELECT c.tenant_id, c.team_id, x.closed_on AS d FROM $rows t JOIN case_file c ON c.id = t.case_id JOIN case_closure x ON x.case_id = t.case_id'],
    ['case_watch', 'INSERT,UPDATE,DELETE',
      'SELECT c.tenant_id, c.team_id, w.started_on AS d FROM $rows w JOIN case_file c ON c.id = w.case_id '
      || 'UNION ALL SELECT c.tenant_id, c.team_id, w.ended_on FROM $rows w JOIN case_file c ON c.id = w.case_id'],
    ['case_episode', 'INSERT,UPDATE,DELETE',
      'SELECT c.tenant_id, c.team_id, e.started_on AS d FROM $rows e JOIN case_file c ON c.id = e.case_id'],
    ['case_worker_change', 'INSERT,DELETE',
      'SELECT c.tenant_id, c.team_id, (w.changed_at' || ams || ' AS d FROM $rows w JOIN case_file c ON c.id = w.case_id'],
    ['policy_signal', 'INSERT,UPDATE,DELETE',
      'SELECT tenant_id, team_id, (recorded_at' || ams || ' AS d FROM $rows'],
    -- A team's norms decide "within the norm" and "on time": all its cells.
    ['team', 'UPDATE',
      'SELECT m.tenant_id, m.team_id, m.first_day AS d FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN mi_cell m ON m.team_id = n.id '
      || 'WHERE (o.analysis_weeks, o.evaluation_weeks) IS DISTINCT FROM (n.analysis_weeks, n.evaluation_weeks)'],
    -- The facts per case (the refresh writes a fact only when it changed).
    ['mi_case_fact', 'INSERT', format(fact_dates, 'new_rows')],
    ['mi_case_fact', 'DELETE', format(fact_dates, 'old_rows')],
    ['mi_case_fact', 'UPDATE',
      format('WITH changed AS (SELECT o.case_id FROM old_rows o JOIN new_rows n ON n.case_id = o.case_id WHERE (%1$s) IS DISTINCT FROM (%2$s)), '
        || 'o AS (SELECT * FROM old_rows WHERE case_id IN (SELECT case_id FROM changed)), n AS (SELECT * FROM new_rows WHERE case_id IN (SELECT case_id FROM changed)), '
        || 'moved AS (SELECT o.case_id, o.team_id FROM o JOIN n ON n.case_id = o.case_id WHERE o.team_id <> n.team_id UNION ALL SELECT n.case_id, n.team_id FROM o JOIN n ON n.case_id = o.case_id WHERE o.team_id <> n.team_id), '
        || 'rehoused AS (SELECT o.household_id FROM o JOIN n ON n.case_id = o.case_id WHERE o.household_id IS DISTINCT FROM n.household_id UNION ALL SELECT n.household_id FROM o JOIN n ON n.case_id = o.case_id WHERE o.household_id IS DISTINCT FROM n.household_id) '
        || '%3$s UNION ALL %4$s UNION ALL %5$s UNION ALL %6$s',
        (SELECT string_agg('o.' || c, ', ') FROM unnest(string_to_array(fact_cols, ', ')) c),
        (SELECT string_agg('n.' || c, ', ') FROM unnest(string_to_array(fact_cols, ', ')) c),
        format(fact_dates, 'o'), format(fact_dates, 'n'), format(case_dates, 'moved'), format(household_referrals, 'rehoused'))],
    ['mi_evaluation_fact', 'INSERT,UPDATE,DELETE', 'SELECT tenant_id, team_id, held_on AS d FROM $rows'],
    ['mi_case_zrm', 'INSERT,UPDATE,DELETE', 'SELECT tenant_id, team_id, closed_on AS d FROM $rows']
  ] LOOP
    FOREACH ev IN ARRAY string_to_array(spec[2], ',') LOOP
      EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION mi_mark_days(%L)',
        'mi_day_' || lower(ev), ev, spec[1],
        CASE ev WHEN 'DELETE' THEN 'OLD TABLE AS old_rows' WHEN 'INSERT' THEN 'NEW TABLE AS new_rows' ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
        spec[3]);
    END LOOP;
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON mi_cell, mi_dirty_day TO nabij_app;
ALTER TABLE mi_cell ENABLE ROW LEVEL SECURITY;
CREATE POLICY mi_cell_tenant ON mi_cell USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE mi_dirty_day ENABLE ROW LEVEL SECURITY;
CREATE POLICY mi_dirty_day_tenant ON mi_dirty_day USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
