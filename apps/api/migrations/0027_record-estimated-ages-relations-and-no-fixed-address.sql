-- The household as it really is (issue #17, items 2, 9 and 11; ADR 0029).
--
-- 1. A child named on a referral by age only becomes a person without a date of birth. What is known is kept:
--    the age and the day it was given (the day the referral came in), so the age today can be estimated and the
--    person counts as a minor until a date of birth shows otherwise. Both or neither.
-- 2. A person without a fixed address (a caravan without a fixed pitch, homeless, or reachable through a postal
--    address) is a normal case: the kind is recorded instead of an address, on the referral and on the person.
-- 3. The relation in the household is asked on the referral (or derived from the ages when left open) instead of
--    every adult becoming "parent".
ALTER TABLE person
  ADD COLUMN age_given integer CHECK (age_given BETWEEN 0 AND 120),
  ADD COLUMN age_given_on date,
  ADD COLUMN no_fixed_address text CHECK (no_fixed_address IN ('caravan', 'homeless', 'postal_address', 'other')),
  ADD CONSTRAINT person_age_given_pair CHECK ((age_given IS NULL) = (age_given_on IS NULL));

ALTER TABLE referral_person
  ADD COLUMN relation text CHECK (relation IN ('parent', 'child', 'partner', 'other')),
  ADD COLUMN no_fixed_address text CHECK (no_fixed_address IN ('caravan', 'homeless', 'postal_address', 'other'));
