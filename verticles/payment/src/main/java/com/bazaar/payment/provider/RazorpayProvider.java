package com.bazaar.payment.provider;

import com.bazaar.platform.error.ApiError;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.net.URI;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Razorpay's REST API through the shared WebClient: Basic auth with the key id and secret, a timeout on every call,
 * and a circuit breaker for the host. Only the read ({@link #fetch}) is retried: creating an order or a refund twice
 * is not safe to repeat blindly. Failures become 503 ({@code PAYMENT_PROVIDER_UNAVAILABLE}: 5xx, an open breaker, a
 * malformed answer, refused credentials) or 504 (no answer in time); a 4xx about the request is 502
 * ({@code PAYMENT_PROVIDER_REFUSED}) with the provider's description.
 */
public final class RazorpayProvider implements PaymentProvider {
  public static final String NAME = "razorpay";
  private static final int FETCH_ATTEMPTS = 3;

  private final WebClient http;
  private final String baseUrl;
  private final String keyId;
  private final String keySecret;
  private final long timeoutMs;
  private final WebhookSignature signature;
  private final CircuitBreaker breaker;

  public RazorpayProvider(Vertx vertx, WebClient http, RazorpaySettings settings) {
    this.http = http;
    this.baseUrl = settings.baseUrl().replaceAll("/+$", "");
    this.keyId = settings.keyId();
    this.keySecret = settings.keySecret();
    this.timeoutMs = settings.timeoutMs();
    this.signature = new WebhookSignature(settings.webhookSecret());
    this.breaker = CircuitBreaker.create("razorpay:" + URI.create(baseUrl).getHost(), vertx, new CircuitBreakerOptions()
        .setMaxFailures(settings.breakerMaxFailures()).setResetTimeout(settings.breakerResetMs()).setTimeout(-1))
      .failurePolicy(RazorpayProvider::hostFailure);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> createOrder(long amount, String currency, String receipt) {
    JsonObject body = new JsonObject().put("amount", amount).put("currency", currency).put("receipt", receipt);
    return call(() -> http.postAbs(baseUrl + "/v1/orders"), body).map(order -> order.getString("id"));
  }

  @Override
  public Future<String> refund(String providerPaymentId, long amount, String receipt) {
    JsonObject body = new JsonObject().put("amount", amount).put("receipt", receipt);
    return call(() -> http.postAbs(baseUrl + "/v1/payments/" + providerPaymentId + "/refund"), body)
      .map(refund -> refund.getString("id"));
  }

  /** The order's most telling payment: a captured one, else the latest failed one, else null. */
  @Override
  public Future<ProviderEvent> fetch(String providerOrderId) {
    return fetchAttempt(providerOrderId, 1).map(collection -> {
      JsonArray items = collection.getJsonArray("items", new JsonArray());
      JsonObject failed = null;
      for (int i = 0; i < items.size(); i++) {
        JsonObject payment = items.getJsonObject(i);
        if ("captured".equals(payment.getString("status"))) {
          return event(ProviderEvent.CAPTURED, payment);
        }
        if ("failed".equals(payment.getString("status")) && failed == null) {
          failed = payment;
        }
      }
      return failed == null ? null : event(ProviderEvent.FAILED, failed);
    });
  }

  @Override
  public WebhookSignature webhooks() {
    return signature;
  }

  private Future<JsonObject> fetchAttempt(String providerOrderId, int attempt) {
    return call(() -> http.getAbs(baseUrl + "/v1/orders/" + providerOrderId + "/payments"), null)
      .recover(failure -> failure instanceof ApiError api && api.status() >= 503 && attempt < FETCH_ATTEMPTS
        && !"PAYMENT_PROVIDER_OPEN".equals(api.code())
        ? fetchAttempt(providerOrderId, attempt + 1) : Future.failedFuture(failure));
  }

  private Future<JsonObject> call(Supplier<HttpRequest<Buffer>> request, JsonObject body) {
    return breaker.<JsonObject>execute(() -> {
      HttpRequest<Buffer> prepared = request.get().basicAuthentication(keyId, keySecret).timeout(timeoutMs);
      Future<HttpResponse<Buffer>> sent = body == null ? prepared.send() : prepared.sendJsonObject(body);
      return sent.compose(RazorpayProvider::decode);
    }).recover(failure -> Future.failedFuture(translate(failure)));
  }

  private static Future<JsonObject> decode(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    JsonObject json;
    try {
      json = response.bodyAsJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return Future.failedFuture(unavailable("Razorpay answered " + status + " with a body that is not JSON"));
    }
    if (status >= 200 && status < 300 && json != null) {
      return Future.succeededFuture(json);
    }
    if (status == 401) {
      return Future.failedFuture(unavailable("Razorpay refused the configured key"));
    }
    if (status >= 500 || json == null) {
      return Future.failedFuture(unavailable("Razorpay answered " + status));
    }
    String description = json.getJsonObject("error", new JsonObject()).getString("description", "no description");
    return Future.failedFuture(new ApiError(502, "PAYMENT_PROVIDER_REFUSED", "Razorpay refused the request: "
      + description, new JsonObject().put("providerStatus", status)));
  }

  /** What counts towards the breaker: the host failing, never a refusal of one request. */
  private static boolean hostFailure(Future<?> outcome) {
    return outcome.failed() && !(outcome.cause() instanceof ApiError api && api.status() == 502);
  }

  private static Throwable translate(Throwable failure) {
    if (failure instanceof ApiError) {
      return failure;
    }
    if (failure instanceof OpenCircuitException) {
      return new ApiError(503, "PAYMENT_PROVIDER_OPEN", "Razorpay is failing; not asking it for a while", null);
    }
    if (failure instanceof TimeoutException || String.valueOf(failure.getMessage()).contains("timeout")) {
      return new ApiError(504, "PAYMENT_PROVIDER_TIMEOUT", "Razorpay did not answer in time", null);
    }
    return unavailable("Razorpay could not be reached: " + failure.getMessage());
  }

  private static ApiError unavailable(String message) {
    return new ApiError(503, "PAYMENT_PROVIDER_UNAVAILABLE", message, null);
  }

  private static ProviderEvent event(String type, JsonObject payment) {
    return new ProviderEvent(type, payment.getString("id"), payment.getString("order_id"), payment.getLong("amount"),
      payment.getString("currency"), payment.getString("error_description"));
  }
}
