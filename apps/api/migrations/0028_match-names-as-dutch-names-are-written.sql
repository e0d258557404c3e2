-- Finding persons the way Dutch names are written (ADR 0030, docs/intake.md "Personen vinden").
--
-- The name words of migration 0023 become search keys: lower case, without diacritics (unaccent: Çelik → celik,
-- Đặng → dang), "ij" written as "y" (Meijer and Meyer both → meyer), apostrophes and dots dropped ('t Hart → t hart).
-- Every single word of the first name, the infix ("van den" gives "van" and "den", so "van den Berg" is found) and
-- the last name is kept, with the last name's parts after a space or hyphen as before ("el amrani bakker",
-- "amrani bakker", "bakker") and the last name written together ("elamranibakker"; with the infix "vandenberg"),
-- so "El-Amrani", "El Amrani" and "Elamrani" find each other. A search token t still matches a key w with the
-- leakproof range t <= w < t || U+10FFFF on the primary key, so the index is used under row-level security.
--
-- Spelling mistakes ("Amrany") are found through trigram similarity (pg_trgm) of a token with the keys. The %
-- operator is not leakproof, so under row-level security a trigram index would never be used; the lookup runs in
-- a SECURITY DEFINER function that filters on the current tenant itself and returns only person ids of that
-- tenant (the caller then reads the persons through row-level security as always).
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The search key of a piece of a name. IMMUTABLE: the unaccent dictionary is named, and its rules do not change
-- while the keys are stored (a changed rules file needs a refill, as below).
CREATE FUNCTION name_key(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT btrim(regexp_replace(
      replace(translate(lower(unaccent('unaccent'::regdictionary, t)), '''’.', ''), 'ij', 'y'),
      '[[:space:],/‐‑–-]+', ' ', 'g'))
  $$;

CREATE OR REPLACE FUNCTION person_name_words(first_name text, infix text, last_name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    WITH k AS (SELECT name_key(first_name) AS f, name_key(infix) AS i, name_key(last_name) AS l)
    SELECT coalesce(array_agg(DISTINCT w), '{}')
    FROM k, unnest(
      ARRAY[k.f, k.i, k.l, replace(k.l, ' ', ''), replace(coalesce(k.i, '') || k.l, ' ', '')]
      || string_to_array(coalesce(k.f, ''), ' ')
      || string_to_array(coalesce(k.i, ''), ' ')
      || string_to_array(coalesce(k.l, ''), ' ')
      || ARRAY(SELECT substr(k.l, p + 1) FROM generate_series(1, length(k.l)) AS p WHERE substr(k.l, p, 1) = ' ')
    ) AS w
    WHERE w IS NOT NULL AND w <> ''
  $$;

-- Trigram similarity of a search token with the name keys of the current tenant (see above). At least 0.45 alike,
-- the 200 most alike persons.
CREATE INDEX person_name_word_trgm_idx ON person_name_word USING gin (word gin_trgm_ops);

CREATE FUNCTION similar_person_name_words(token text) RETURNS TABLE (person_id uuid, similarity real)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  SET pg_trgm.similarity_threshold = 0.45
  AS $$
    SELECT w.person_id, max(similarity(w.word, token))
    FROM person_name_word w
    WHERE w.tenant_id = current_tenant_id() AND w.word % token
    GROUP BY w.person_id
    ORDER BY 2 DESC, 1
    LIMIT 200
  $$;
REVOKE ALL ON FUNCTION similar_person_name_words(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION similar_person_name_words(text) TO nabij_app;

-- Refill with the new keys (the triggers of 0023 call person_name_words and keep them from here on).
DELETE FROM person_name_word;
INSERT INTO person_name_word (tenant_id, word, person_id)
  SELECT p.tenant_id, w, p.id FROM person p, unnest(person_name_words(p.first_name, p.infix, p.last_name)) AS w
  ON CONFLICT DO NOTHING;
ANALYZE person_name_word;
