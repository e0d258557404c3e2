-- Letters carry the team's address block and phone number (issue #21 item 2): the team's postal address, kept
-- with its phone number and e-mail address (migration 0020) in the team settings. Lines are separated by newlines.
ALTER TABLE team
  ADD COLUMN postal_address text CHECK (postal_address IS NULL OR length(postal_address) <= 300);

-- Letters never say "Hij of zij": a template the functional administrator saved with the old built-in text says
-- "Deze contactpersoon" instead (the built-in text changed the same way). The version moves on, so an open editor gets a
-- version conflict instead of saving the old wording back.
UPDATE letter_template
   SET body = replace(body, 'Hij of zij neemt contact op', 'Deze contactpersoon neemt contact op'),
       version = version + 1
 WHERE body LIKE '%Hij of zij neemt contact op%';
