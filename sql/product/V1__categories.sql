CREATE TABLE categories (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  slug        text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  description text,
  is_active   boolean     NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX categories_slug_key ON categories (slug);
CREATE UNIQUE INDEX categories_name_key ON categories (lower(name));
-- The public list: active categories by name, keyset on (name, id).
CREATE INDEX categories_active_name_idx ON categories (name, id) WHERE is_active;
