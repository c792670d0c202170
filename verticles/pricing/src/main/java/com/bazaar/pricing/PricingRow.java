package com.bazaar.pricing;

import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.UUID;

/** A product's pricing: what it sells for directly, the suggested reseller price, commission and minimum margin. */
record PricingRow(UUID productId, long basePrice, long resellerPrice, String currency, int commissionRateBps,
                  Integer minMarginBps, int version, String updatedAt, boolean productActive) {

  static final String COLUMNS = "product_id, base_price, reseller_price, currency, commission_rate_bps, min_margin_bps, "
    + "version, updated_at, product_active";

  static PricingRow from(Row row) {
    return new PricingRow(row.getUUID("product_id"), row.getLong("base_price"), row.getLong("reseller_price"),
      row.getString("currency"), row.getInteger("commission_rate_bps"), row.getInteger("min_margin_bps"),
      row.getInteger("version"), IsoTime.format(row.getOffsetDateTime("updated_at")), row.getBoolean("product_active"));
  }

  JsonObject toJson() {
    return new JsonObject()
      .put("productId", productId.toString())
      .put("basePrice", basePrice)
      .put("resellerPrice", resellerPrice)
      .put("commissionRateBps", commissionRateBps)
      .put("minMarginBps", minMarginBps)
      .put("currency", currency)
      .put("version", version)
      .put("updatedAt", updatedAt);
  }

  /** The cached form: the public JSON and whether the product is still sold. */
  JsonObject toCacheJson() {
    return toJson().put("productActive", productActive);
  }

  static PricingRow fromCacheJson(JsonObject json) {
    return new PricingRow(UUID.fromString(json.getString("productId")), json.getLong("basePrice"),
      json.getLong("resellerPrice"), json.getString("currency"), json.getInteger("commissionRateBps"),
      json.getInteger("minMarginBps"), json.getInteger("version"), json.getString("updatedAt"),
      json.getBoolean("productActive", true));
  }
}
