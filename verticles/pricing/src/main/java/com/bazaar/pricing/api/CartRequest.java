package com.bazaar.pricing.api;

import com.bazaar.platform.Ids;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.json.JsonArrays;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** A cart to price: {@code {"items":[CartItem…]}}, 1 to {@value #MAX_ITEMS} lines. */
public record CartRequest(List<CartItem> items) {
  public static final int MAX_ITEMS = 100;

  public CartRequest {
    if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
      throw ApiError.badRequest("INVALID_ITEMS", "items must hold 1 to " + MAX_ITEMS + " lines", null);
    }
    items = List.copyOf(items);
  }

  public JsonObject toJson() {
    return new JsonObject().put("items", JsonArrays.of(items, CartItem::toJson));
  }

  public static CartRequest fromJson(JsonObject json) {
    JsonArray raw = json.getJsonArray("items", new JsonArray());
    List<CartItem> items = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      JsonObject item = raw.getJsonObject(i);
      items.add(new CartItem(Ids.parse(item.getString("productId"), "items[" + i + "].productId"),
        item.getInteger("quantity"), item.getLong("sellerPrice")));
    }
    return new CartRequest(items);
  }
}
