package com.bazaar.sharelink;

import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A link as stored. */
record ShareLink(UUID id, String code, UUID resellerId, UUID productId, long sellerPrice, String currency,
                 OffsetDateTime expiresAt, boolean active, long clicks, int version, OffsetDateTime createdAt,
                 OffsetDateTime updatedAt) {

  static final String COLUMNS = "id, code, reseller_id, product_id, seller_price, currency, expires_at, is_active, "
    + "clicks, version, created_at, updated_at";

  static ShareLink from(Row row) {
    return new ShareLink(row.getUUID("id"), row.getString("code"), row.getUUID("reseller_id"),
      row.getUUID("product_id"), row.getLong("seller_price"), row.getString("currency"),
      row.getOffsetDateTime("expires_at"), row.getBoolean("is_active"), row.getLong("clicks"),
      row.getInteger("version"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
  }

  boolean expired() {
    return expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now());
  }

  /** The owner's view. */
  JsonObject toJson(String publicBaseUrl) {
    return new JsonObject()
      .put("id", id.toString())
      .put("code", code)
      .put("url", publicBaseUrl + code)
      .put("productId", productId.toString())
      .put("sellerPrice", sellerPrice)
      .put("currency", currency)
      .put("expiresAt", IsoTime.format(expiresAt))
      .put("isActive", active)
      .put("version", version)
      .put("createdAt", IsoTime.format(createdAt))
      .put("updatedAt", IsoTime.format(updatedAt));
  }

  /** The form kept in Redis for resolving. */
  JsonObject toCacheJson() {
    return new JsonObject()
      .put("id", id.toString()).put("code", code).put("resellerId", resellerId.toString())
      .put("productId", productId.toString()).put("sellerPrice", sellerPrice).put("currency", currency)
      .put("expiresAt", expiresAt == null ? null : expiresAt.toString()).put("isActive", active)
      .put("version", version).put("createdAt", createdAt.toString()).put("updatedAt", updatedAt.toString());
  }

  static ShareLink fromCacheJson(JsonObject json) {
    String expires = json.getString("expiresAt");
    return new ShareLink(UUID.fromString(json.getString("id")), json.getString("code"),
      UUID.fromString(json.getString("resellerId")), UUID.fromString(json.getString("productId")),
      json.getLong("sellerPrice"), json.getString("currency"), expires == null ? null : OffsetDateTime.parse(expires),
      json.getBoolean("isActive"), 0, json.getInteger("version"), OffsetDateTime.parse(json.getString("createdAt")),
      OffsetDateTime.parse(json.getString("updatedAt")));
  }
}
