package com.bazaar.payment.provider;

import io.vertx.core.json.JsonObject;

/** The {@code payment.razorpay} section of the configuration. */
public record RazorpaySettings(String baseUrl, String keyId, String keySecret, String webhookSecret, long timeoutMs,
                               int breakerMaxFailures, long breakerResetMs) {

  public static RazorpaySettings from(JsonObject razorpay) {
    return new RazorpaySettings(razorpay.getString("baseUrl"), razorpay.getString("keyId"),
      razorpay.getString("keySecret"), razorpay.getString("webhookSecret"), razorpay.getLong("timeoutMs"),
      razorpay.getInteger("breakerMaxFailures"), razorpay.getLong("breakerResetMs"));
  }
}
