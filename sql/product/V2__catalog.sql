CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE products (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  slug        text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  sku         text,
  description text,
  category_id uuid REFERENCES categories (id) ON DELETE SET NULL,
  is_active   boolean     NOT NULL DEFAULT true,
  currency    char(3)     NOT NULL,
  -- Lowest and highest price of the active variants, kept by a trigger, so lists sort and filter on an index.
  min_price   bigint,
  max_price   bigint,
  version     integer     NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX products_slug_key ON products (slug);
CREATE UNIQUE INDEX products_sku_key ON products (sku) WHERE sku IS NOT NULL;

-- A product is listed when it is active and has at least one active variant. One index per list sort,
-- and per sort within a category, all keyset-friendly (the sort key, then the id).
CREATE INDEX products_listed_newest_idx ON products (created_at DESC, id DESC) WHERE is_active AND min_price IS NOT NULL;
CREATE INDEX products_listed_category_newest_idx ON products (category_id, is_active, created_at DESC, id DESC)
  WHERE is_active AND min_price IS NOT NULL;
CREATE INDEX products_listed_price_idx ON products (min_price, id) WHERE is_active AND min_price IS NOT NULL;
CREATE INDEX products_listed_category_price_idx ON products (category_id, min_price, id)
  WHERE is_active AND min_price IS NOT NULL;
CREATE INDEX products_listed_name_idx ON products (name, id) WHERE is_active AND min_price IS NOT NULL;
CREATE INDEX products_listed_category_name_idx ON products (category_id, name, id) WHERE is_active AND min_price IS NOT NULL;
-- Name search (q) with ILIKE '%…%'.
CREATE INDEX products_name_trgm_idx ON products USING gin (name public.gin_trgm_ops);

CREATE TABLE variant_options (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id uuid     NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  name       text     NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  position   smallint NOT NULL,
  UNIQUE (product_id, name)
);

CREATE TABLE variant_option_values (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  option_id uuid     NOT NULL REFERENCES variant_options (id) ON DELETE CASCADE,
  value     text     NOT NULL CHECK (length(value) BETWEEN 1 AND 60),
  position  smallint NOT NULL,
  UNIQUE (option_id, value)
);

CREATE TABLE product_variants (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id      uuid        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  sku             text,
  price           bigint      NOT NULL CHECK (price >= 0),
  currency        char(3)     NOT NULL,
  stock           integer     NOT NULL CHECK (stock >= 0),
  is_active       boolean     NOT NULL DEFAULT true,
  -- The sorted option value ids, so that a combination appears once per product.
  combination_key text        NOT NULL,
  position        smallint    NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (product_id, combination_key)
);
CREATE INDEX product_variants_product_idx ON product_variants (product_id);
CREATE UNIQUE INDEX product_variants_sku_key ON product_variants (sku) WHERE sku IS NOT NULL;

CREATE TABLE variant_option_links (
  variant_id      uuid NOT NULL REFERENCES product_variants (id) ON DELETE CASCADE,
  option_value_id uuid NOT NULL REFERENCES variant_option_values (id) ON DELETE CASCADE,
  PRIMARY KEY (variant_id, option_value_id)
);

CREATE TABLE product_images (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id uuid     NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  url        text     NOT NULL,
  alt        text,
  position   smallint NOT NULL DEFAULT 0,
  is_primary boolean  NOT NULL DEFAULT false
);
CREATE INDEX product_images_product_idx ON product_images (product_id, is_primary DESC, position);
CREATE UNIQUE INDEX product_images_one_primary ON product_images (product_id) WHERE is_primary;

-- Keeps products.min_price / max_price equal to the range of the product's active variant prices.
CREATE FUNCTION refresh_product_price_range() RETURNS trigger AS $$
DECLARE
  affected uuid;
BEGIN
  affected := CASE WHEN TG_OP = 'DELETE' THEN OLD.product_id ELSE NEW.product_id END;
  UPDATE products p SET min_price = r.lo, max_price = r.hi
    FROM (SELECT min(price) AS lo, max(price) AS hi FROM product_variants
          WHERE product_id = affected AND is_active) r
   WHERE p.id = affected AND (p.min_price IS DISTINCT FROM r.lo OR p.max_price IS DISTINCT FROM r.hi);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER product_variants_price_range
  AFTER INSERT OR DELETE OR UPDATE OF price, is_active ON product_variants
  FOR EACH ROW EXECUTE FUNCTION refresh_product_price_range();
