package com.bazaar.product.catalog;

import com.bazaar.platform.Ids;
import com.bazaar.platform.json.Settable;
import com.bazaar.product.Names;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** A product PATCH: null leaves a field as it is; sku, description and category may also be cleared. */
public record ProductPatch(String name, String slug, Settable<String> sku, Settable<String> description,
                           Settable<UUID> categoryId, Boolean active) {

  public static ProductPatch fromJson(JsonObject body) {
    String category = body.getString("categoryId");
    return new ProductPatch(Names.trimmed(body.getString("name")), body.getString("slug"), Settable.string(body, "sku"),
      Settable.string(body, "description"),
      body.containsKey("categoryId") ? new Settable<>(true, category == null ? null : Ids.parse(category, "categoryId"))
        : Settable.absent(),
      body.getBoolean("isActive"));
  }
}
