package com.bazaar.payment;

import com.bazaar.payment.provider.RazorpayProvider;
import com.bazaar.payment.provider.RazorpaySettings;
import com.bazaar.payment.provider.SandboxProvider;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The {@code payment} section of the configuration. The sandbox delivers its webhooks to {@code sandbox.webhookUrl},
 * or, when that is empty, to this process's own gateway. Razorpay needs its key id, key secret and webhook secret.
 */
record PaymentSettings(String provider, RazorpaySettings razorpay, String sandboxWebhookSecret, String sandboxWebhookUrl,
                       boolean sandboxCompletionAllowed, long refundIntervalMs, long reconcileIntervalMs,
                       int reconcileAfterSec) {
  private static final Set<String> SANDBOX_PROFILES = Set.of("dev", "bench");

  static PaymentSettings from(JsonObject config, String profile) {
    JsonObject payment = config.getJsonObject("payment");
    JsonObject sandbox = payment.getJsonObject("sandbox");
    String url = sandbox.getString("webhookUrl");
    if (url.isBlank()) {
      url = "http://127.0.0.1:" + config.getJsonObject("http").getInteger("port") + "/api/v1/payments/webhook";
    }
    String provider = payment.getString("provider");
    RazorpaySettings razorpay = RazorpaySettings.from(payment.getJsonObject("razorpay"));
    if (provider.equals(RazorpayProvider.NAME)) {
      if (razorpay.keyId().isBlank() || razorpay.keySecret().isBlank() || razorpay.webhookSecret().isBlank()) {
        throw new IllegalArgumentException("payment.provider is razorpay: set BAZAAR_PAYMENT_RAZORPAY_KEY_ID, "
          + "BAZAAR_PAYMENT_RAZORPAY_KEY_SECRET and BAZAAR_PAYMENT_RAZORPAY_WEBHOOK_SECRET");
      }
    } else if (!provider.equals(SandboxProvider.NAME)) {
      throw new IllegalArgumentException("payment.provider must be sandbox or razorpay, not \"" + provider + "\"");
    }
    return new PaymentSettings(provider, razorpay, sandbox.getString("webhookSecret"), url,
      provider.equals(SandboxProvider.NAME) && SANDBOX_PROFILES.contains(profile),
      payment.getLong("refundIntervalMs"), payment.getLong("reconcileIntervalMs"), payment.getInteger("reconcileAfterSec"));
  }
}
