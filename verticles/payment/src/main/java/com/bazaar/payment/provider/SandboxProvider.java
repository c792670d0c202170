package com.bazaar.payment.provider;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default provider: in-process, no account anywhere. Its orders are ids it makes up; paying one is driven by
 * {@link #complete}, which sends Bazaar's own webhook endpoint, over HTTP, the webhook Razorpay would send (same
 * payload shape, same {@code X-Razorpay-Signature} HMAC), signed with the sandbox's webhook secret. It remembers how
 * its orders ended (in this process), so that reconciliation can ask; a completion may drop its webhook, to show that.
 */
public final class SandboxProvider implements PaymentProvider {
  public static final String NAME = "sandbox";
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookSignature signature;
  private final WebClient http;
  private final String webhookUrl;
  private final Map<String, ProviderEvent> outcomes = new ConcurrentHashMap<>();

  public SandboxProvider(String webhookSecret, WebClient http, String webhookUrl) {
    this.signature = new WebhookSignature(webhookSecret);
    this.http = http;
    this.webhookUrl = webhookUrl;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> createOrder(long amount, String currency, String receipt) {
    return Future.succeededFuture("order_" + token(14));
  }

  @Override
  public Future<String> refund(String providerPaymentId, long amount, String receipt) {
    return Future.succeededFuture("rfnd_" + token(14));
  }

  @Override
  public Future<ProviderEvent> fetch(String providerOrderId) {
    return Future.succeededFuture(outcomes.get(providerOrderId));
  }

  @Override
  public WebhookSignature webhooks() {
    return signature;
  }

  /**
   * Pays ({@code succeed}) or fails the provider order, and sends its webhook unless {@code dropWebhook}; answers
   * the webhook's HTTP status (0 when dropped).
   */
  public Future<Integer> complete(String providerOrderId, long amount, String currency, boolean succeed,
                                  boolean dropWebhook) {
    JsonObject entity = new JsonObject()
      .put("id", "pay_" + token(14))
      .put("entity", "payment")
      .put("amount", amount)
      .put("currency", currency)
      .put("status", succeed ? "captured" : "failed")
      .put("order_id", providerOrderId)
      .put("method", "upi")
      .put("captured", succeed)
      .put("error_code", succeed ? null : "BAD_REQUEST_ERROR")
      .put("error_description", succeed ? null : "Payment was declined in the sandbox")
      .put("created_at", Instant.now().getEpochSecond());
    JsonObject event = new JsonObject()
      .put("entity", "event")
      .put("account_id", "acc_sandbox")
      .put("event", succeed ? ProviderEvent.CAPTURED : ProviderEvent.FAILED)
      .put("contains", new JsonArray().add("payment"))
      .put("payload", new JsonObject().put("payment", new JsonObject().put("entity", entity)))
      .put("created_at", Instant.now().getEpochSecond());
    outcomes.put(providerOrderId, ProviderEvent.parse(event));
    if (dropWebhook) {
      return Future.succeededFuture(0);
    }
    Buffer body = event.toBuffer();
    return http.postAbs(webhookUrl)
      .putHeader("content-type", "application/json")
      .putHeader("X-Razorpay-Signature", signature.sign(body))
      .putHeader("X-Razorpay-Event-Id", "evt_" + token(14))
      .sendBuffer(body)
      .map(response -> response.statusCode());
  }

  private static String token(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
