package com.bazaar.bench.seed;

import java.util.List;

/**
 * The seed as set-based SQL. Ids are md5 hashes of the seed and a row number, and every "random" value is a hash
 * of the same, so the data is a pure function of the flags. The price-range trigger is off during the bulk load
 * and the ranges are set in one statement at the end. Child rows are inserted in product order so that, as when the
 * API creates a product in one transaction, a product's variants and images share heap pages.
 */
final class SeedSql {
  static final String USERS = """
    WITH c AS (INSERT INTO auth.users (id, email, password_hash, first_name)
                 SELECT md5('customer:' || i)::uuid, 'customer' || i || '@bench.bazaar', ?, 'Customer ' || i
                   FROM generate_series(1, ?) i RETURNING id),
         r AS (INSERT INTO auth.users (id, email, password_hash, first_name)
                 SELECT md5('reseller:' || i)::uuid, 'reseller' || i || '@bench.bazaar', ?, 'Reseller ' || i
                   FROM generate_series(1, ?) i RETURNING id),
         cr AS (INSERT INTO auth.user_roles (user_id, role) SELECT id, 'CUSTOMER' FROM c)
    INSERT INTO auth.user_roles (user_id, role) SELECT id, 'RESELLER' FROM r""";

  private SeedSql() {
  }

  static List<String> statements(SeedOptions o) {
    String s = "'" + o.seed() + ":";
    String product = "md5(" + s + "product:' || i)::uuid";
    String colours = "(ARRAY['Red','Blue','Green','Black'])";
    String sizes = "(ARRAY['S','M','L','XL'])";
    int n = o.products();
    int k = o.variantsPerProduct();
    int c = o.categories();
    return List.of(
      "TRUNCATE product.categories, product.products CASCADE",
      "TRUNCATE pricing.product_pricing",
      "DELETE FROM auth.users WHERE email LIKE '%@bench.bazaar'",
      "ALTER TABLE product.product_variants DISABLE TRIGGER product_variants_price_range",
      "INSERT INTO product.categories (id, name, slug) SELECT md5(" + s + "category:' || i)::uuid, 'Category ' || i, "
        + "'category-' || i FROM generate_series(1, " + c + ") i",
      "INSERT INTO product.products (id, name, slug, sku, description, category_id, is_active, currency, created_at, updated_at) "
        + "SELECT " + product + ", "
        + "(ARRAY['Classic','Modern','Linen','Cotton','Silk','Denim','Woven','Printed','Embroidered','Vintage'])"
        + "[1 + abs(hashtext(" + s + "adj:' || i)) % 10] || ' ' || "
        + "(ARRAY['Shirt','Kurta','Saree','Dress','Jacket','Scarf','Bag','Sneaker','Sandal','Watch'])"
        + "[1 + abs(hashtext(" + s + "noun:' || i)) % 10] || ' ' || i, "
        + "'p-' || i, 'SKU-' || i, 'Seeded product ' || i, md5(" + s + "category:' || (1 + i % " + c + "))::uuid, true, 'INR', "
        + "timestamptz '2026-01-01' + i * interval '1 minute', timestamptz '2026-01-01' + i * interval '1 minute' "
        + "FROM generate_series(1, " + n + ") i",
      "INSERT INTO product.variant_options (id, product_id, name, position) "
        + "SELECT md5(" + s + "opt:' || i || ':' || o)::uuid, " + product + ", (ARRAY['Color','Size'])[o], o - 1 "
        + "FROM generate_series(1, " + n + ") i, generate_series(1, 2) o ORDER BY i, o",
      "INSERT INTO product.variant_option_values (id, option_id, value, position) "
        + "SELECT md5(" + s + "val:' || i || ':' || o || ':' || v)::uuid, md5(" + s + "opt:' || i || ':' || o)::uuid, "
        + "CASE o WHEN 1 THEN " + colours + "[v] ELSE " + sizes + "[v] END, v - 1 "
        + "FROM generate_series(1, " + n + ") i, generate_series(1, 2) o, generate_series(1, 4) v ORDER BY i, o, v",
      "INSERT INTO product.product_variants (id, product_id, sku, price, currency, stock, is_active, combination_key, position) "
        + "SELECT md5(" + s + "var:' || i || ':' || k)::uuid, " + product + ", 'SKU-' || i || '-' || k, "
        + "10000 + abs(hashtext(" + s + "price:' || i)) % 490000 + (k - 1) * 5000, 'INR', 1000, true, "
        + colours + "[(k - 1) / 4 + 1] || chr(31) || " + sizes + "[(k - 1) % 4 + 1], k - 1 "
        + "FROM generate_series(1, " + n + ") i, generate_series(1, " + k + ") k ORDER BY i, k",
      "INSERT INTO product.variant_option_links (variant_id, option_value_id) "
        + "SELECT md5(" + s + "var:' || i || ':' || k)::uuid, md5(" + s + "val:' || i || ':' || o || ':' || "
        + "CASE o WHEN 1 THEN (k - 1) / 4 + 1 ELSE (k - 1) % 4 + 1 END)::uuid "
        + "FROM generate_series(1, " + n + ") i, generate_series(1, " + k + ") k, generate_series(1, 2) o ORDER BY i, k, o",
      "INSERT INTO product.product_images (product_id, url, alt, position, is_primary) "
        + "SELECT " + product + ", 'https://img.bazaar.test/p-' || i || '-' || m || '.jpg', 'Product ' || i, m - 1, m = 1 "
        + "FROM generate_series(1, " + n + ") i, generate_series(1, 2) m ORDER BY i, m",
      "UPDATE product.products p SET min_price = r.lo, max_price = r.hi FROM (SELECT product_id, min(price) AS lo, "
        + "max(price) AS hi FROM product.product_variants WHERE is_active GROUP BY product_id) r WHERE p.id = r.product_id",
      "ALTER TABLE product.product_variants ENABLE TRIGGER product_variants_price_range",
      "INSERT INTO pricing.product_pricing (product_id, base_price, reseller_price, currency, commission_rate_bps, "
        + "min_margin_bps) SELECT id, min_price, min_price + min_price / 4, 'INR', "
        + "500 + abs(hashtext(" + s + "commission:' || id)) % 1000, 1000 FROM product.products",
      "TRUNCATE sharelink.share_links CASCADE",
      // One link per product (up to 10,000), at a 20% margin. Links 1 (1M clicks) and 2 (none) belong to reseller 1,
      // for the stats scenarios; the minute roll-ups of link 1 hold its million clicks, which stats never read, and
      // every other link has 30 days of daily roll-ups, as a live table would.
      "INSERT INTO sharelink.share_links (id, code, reseller_id, product_id, seller_price, currency) "
        + "SELECT md5(" + s + "link:' || i)::uuid, 'L' || lpad(i::text, 9, '0'), "
        + "md5('reseller:' || CASE WHEN i <= 2 THEN 1 ELSE 1 + i % " + o.resellers() + " END)::uuid, p.id, "
        + "p.min_price + p.min_price / 5, 'INR' FROM generate_series(1, " + Math.min(n, 10_000) + ") i "
        + "JOIN product.products p ON p.id = " + product,
      "INSERT INTO sharelink.link_clicks_minute (link_id, minute, clicks) SELECT md5(" + s + "link:1')::uuid, "
        + "date_trunc('minute', now()) - m * interval '1 minute', 23 + (m < 6400)::int FROM generate_series(0, 43199) m",
      "INSERT INTO sharelink.link_clicks_daily (link_id, day, clicks) SELECT link_id, (minute AT TIME ZONE 'UTC')::date, "
        + "sum(clicks) FROM sharelink.link_clicks_minute GROUP BY 1, 2",
      "INSERT INTO sharelink.link_clicks_daily (link_id, day, clicks) SELECT l.id, current_date - d, 1 + (d % 7) "
        + "FROM sharelink.share_links l, generate_series(0, 29) d WHERE l.code > 'L000000002'",
      "UPDATE sharelink.share_links SET clicks = 1000000 WHERE code = 'L000000001'");
  }
}
