package com.bazaar.payment;

import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A payment's row. */
record Payment(UUID id, UUID orderId, UUID userId, String method, String provider, String providerOrderId,
               String providerPaymentId, String status, long amount, String currency, String requestHash,
               String failureReason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
  static final String COLUMNS = "id, order_id, user_id, method, provider, provider_order_id, provider_payment_id, "
    + "status, amount, currency, request_hash, failure_reason, created_at, updated_at";
  static final String CREATED = "CREATED";
  static final String SUCCEEDED = "SUCCEEDED";
  static final String FAILED = "FAILED";
  static final String MISMATCHED = "MISMATCHED";
  static final String REFUND_DUE = "REFUND_DUE";
  static final String REFUNDED = "REFUNDED";

  static Payment from(Row row) {
    return new Payment(row.getUUID("id"), row.getUUID("order_id"), row.getUUID("user_id"), row.getString("method"),
      row.getString("provider"), row.getString("provider_order_id"), row.getString("provider_payment_id"),
      row.getString("status"), row.getLong("amount"), row.getString("currency"), row.getString("request_hash"),
      row.getString("failure_reason"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
  }

  JsonObject toJson() {
    return new JsonObject()
      .put("id", id.toString())
      .put("orderId", orderId.toString())
      .put("method", method)
      .put("provider", provider)
      .put("providerOrderId", providerOrderId)
      .put("providerPaymentId", providerPaymentId)
      .put("status", status)
      .put("amount", amount)
      .put("currency", currency)
      .put("failureReason", failureReason)
      .put("createdAt", IsoTime.format(createdAt))
      .put("updatedAt", IsoTime.format(updatedAt));
  }
}
