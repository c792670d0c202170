package com.bazaar.product.catalog;

import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/** A variant as a request gives it, before it is checked against its product's options. */
public record VariantInput(String sku, long price, String currency, int stock, Map<String, String> optionValues) {

  public static VariantInput fromJson(JsonObject raw) {
    Map<String, String> values = new LinkedHashMap<>();
    raw.getJsonObject("optionValues", new JsonObject()).forEach(e -> values.put(e.getKey(), String.valueOf(e.getValue())));
    return new VariantInput(raw.getString("sku"), raw.getLong("price"), raw.getString("currency"),
      raw.getInteger("stock"), values);
  }
}
