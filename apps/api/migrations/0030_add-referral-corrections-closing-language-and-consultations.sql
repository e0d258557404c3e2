-- Issue #17 items 4, 5, 10 and 18 (ADR 0032): a referral is completed and corrected after it came in (with a
-- visible history of what changed and why), closed without a case with a coded reason, carries the household's
-- language and need of an interpreter from the start, and the team's consultations without a case ("even
-- overleggen") are recorded without personal data next to the desk's tally of simple questions.

-- 4. The house-number addition the person record has, but the referral could not hold. (IF NOT EXISTS: another
--    change of the referral's persons may add it too.)
ALTER TABLE referral_person ADD COLUMN IF NOT EXISTS house_number_addition text;

-- 4. Every correction of a referral, one row per changed field, grouped per save (change_id), with the reason.
--    A field of a person in the referral names that row, so an erasure of that person can find its corrections.
CREATE TABLE referral_correction (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  referral_id uuid NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
  referral_person_id uuid REFERENCES referral_person (id) ON DELETE CASCADE,
  change_id uuid NOT NULL,
  field text NOT NULL,
  old_value text,
  new_value text,
  reason text NOT NULL,
  changed_by uuid NOT NULL REFERENCES app_user (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_correction_referral_idx ON referral_correction (referral_id, changed_at);
CREATE INDEX referral_correction_person_idx ON referral_correction (referral_person_id);
GRANT SELECT, INSERT, UPDATE, DELETE ON referral_correction TO nabij_app;
ALTER TABLE referral_correction ENABLE ROW LEVEL SECURITY;
CREATE POLICY referral_correction_tenant ON referral_correction USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- 10. The household's language and whether an interpreter is needed, as the referral gave them. The person record
--     (person.preferred_language, person.interpreter_needed) is the one place they are kept once the regiecheck
--     links the persons: the regiecheck carries them over, and what the case, Mijn werk, the agenda and the letters
--     show is read from the persons.
ALTER TABLE referral
  ADD COLUMN preferred_language text,
  ADD COLUMN interpreter_needed boolean NOT NULL DEFAULT false;

-- 5. Closing a referral without a case: the coded reason ('decision': as the intake meeting decided), a note, who
--    and when.
ALTER TABLE referral
  ADD COLUMN closed_reason text CHECK (closed_reason IN ('decision', 'taken_up_elsewhere', 'no_consent', 'duplicate', 'not_for_us', 'withdrawn', 'other')),
  ADD COLUMN closed_note text,
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN closed_by uuid REFERENCES app_user (id);
UPDATE referral r SET closed_reason = 'decision'
  WHERE r.status = 'closed' AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.referral_id = r.id)
    AND EXISTS (SELECT 1 FROM core_decision d WHERE d.referral_id = r.id);

-- 18. A consultation without a case ("even overleggen"): a professional or resident asks the team for advice
--     without a referral. Kept with the desk's tally of simple questions (same table, no personal data): the topic
--     in `category` (a life domain or 'other'), who asked, the channel, the advice given and the minutes spent. When
--     it becomes a referral later, referral_id links it (cut, not followed, when that referral is destroyed).
ALTER TABLE host_question
  ADD COLUMN kind text NOT NULL DEFAULT 'desk_question' CHECK (kind IN ('desk_question', 'consultation')),
  ADD COLUMN asker text CHECK (asker IN ('professional', 'resident')),
  ADD COLUMN channel text CHECK (channel IN ('phone', 'email', 'in_person', 'other')),
  ADD COLUMN advice text,
  ADD COLUMN minutes_spent integer CHECK (minutes_spent BETWEEN 1 AND 480);
ALTER TABLE host_question ADD CONSTRAINT host_question_consultation_complete
  CHECK (kind = 'desk_question' OR (asker IS NOT NULL AND channel IS NOT NULL AND advice IS NOT NULL AND minutes_spent IS NOT NULL));
CREATE INDEX host_question_consultation_idx ON host_question (tenant_id, team_id, at) WHERE kind = 'consultation';
