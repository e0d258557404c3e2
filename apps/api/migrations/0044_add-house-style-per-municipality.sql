-- Each municipality its own house style (issue #21 item 5, ADR 0054): a small set of design tokens on top of the neutral
-- Nabij default theme, the name shown in the header and an optional logo. Colours are stored as #rrggbb (lower case)
-- and the font as a key of a safe list, so the stylesheet built from them never carries free text. The logo is a PNG
-- or JPEG of at most 200 kB (SVG is refused: it can carry script). One row per municipality; without a row the
-- default applies. Changes carry a version (409 on a stale write) and are written to the access log.
CREATE TABLE house_style (
  tenant_id uuid PRIMARY KEY REFERENCES tenant (id),
  display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 2 AND 100),
  primary_color text NOT NULL CHECK (primary_color ~ '^#[0-9a-f]{6}$'),
  primary_text_color text NOT NULL CHECK (primary_text_color ~ '^#[0-9a-f]{6}$'),
  link_color text NOT NULL CHECK (link_color ~ '^#[0-9a-f]{6}$'),
  focus_color text NOT NULL CHECK (focus_color ~ '^#[0-9a-f]{6}$'),
  font_family text NOT NULL CHECK (font_family IN ('system', 'arial', 'verdana', 'georgia')),
  logo bytea CHECK (octet_length(logo) BETWEEN 1 AND 204800),
  logo_content_type text CHECK (logo_content_type IN ('image/png', 'image/jpeg')),
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT house_style_logo_with_type_check CHECK ((logo IS NULL) = (logo_content_type IS NULL))
);

GRANT SELECT, INSERT, UPDATE ON house_style TO nabij_app;
ALTER TABLE house_style ENABLE ROW LEVEL SECURITY;
CREATE POLICY house_style_tenant ON house_style USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
