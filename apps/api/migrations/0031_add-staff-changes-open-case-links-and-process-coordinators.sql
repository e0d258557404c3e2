-- Staff changes, one case per household, and the process coordinator (issue #17 items 6, 7 and 8; ADR 0033).

-- 1. A change of contact person keeps who changed it, why, the warm-handover note and how the household was told.
--    The row itself is still written by the trigger of migration 0019 (no code path can forget it); the use case that
--    changes the worker completes it in the same transaction.
ALTER TABLE case_worker_change
  ADD COLUMN changed_by uuid REFERENCES app_user (id),
  ADD COLUMN reason text CHECK (reason IN ('leaving', 'illness', 'leave', 'workload', 'match', 'other')),
  ADD COLUMN reason_note text,
  ADD COLUMN handover_note text,
  ADD COLUMN household_told text CHECK (household_told IN ('email', 'portal', 'email_and_portal', 'none'));
GRANT UPDATE (changed_by, reason, reason_note, handover_note, household_told) ON case_worker_change TO nabij_app;

-- 2. A referral for a household with an open case is linked to that case (not only to one in watch or closed), and the
--    intake meeting or the coordinator decides: it joins the case as a new question, or — with a reason — a parallel
--    case is opened.
ALTER TABLE case_referral_link DROP CONSTRAINT IF EXISTS case_referral_link_case_phase_check;
ALTER TABLE case_referral_link ADD CONSTRAINT case_referral_link_case_phase_check
  CHECK (case_phase IN ('analysis', 'plan', 'execution', 'closure', 'watch', 'closed'));
ALTER TABLE case_referral_link
  ADD COLUMN outcome text CHECK (outcome IN ('joined', 'parallel_case')),
  ADD COLUMN reason text,
  ADD COLUMN decided_by uuid REFERENCES app_user (id),
  ADD COLUMN decided_at timestamptz,
  ADD CONSTRAINT case_referral_link_parallel_reason CHECK (outcome IS DISTINCT FROM 'parallel_case' OR reason IS NOT NULL),
  ADD CONSTRAINT case_referral_link_decided CHECK ((outcome IS NULL) = (decided_at IS NULL));
GRANT UPDATE (outcome, reason, decided_by, decided_at) ON case_referral_link TO nabij_app;

-- 3. The process coordinator (procesregisseur): a municipal consultant linked to a case by its worker or the team
--    coordinator reads the case and the plan (need to know). Unlinking ends the access; the rows stay as history.
CREATE TABLE case_process_coordinator (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  linked_by uuid NOT NULL REFERENCES app_user (id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  unlinked_by uuid REFERENCES app_user (id),
  unlinked_at timestamptz,
  CHECK ((unlinked_by IS NULL) = (unlinked_at IS NULL))
);
CREATE UNIQUE INDEX case_process_coordinator_active_idx ON case_process_coordinator (case_id, user_id) WHERE unlinked_at IS NULL;
CREATE INDEX case_process_coordinator_user_idx ON case_process_coordinator (tenant_id, user_id) WHERE unlinked_at IS NULL;
ALTER TABLE case_process_coordinator ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_process_coordinator_tenant ON case_process_coordinator USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
-- DELETE: destruction of a case (ADR 0017) removes its rows like every table that belongs to a case file.
GRANT SELECT, INSERT, DELETE ON case_process_coordinator TO nabij_app;
GRANT UPDATE (unlinked_by, unlinked_at) ON case_process_coordinator TO nabij_app;
