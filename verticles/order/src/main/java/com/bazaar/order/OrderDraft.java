package com.bazaar.order;

import com.bazaar.platform.Digests;
import com.bazaar.platform.Ids;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A checkout as the customer asked for it: lines of variant and quantity (the contract bounds both), an optional
 * share-link code and the shipping address. A variant named on two lines is refused (422 {@code DUPLICATE_VARIANT}
 * naming both lines) rather than merged: a client that sends one twice has a bug worth seeing.
 */
record OrderDraft(List<Item> items, String shareLinkCode, JsonObject shippingAddress) {

  record Item(UUID variantId, int quantity) {
  }

  static OrderDraft fromJson(JsonObject body) {
    JsonArray raw = body.getJsonArray("items");
    List<Item> items = new ArrayList<>(raw.size());
    Map<UUID, Integer> seen = new HashMap<>();
    for (int line = 0; line < raw.size(); line++) {
      JsonObject item = raw.getJsonObject(line);
      UUID variantId = Ids.parse(item.getString("variantId"), "variantId");
      Integer first = seen.putIfAbsent(variantId, line);
      if (first != null) {
        throw ApiError.unprocessable("DUPLICATE_VARIANT", "A variant may appear on one line only; put the whole quantity "
          + "there", new JsonObject().put("line", line).put("firstLine", first).put("variantId", variantId.toString()));
      }
      items.add(new Item(variantId, item.getInteger("quantity")));
    }
    return new OrderDraft(List.copyOf(items), body.getString("shareLinkCode"), body.getJsonObject("shippingAddress"));
  }

  /** A digest of what was asked, independent of key order, to tell a replay from another request under one key. */
  String fingerprint() {
    JsonArray lines = new JsonArray();
    items.forEach(item -> lines.add(new JsonArray().add(item.variantId().toString()).add(item.quantity())));
    String canonical = new JsonArray().add(lines).add(shareLinkCode).add(canonical(shippingAddress)).encode();
    return Digests.sha256Hex(canonical);
  }

  private static Object canonical(Object value) {
    if (value instanceof JsonObject object) {
      Map<String, Object> sorted = new TreeMap<>();
      object.forEach(entry -> sorted.put(entry.getKey(), canonical(entry.getValue())));
      return new JsonObject(new java.util.LinkedHashMap<>(sorted));
    }
    if (value instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      array.forEach(element -> out.add(canonical(element)));
      return out;
    }
    return value;
  }
}
