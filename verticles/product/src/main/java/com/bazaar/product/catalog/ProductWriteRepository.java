package com.bazaar.product.catalog;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Write SQL for products. Each child table is written with one multi-row statement (arrays and
 * {@code unnest}), so creating a product costs the same number of statements whatever its size.
 */
final class ProductWriteRepository {
  private static final String INSERT_PRODUCT = "INSERT INTO products (name, slug, sku, description, category_id, is_active, "
    + "currency) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
  private static final String INSERT_OPTIONS = "INSERT INTO variant_options (product_id, name, position) "
    + "SELECT $1, n, (o - 1)::smallint FROM unnest($2::text[]) WITH ORDINALITY AS t(n, o) RETURNING id, name";
  private static final String INSERT_VALUES = "INSERT INTO variant_option_values (option_id, value, position) "
    + "SELECT * FROM unnest($1::uuid[], $2::text[], $3::smallint[]) RETURNING id, option_id, value";
  private static final String INSERT_VARIANTS = "INSERT INTO product_variants (product_id, sku, price, currency, stock, "
    + "combination_key, position) SELECT $1, s, p, $2, st, k, "
    + "(SELECT COALESCE(max(position) + 1, 0) FROM product_variants WHERE product_id = $1) + o - 1 "
    + "FROM unnest($3::text[], $4::bigint[], $5::int[], $6::text[]) WITH ORDINALITY AS t(s, p, st, k, o) "
    + "RETURNING id, combination_key";
  private static final String INSERT_LINKS = "INSERT INTO variant_option_links (variant_id, option_value_id) "
    + "SELECT * FROM unnest($1::uuid[], $2::uuid[])";
  private static final String INSERT_IMAGES = "INSERT INTO product_images (product_id, url, alt, position, is_primary) "
    + "SELECT $1, u, a, p, pr FROM unnest($2::text[], $3::text[], $4::smallint[], $5::bool[]) AS t(u, a, p, pr)";
  private static final String UPDATE_PRODUCT = "UPDATE products SET name = COALESCE($3, name), slug = COALESCE($4, slug), "
    + "sku = CASE WHEN $5 THEN $6 ELSE sku END, description = CASE WHEN $7 THEN $8 ELSE description END, "
    + "category_id = CASE WHEN $9 THEN $10 ELSE category_id END, is_active = COALESCE($11, is_active), "
    + "version = version + 1, updated_at = now() WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING id";
  private static final String SLUG_FOR_UPDATE = "SELECT slug, version FROM products WHERE id = $1 FOR UPDATE";
  private static final String DELETE_PRODUCT = "DELETE FROM products WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING slug";
  private static final String BUMP_VERSION = "UPDATE products SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING slug";
  private static final String OPTIONS_OF = "SELECT o.name, ov.id AS value_id, ov.value FROM variant_options o "
    + "JOIN variant_option_values ov ON ov.option_id = o.id WHERE o.product_id = $1 ORDER BY o.position, ov.position";
  private static final String UPDATE_VARIANT = "UPDATE product_variants SET price = COALESCE($2, price), "
    + "stock = stock + COALESCE($3, 0), is_active = COALESCE($4, is_active), updated_at = now() WHERE id = $1 "
    + "RETURNING product_id";
  private static final String VARIANT = "SELECT v.id, v.sku, v.price, v.currency, v.stock, v.is_active, "
    + "(SELECT COALESCE(json_object_agg(o.name, ov.value), '{}') FROM variant_option_links l "
    + "JOIN variant_option_values ov ON ov.id = l.option_value_id JOIN variant_options o ON o.id = ov.option_id "
    + "WHERE l.variant_id = v.id) AS option_values FROM product_variants v WHERE v.id = $1";

  record SlugVersion(String slug, int version) {
  }


  Future<UUID> insertProduct(SqlClient tx, ProductDraft draft) {
    return tx.preparedQuery(INSERT_PRODUCT).execute(Tuple.of(draft.name(), draft.slug(), draft.sku(), draft.description(),
      draft.categoryId(), draft.active(), draft.currency())).map(rows -> rows.iterator().next().getUUID("id"));
  }

  /** Inserts the options and their values; returns the value ids by option name and value. */
  Future<Map<String, UUID>> insertOptions(SqlClient tx, UUID productId, List<ProductDraft.OptionDraft> options) {
    if (options.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    String[] names = options.stream().map(ProductDraft.OptionDraft::name).toArray(String[]::new);
    return tx.preparedQuery(INSERT_OPTIONS).execute(Tuple.of(productId, (Object) names)).compose(rows -> {
      Map<String, UUID> optionIds = new HashMap<>();
      rows.forEach(row -> optionIds.put(row.getString("name"), row.getUUID("id")));
      List<UUID> optionColumn = new ArrayList<>();
      List<String> valueColumn = new ArrayList<>();
      List<Short> positionColumn = new ArrayList<>();
      for (ProductDraft.OptionDraft option : options) {
        for (int i = 0; i < option.values().size(); i++) {
          optionColumn.add(optionIds.get(option.name()));
          valueColumn.add(option.values().get(i));
          positionColumn.add((short) i);
        }
      }
      return tx.preparedQuery(INSERT_VALUES).execute(Tuple.of(optionColumn.toArray(UUID[]::new),
          valueColumn.toArray(String[]::new), positionColumn.toArray(Short[]::new)))
        .map(values -> {
          Map<UUID, String> optionNames = new HashMap<>();
          optionIds.forEach((name, id) -> optionNames.put(id, name));
          Map<String, UUID> valueIds = new HashMap<>();
          values.forEach(row -> valueIds.put(valueKey(optionNames.get(row.getUUID("option_id")), row.getString("value")),
            row.getUUID("id")));
          return valueIds;
        });
    });
  }

  /** Inserts variants and their option links; returns the new variant ids in draft order. */
  Future<List<UUID>> insertVariants(SqlClient tx, UUID productId, String currency, List<ProductDraft.VariantDraft> variants,
                                    Map<String, UUID> valueIds) {
    if (variants.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Tuple params = Tuple.of(productId, currency,
      variants.stream().map(ProductDraft.VariantDraft::sku).toArray(String[]::new),
      variants.stream().map(ProductDraft.VariantDraft::price).toArray(Long[]::new),
      variants.stream().map(ProductDraft.VariantDraft::stock).toArray(Integer[]::new),
      variants.stream().map(ProductDraft.VariantDraft::combinationKey).toArray(String[]::new));
    return tx.preparedQuery(INSERT_VARIANTS).execute(params).compose(rows -> {
      Map<String, UUID> byKey = new HashMap<>();
      rows.forEach(row -> byKey.put(row.getString("combination_key"), row.getUUID("id")));
      List<UUID> ids = variants.stream().map(v -> byKey.get(v.combinationKey())).toList();
      List<UUID> variantColumn = new ArrayList<>();
      List<UUID> valueColumn = new ArrayList<>();
      for (int i = 0; i < variants.size(); i++) {
        for (Map.Entry<String, String> choice : variants.get(i).optionValues().entrySet()) {
          variantColumn.add(ids.get(i));
          valueColumn.add(valueIds.get(valueKey(choice.getKey(), choice.getValue())));
        }
      }
      if (variantColumn.isEmpty()) {
        return Future.succeededFuture(ids);
      }
      return tx.preparedQuery(INSERT_LINKS).execute(Tuple.of(variantColumn.toArray(UUID[]::new),
        (Object) valueColumn.toArray(UUID[]::new))).map(ids);
    });
  }

  Future<Void> insertImages(SqlClient tx, UUID productId, List<ProductDraft.ImageDraft> images) {
    if (images.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(INSERT_IMAGES).execute(Tuple.of(productId,
      images.stream().map(ProductDraft.ImageDraft::url).toArray(String[]::new),
      images.stream().map(ProductDraft.ImageDraft::alt).toArray(String[]::new),
      images.stream().map(i -> (short) i.position()).toArray(Short[]::new),
      images.stream().map(ProductDraft.ImageDraft::primary).toArray(Boolean[]::new))).mapEmpty();
  }

  Future<Optional<SlugVersion>> lock(SqlClient tx, UUID productId) {
    return tx.preparedQuery(SLUG_FOR_UPDATE).execute(Tuple.of(productId)).map(rows -> rows.size() == 0
      ? Optional.empty()
      : Optional.of(new SlugVersion(rows.iterator().next().getString("slug"), rows.iterator().next().getInteger("version"))));
  }

  Future<Boolean> update(SqlClient tx, UUID productId, Integer expectedVersion, ProductPatch patch) {
    Tuple params = Tuple.of(productId, expectedVersion, patch.name(), patch.slug(), patch.sku().present(),
      patch.sku().value(), patch.description().present(), patch.description().value(), patch.categoryId().present(),
      patch.categoryId().value(), patch.active());
    return tx.preparedQuery(UPDATE_PRODUCT).execute(params).map(rows -> rows.rowCount() > 0);
  }

  Future<Optional<String>> delete(SqlClient client, UUID productId, Integer expectedVersion) {
    return client.preparedQuery(DELETE_PRODUCT).execute(Tuple.of(productId, expectedVersion))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("slug")));
  }

  Future<String> bumpVersion(SqlClient tx, UUID productId) {
    return tx.preparedQuery(BUMP_VERSION).execute(Tuple.of(productId)).map(rows -> rows.iterator().next().getString("slug"));
  }

  /** The product's options as drafts, to check a new variant against. */
  Future<List<ProductDraft.OptionDraft>> options(SqlClient tx, UUID productId, Map<String, UUID> valueIds) {
    return tx.preparedQuery(OPTIONS_OF).execute(Tuple.of(productId)).map(rows -> {
      Map<String, List<String>> values = new java.util.LinkedHashMap<>();
      for (Row row : rows) {
        values.computeIfAbsent(row.getString("name"), n -> new ArrayList<>()).add(row.getString("value"));
        valueIds.put(valueKey(row.getString("name"), row.getString("value")), row.getUUID("value_id"));
      }
      return values.entrySet().stream().map(e -> new ProductDraft.OptionDraft(e.getKey(), e.getValue())).toList();
    });
  }

  Future<Optional<UUID>> updateVariant(SqlClient tx, UUID variantId, VariantPatch patch) {
    return tx.preparedQuery(UPDATE_VARIANT).execute(Tuple.of(variantId, patch.price(), patch.stockDelta(), patch.active())).map(rows -> rows.size() == 0 ? Optional.empty()
      : Optional.of(rows.iterator().next().getUUID("product_id")));
  }

  Future<JsonObject> variant(SqlClient client, UUID variantId) {
    return client.preparedQuery(VARIANT).execute(Tuple.of(variantId)).map(rows -> {
      Row row = rows.iterator().next();
      return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("sku", row.getString("sku"))
        .put("price", row.getLong("price"))
        .put("currency", row.getString("currency"))
        .put("stock", row.getInteger("stock"))
        .put("isActive", row.getBoolean("is_active"))
        .put("optionValues", row.getValue("option_values"));
    });
  }

  private static String valueKey(String option, String value) {
    return option + "\u001f" + value;
  }
}
