package com.bazaar.product.api;

import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.json.JsonArrays;
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

  public static JsonArray array(List<StockLine> lines) {
    return JsonArrays.of(lines, StockLine::toJson);
  }

  public static JsonObject request(List<StockLine> lines) {
    return new JsonObject().put("lines", array(lines));
  }

  /** Lines as a bus body carries them; a line without a UUID variantId or an integer quantity is a 400. */
  public static List<StockLine> listFrom(JsonArray array) {
    List<StockLine> lines = new ArrayList<>(array == null ? 0 : array.size());
    if (array == null) {
      return lines;
    }
    try {
      for (int i = 0; i < array.size(); i++) {
        lines.add(fromJson(array.getJsonObject(i)));
      }
    } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
      throw ApiError.badRequest("INVALID_LINES", "each line needs a variantId (UUID) and a quantity", null);
    }
    return lines;
  }
}
