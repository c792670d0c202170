package com.bazaar.product.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One line of a stock reservation or release. */
public record StockLine(UUID variantId, int quantity) {

  public JsonObject toJson() {
    return new JsonObject().put("variantId", variantId.toString()).put("quantity", quantity);
  }

  public static StockLine fromJson(JsonObject json) {
    return new StockLine(UUID.fromString(json.getString("variantId")), json.getInteger("quantity"));
  }

  public static JsonObject request(List<StockLine> lines) {
    JsonArray array = new JsonArray();
    lines.forEach(l -> array.add(l.toJson()));
    return new JsonObject().put("lines", array);
  }

  public static List<StockLine> listFrom(JsonArray array) {
    List<StockLine> lines = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      lines.add(fromJson(array.getJsonObject(i)));
    }
    return lines;
  }
}
