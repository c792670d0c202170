package com.bazaar.payment;

import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The {@code payment} section of the configuration. The sandbox delivers its webhooks to {@code sandbox.webhookUrl},
 * or, when that is empty, to this process's own gateway.
 */
record PaymentSettings(String provider, String sandboxWebhookSecret, String sandboxWebhookUrl,
                       boolean sandboxCompletionAllowed, long refundIntervalMs) {
  private static final Set<String> SANDBOX_PROFILES = Set.of("dev", "bench");

  static PaymentSettings from(JsonObject config, String profile) {
    JsonObject payment = config.getJsonObject("payment");
    JsonObject sandbox = payment.getJsonObject("sandbox");
    String url = sandbox.getString("webhookUrl");
    if (url.isBlank()) {
      url = "http://127.0.0.1:" + config.getJsonObject("http").getInteger("port") + "/api/v1/payments/webhook";
    }
    String provider = payment.getString("provider");
    if (!provider.equals("sandbox")) {
      throw new IllegalArgumentException("payment.provider: only \"sandbox\" is built yet, not \"" + provider + "\"");
    }
    return new PaymentSettings(provider, sandbox.getString("webhookSecret"), url, SANDBOX_PROFILES.contains(profile),
      payment.getLong("refundIntervalMs"));
  }
}
