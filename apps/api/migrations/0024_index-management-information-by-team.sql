-- The dashboards ask per team (a coordinator's own team, or a selection of teams), but the facts and referrals
-- were indexed per municipality and date only: a team's figures read every fact of the municipality (19,200 at
-- `large` for one team of 1,600 cases) and filtered the team afterwards. Indexes that lead with the municipality
-- (the row-level security condition) and the team let both conditions bound the scan.
CREATE INDEX mi_case_fact_team_idx ON mi_case_fact (tenant_id, team_id, phase);
CREATE INDEX referral_team_received_idx ON referral (tenant_id, team_id, received_at);
