package com.bazaar.payment.provider;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The Razorpay adapter against a local HTTP server that speaks the documented API: Basic auth, orders with the
 * receipt, refunds, an order's payments, and the ways a real one fails (401, 5xx, no answer, malformed JSON).
 */
class RazorpayProviderTest {
  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("rzp_test_key:rzp_test_secret".getBytes());

  private Vertx vertx;
  private HttpServer stub;
  private RazorpayProvider razorpay;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger paymentsCalls = new AtomicInteger();
  private volatile String mode = "ok";

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    stub = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      seen.add(request.method() + " " + request.path() + " " + body);
      var response = request.response().putHeader("content-type", "application/json");
      if (!AUTH.equals(request.getHeader("Authorization")) || mode.equals("401")) {
        response.setStatusCode(401).end(error("BAD_REQUEST_ERROR", "Authentication failed"));
      } else if (mode.equals("500")) {
        response.setStatusCode(500).end(error("SERVER_ERROR", "We are facing some trouble"));
      } else if (mode.equals("silent")) {
        return;
      } else if (mode.equals("garbage")) {
        response.setStatusCode(200).end("<html>gateway error</html>");
      } else if (mode.equals("400")) {
        response.setStatusCode(400).end(error("BAD_REQUEST_ERROR", "The amount must be at least INR 1.00"));
      } else if (request.path().equals("/v1/orders")) {
        JsonObject asked = body.toJsonObject();
        response.end(new JsonObject().put("id", "order_stub1").put("entity", "order").put("amount", asked.getLong("amount"))
          .put("currency", asked.getString("currency")).put("receipt", asked.getString("receipt")).put("status", "created")
          .encode());
      } else if (request.path().startsWith("/v1/payments/")) {
        response.end(new JsonObject().put("id", "rfnd_stub1").put("entity", "refund").put("status", "processed").encode());
      } else if (request.path().endsWith("/payments")) {
        if (paymentsCalls.incrementAndGet() == 1 && mode.equals("flaky")) {
          response.setStatusCode(503).end(error("SERVER_ERROR", "try again"));
          return;
        }
        response.end(new JsonObject().put("entity", "collection").put("count", 2).put("items", new JsonArray()
          .add(payment("pay_failed", "failed")).add(payment("pay_ok", "captured"))).encode());
      } else {
        response.setStatusCode(404).end(error("NOT_FOUND", "no such route"));
      }
    })).listen(0).await();
    razorpay = provider("rzp_test_key", 2_000);
  }

  private RazorpayProvider provider(String key, long timeoutMs) {
    return new RazorpayProvider(vertx, WebClient.create(vertx), new RazorpaySettings(
      "http://127.0.0.1:" + stub.actualPort(), key, "rzp_test_secret", "whsec", timeoutMs, 3, 500));
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void an_order_is_created_with_basic_auth_and_the_order_number_as_its_receipt() {
    String id = razorpay.createOrder(49_900, "INR", "BZ-20261130-0000001").await();

    assertThat(id).isEqualTo("order_stub1");
    assertThat(seen).singleElement().asString().startsWith("POST /v1/orders ")
      .contains("\"amount\":49900", "\"currency\":\"INR\"", "\"receipt\":\"BZ-20261130-0000001\"");
  }

  @Test
  void refunds_and_an_orders_payments_speak_the_documented_api() {
    assertThat(razorpay.refund("pay_ok", 49_900, "refund-1").await()).isEqualTo("rfnd_stub1");
    ProviderEvent outcome = razorpay.fetch("order_stub1").await();

    assertThat(seen.get(0)).startsWith("POST /v1/payments/pay_ok/refund ").contains("\"receipt\":\"refund-1\"");
    assertThat(outcome.captured()).isTrue();
    assertThat(outcome.providerPaymentId()).isEqualTo("pay_ok");
    assertThat(outcome.amount()).isEqualTo(49_900);
  }

  @Test
  void each_way_razorpay_fails_becomes_a_clear_error() {
    assertThat(failure(provider("wrong_key", 2_000))).isEqualTo("503 PAYMENT_PROVIDER_UNAVAILABLE");
    mode = "500";
    assertThat(failure(provider("rzp_test_key", 2_000))).isEqualTo("503 PAYMENT_PROVIDER_UNAVAILABLE");
    mode = "garbage";
    assertThat(failure(provider("rzp_test_key", 2_000))).isEqualTo("503 PAYMENT_PROVIDER_UNAVAILABLE");
    mode = "400";
    assertThat(failure(provider("rzp_test_key", 2_000))).isEqualTo("502 PAYMENT_PROVIDER_REFUSED");
    mode = "silent";
    assertThat(failure(provider("rzp_test_key", 200))).isEqualTo("504 PAYMENT_PROVIDER_TIMEOUT");
  }

  @Test
  void only_the_read_is_retried_and_a_refused_write_is_not() {
    mode = "flaky";
    assertThat(razorpay.fetch("order_stub1").await().captured()).isTrue();
    assertThat(paymentsCalls.get()).isEqualTo(2);

    mode = "500";
    int before = seen.size();
    catchThrowable(() -> razorpay.createOrder(100, "INR", "r").await());
    assertThat(seen.size() - before).as("a POST is sent once").isEqualTo(1);
  }

  @Test
  void the_breaker_opens_after_the_host_fails_and_closes_when_it_recovers() {
    mode = "500";
    for (int i = 0; i < 3; i++) {
      catchThrowable(() -> razorpay.createOrder(100, "INR", "r").await());
    }
    int sent = seen.size();

    assertThat(failure(razorpay)).isEqualTo("503 PAYMENT_PROVIDER_OPEN");
    assertThat(seen).as("an open breaker does not call the host").hasSize(sent);

    mode = "ok";
    vertx.timer(600).await();
    assertThat(razorpay.createOrder(100, "INR", "r").await()).isEqualTo("order_stub1");
  }

  private static String failure(RazorpayProvider provider) {
    Throwable thrown = catchThrowable(() -> provider.createOrder(100, "INR", "r").await());
    ApiError error = (ApiError) thrown;
    return error.status() + " " + error.code();
  }

  private static String error(String code, String description) {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("description", description)).encode();
  }

  private static JsonObject payment(String id, String status) {
    return new JsonObject().put("id", id).put("entity", "payment").put("amount", 49_900).put("currency", "INR")
      .put("status", status).put("order_id", "order_stub1");
  }
}
