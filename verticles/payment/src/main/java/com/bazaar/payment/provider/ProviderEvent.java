package com.bazaar.payment.provider;

import io.vertx.core.json.JsonObject;

/**
 * A provider webhook, Razorpay's shape: {@code {"event":"payment.captured"|"payment.failed","payload":{"payment":
 * {"entity":{"id","order_id","amount","currency","status","error_description"}}}}}. Null when the body is not one.
 */
public record ProviderEvent(String type, String providerPaymentId, String providerOrderId, long amount,
                            String currency, String failure) {
  public static final String CAPTURED = "payment.captured";
  public static final String FAILED = "payment.failed";

  public static ProviderEvent parse(JsonObject body) {
    try {
      JsonObject entity = body.getJsonObject("payload").getJsonObject("payment").getJsonObject("entity");
      return new ProviderEvent(body.getString("event"), entity.getString("id"), entity.getString("order_id"),
        entity.getLong("amount"), entity.getString("currency"), entity.getString("error_description"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  public boolean captured() {
    return CAPTURED.equals(type);
  }

  public boolean failed() {
    return FAILED.equals(type);
  }
}
