package com.bazaar.pricing.api;

import com.bazaar.platform.json.JsonArrays;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A priced cart: its lines, and the totals in one currency. */
public record CartQuote(List<QuotedLine> items, long totalAmount, long totalCommission, String currency) {

  public JsonObject toJson() {
    return new JsonObject().put("items", JsonArrays.of(items, QuotedLine::toJson)).put("summary", new JsonObject()
      .put("totalAmount", totalAmount)
      .put("totalCommission", totalCommission)
      .put("netAmount", totalAmount - totalCommission)
      .put("currency", currency)
      .put("itemCount", items.size()));
  }

  public static CartQuote fromJson(JsonObject json) {
    List<QuotedLine> lines = JsonArrays.decode(json.getJsonArray("items"), QuotedLine::fromJson);
    JsonObject summary = json.getJsonObject("summary");
    return new CartQuote(lines, summary.getLong("totalAmount"), summary.getLong("totalCommission"),
      summary.getString("currency"));
  }
}
