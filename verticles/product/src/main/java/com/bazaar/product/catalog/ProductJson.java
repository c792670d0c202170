package com.bazaar.product.catalog;

import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.List;
import java.util.Set;

/** Product rows as API JSON. */
final class ProductJson {
  /** The top-level fields of a list item, which {@code fields=} may select from. */
  static final List<String> ITEM_FIELDS = List.of("id", "name", "slug", "sku", "category", "minPrice", "maxPrice",
    "currency", "totalStock", "primaryImage", "createdAt", "updatedAt");

  private ProductJson() {
  }

  static JsonObject item(Row row, Set<String> fields) {
    JsonObject item = new JsonObject();
    for (String field : fields) {
      switch (field) {
        case "id" -> item.put("id", row.getUUID("id").toString());
        case "name" -> item.put("name", row.getString("name"));
        case "slug" -> item.put("slug", row.getString("slug"));
        case "sku" -> item.put("sku", row.getString("sku"));
        case "category" -> item.put("category", category(row));
        case "minPrice" -> item.put("minPrice", row.getLong("min_price"));
        case "maxPrice" -> item.put("maxPrice", row.getLong("max_price"));
        case "currency" -> item.put("currency", row.getString("currency"));
        case "totalStock" -> item.put("totalStock", row.getLong("total_stock"));
        case "primaryImage" -> item.put("primaryImage", row.getString("image_url") == null ? null
          : new JsonObject().put("url", row.getString("image_url")).put("alt", row.getString("image_alt")));
        case "createdAt" -> item.put("createdAt", IsoTime.format(row.getOffsetDateTime("created_at")));
        case "updatedAt" -> item.put("updatedAt", IsoTime.format(row.getOffsetDateTime("updated_at")));
        default -> throw new IllegalArgumentException(field);
      }
    }
    return item;
  }

  static JsonObject detail(Row row) {
    return new JsonObject()
      .put("id", row.getUUID("id").toString())
      .put("name", row.getString("name"))
      .put("slug", row.getString("slug"))
      .put("sku", row.getString("sku"))
      .put("description", row.getString("description"))
      .put("category", row.getValue("category"))
      .put("isActive", row.getBoolean("is_active"))
      .put("currency", row.getString("currency"))
      .put("minPrice", row.getLong("min_price"))
      .put("maxPrice", row.getLong("max_price"))
      .put("version", row.getInteger("version"))
      .put("options", jsonArray(row.getValue("options")))
      .put("variants", jsonArray(row.getValue("variants")))
      .put("images", jsonArray(row.getValue("images")))
      .put("createdAt", IsoTime.format(row.getOffsetDateTime("created_at")))
      .put("updatedAt", IsoTime.format(row.getOffsetDateTime("updated_at")));
  }

  private static JsonObject category(Row row) {
    return row.getUUID("category_id") == null ? null : new JsonObject()
      .put("id", row.getUUID("category_id").toString())
      .put("name", row.getString("category_name"))
      .put("slug", row.getString("category_slug"));
  }

  private static JsonArray jsonArray(Object value) {
    return value instanceof JsonArray array ? array : new JsonArray();
  }
}
