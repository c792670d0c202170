-- A product in an inactive category is hidden from public reads, like an inactive product. Whether its category
-- is active is kept on the product row by triggers, so the listed predicate stays on one table and its indexes.
ALTER TABLE products ADD COLUMN category_active boolean NOT NULL DEFAULT true;

-- SET search_path FROM CURRENT: the functions find their tables whatever the search path of the session that writes.
CREATE FUNCTION products_category_active() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  NEW.category_active := COALESCE((SELECT c.is_active FROM categories c WHERE c.id = NEW.category_id), true);
  RETURN NEW;
END $$;
CREATE TRIGGER products_category_active BEFORE INSERT OR UPDATE OF category_id ON products
  FOR EACH ROW EXECUTE FUNCTION products_category_active();

CREATE FUNCTION categories_active_to_products() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE products SET category_active = NEW.is_active WHERE category_id = NEW.id AND category_active <> NEW.is_active;
  RETURN NULL;
END $$;
CREATE TRIGGER categories_active_to_products AFTER UPDATE OF is_active ON categories
  FOR EACH ROW WHEN (OLD.is_active IS DISTINCT FROM NEW.is_active) EXECUTE FUNCTION categories_active_to_products();

UPDATE products p SET category_active = c.is_active FROM categories c WHERE c.id = p.category_id AND NOT c.is_active;

-- The listed predicate gains category_active; the list indexes follow it.
DROP INDEX products_listed_newest_idx, products_listed_category_newest_idx, products_listed_price_idx,
  products_listed_category_price_idx, products_listed_name_idx, products_listed_category_name_idx;
CREATE INDEX products_listed_newest_idx ON products (created_at DESC, id DESC)
  WHERE is_active AND category_active AND min_price IS NOT NULL;
CREATE INDEX products_listed_category_newest_idx ON products (category_id, created_at DESC, id DESC)
  WHERE is_active AND category_active AND min_price IS NOT NULL;
CREATE INDEX products_listed_price_idx ON products (min_price, id)
  WHERE is_active AND category_active AND min_price IS NOT NULL;
CREATE INDEX products_listed_category_price_idx ON products (category_id, min_price, id)
  WHERE is_active AND category_active AND min_price IS NOT NULL;
CREATE INDEX products_listed_name_idx ON products (name, id)
  WHERE is_active AND category_active AND min_price IS NOT NULL;
CREATE INDEX products_listed_category_name_idx ON products (category_id, name, id)
  WHERE is_active AND category_active AND min_price IS NOT NULL;
