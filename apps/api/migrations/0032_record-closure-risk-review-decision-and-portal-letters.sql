-- Closure tells the truth (issue #17 items 17 and 19, ADR 0034).
--
-- The case review meeting decides on a closure question ("Gaat er iets mis als ik eruit stap?" answered "ja"): close
-- (with the risk accepted) or continue. A case closed after such a decision records the remaining risk and the agenda
-- item that decided it. A "ja" corrected by the team coordinator keeps the reason. A goal result taken over from the
-- final evaluation names that evaluation. A household letter on closure can be delivered in Mijn Nabij.

ALTER TABLE case_review_item ADD COLUMN closure_decision text CHECK (closure_decision IN ('close', 'continue'));
ALTER TABLE case_review_item ADD CONSTRAINT case_review_item_closure_decision_kind CHECK (closure_decision IS NULL OR question_kind = 'closure');

ALTER TABLE closing_question_answer ADD COLUMN change_reason text;

ALTER TABLE case_closure ADD COLUMN risk_note text;
ALTER TABLE case_closure ADD COLUMN review_item_id uuid REFERENCES case_review_item (id);
ALTER TABLE case_closure ADD CONSTRAINT case_closure_risk_note_with_review CHECK ((risk_note IS NULL) = (review_item_id IS NULL));

ALTER TABLE case_closure_goal ADD COLUMN evaluation_id uuid REFERENCES case_evaluation (id);

ALTER TABLE case_letter DROP CONSTRAINT case_letter_status_check;
ALTER TABLE case_letter ADD CONSTRAINT case_letter_status_check CHECK (status IN ('pending', 'sent', 'no_address', 'failed', 'portal'));
-- The person in whose Mijn Nabij the letter is shown (the household letter's addressee with an account).
ALTER TABLE case_letter ADD COLUMN portal_person_id uuid REFERENCES person (id) ON DELETE SET NULL;
CREATE INDEX case_letter_portal_person_idx ON case_letter (portal_person_id) WHERE portal_person_id IS NOT NULL;
