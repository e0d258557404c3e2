-- Name search that can use an index under row-level security (docs/performance.md, finding 2).
--
-- Under row-level security PostgreSQL evaluates a condition inside an index scan only when its functions are
-- LEAKPROOF. lower() and LIKE are not, so `lower(last_name) like 'haver%'` could not use person_last_name_idx and
-- every search by name read every person of the municipality (244 ms at `large`, growing with the municipality).
-- Comparisons of text (=, <, >=) are leakproof. So the words a name search matches are kept here — the first name,
-- the infix, the last name and every part of the last name after a space or a hyphen ("El Amrani-Bakker" gives
-- "el amrani-bakker", "amrani-bakker" and "bakker"), all lower case — and a search token t matches a word w when
-- t <= w < t || U+10FFFF, a range on the index. This is exactly what the search matched before (a word starting
-- with the token).
--
-- Kept by statement triggers (one insert per statement, not per row) that fire ALWAYS, also during a bulk load in
-- replica mode (the synthetic generator). The words go with their person (ON DELETE CASCADE; the retention walk
-- follows the foreign key).
CREATE FUNCTION person_name_words(first_name text, infix text, last_name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(DISTINCT w), '{}')
    FROM unnest(
      ARRAY[lower(first_name), lower(infix), lower(last_name)]
      || ARRAY(SELECT substr(lower(last_name), i + 1)
               FROM generate_series(1, length(last_name)) AS i
               WHERE substr(last_name, i, 1) IN (' ', '-'))
    ) AS w
    WHERE w IS NOT NULL AND w <> ''
  $$;

CREATE TABLE person_name_word (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  word text COLLATE "C" NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  PRIMARY KEY (tenant_id, word, person_id)
);
CREATE INDEX person_name_word_person_idx ON person_name_word (person_id);

GRANT SELECT, INSERT, DELETE ON person_name_word TO nabij_app;
ALTER TABLE person_name_word ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_name_word_tenant ON person_name_word USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

CREATE FUNCTION person_name_words_insert() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO person_name_word (tenant_id, word, person_id)
    SELECT n.tenant_id, w, n.id FROM new_rows n, unnest(person_name_words(n.first_name, n.infix, n.last_name)) AS w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE FUNCTION person_name_words_update() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM person_name_word p USING new_rows n, old_rows o
    WHERE n.id = o.id AND p.person_id = n.id
      AND (n.first_name, n.infix, n.last_name) IS DISTINCT FROM (o.first_name, o.infix, o.last_name);
  INSERT INTO person_name_word (tenant_id, word, person_id)
    SELECT n.tenant_id, w, n.id FROM new_rows n JOIN old_rows o ON o.id = n.id, unnest(person_name_words(n.first_name, n.infix, n.last_name)) AS w
    WHERE (n.first_name, n.infix, n.last_name) IS DISTINCT FROM (o.first_name, o.infix, o.last_name)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER person_name_words_insert AFTER INSERT ON person REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_insert();
CREATE TRIGGER person_name_words_update AFTER UPDATE ON person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_update();
ALTER TABLE person ENABLE ALWAYS TRIGGER person_name_words_insert;
ALTER TABLE person ENABLE ALWAYS TRIGGER person_name_words_update;

INSERT INTO person_name_word (tenant_id, word, person_id)
  SELECT p.tenant_id, w, p.id FROM person p, unnest(person_name_words(p.first_name, p.infix, p.last_name)) AS w
  ON CONFLICT DO NOTHING;
ANALYZE person_name_word;
