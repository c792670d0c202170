package com.bazaar.app;

import com.bazaar.payment.provider.WebhookSignature;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Paying for orders in the sandbox, the provider webhook (signatures on the raw bytes, replays, races), refunds. */
class PaymentsApiTest {
  private static final String SECRET = "bazaar-sandbox-webhook-secret";
  private static OrderWorld world;
  private static String variant;

  @BeforeAll
  static void start() {
    world = new OrderWorld(Map.of("BAZAAR_PAYMENT_RECONCILE_INTERVAL_MS", "200",
      "BAZAAR_PAYMENT_RECONCILE_AFTER_SEC", "1"));
    variant = OrderWorld.variant(world.product(1_000, 40_000), 0);
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  private static JsonObject order() {
    return world.placed(world.customer, OrderWorld.order(variant, "2"));
  }

  private static Response pay(Map<String, String> caller, String orderId) {
    return world.app.http.post("/api/v1/payments", new JsonObject().put("orderId", orderId).put("method", "UPI"),
      OrderWorld.withKey(caller, UUID.randomUUID().toString()));
  }

  private static JsonObject payment(String orderId) {
    Response started = pay(world.customer, orderId);
    assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
    return started.json();
  }

  private static long count(String sql) {
    return world.count(sql);
  }

  private static String orderStatus(String orderId) {
    return world.app.http.get("/api/v1/orders/" + orderId, world.customer).json().getString("status");
  }

  @Test
  void paying_in_the_sandbox_marks_the_order_paid_and_announces_it_once() {
    JsonObject order = order();
    JsonObject started = payment(order.getString("id"));
    assertThat(started.getString("status")).isEqualTo("CREATED");
    assertThat(started.getLong("amount")).isEqualTo(80_000);
    assertThat(started.getString("providerOrderId")).startsWith("order_");

    Response completed = world.app.http.post("/api/v1/payments/" + started.getString("id") + "/sandbox/complete",
      new JsonObject().put("outcome", "succeed"), world.customer);

    assertThat(completed.status()).as(completed.body().toString()).isEqualTo(200);
    assertThat(completed.json().getString("status")).isEqualTo("SUCCEEDED");
    assertThat(completed.json().getInteger("webhookStatus")).isEqualTo(200);
    assertThat(orderStatus(order.getString("id"))).isEqualTo("PAID");
    assertThat(count("SELECT count(*) FROM payment.outbox WHERE type = 'payment.succeeded' AND body::jsonb -> 'data' "
      + "->> 'orderId' = '" + order.getString("id") + "'")).isEqualTo(1);
    assertThat(pay(world.customer, order.getString("id")).errorCode()).isEqualTo("ORDER_NOT_PAYABLE");
  }

  @Test
  void a_failed_payment_leaves_the_order_pending_and_it_can_be_paid_again() {
    String orderId = order().getString("id");
    JsonObject first = payment(orderId);
    assertThat(pay(world.customer, orderId).errorCode()).as("one live payment per order").isEqualTo("PAYMENT_EXISTS");

    Response failed = world.app.http.post("/api/v1/payments/" + first.getString("id") + "/sandbox/complete",
      new JsonObject().put("outcome", "fail"), world.customer);

    assertThat(failed.json().getString("status")).isEqualTo("FAILED");
    assertThat(orderStatus(orderId)).isEqualTo("PENDING");
    assertThat(count("SELECT count(*) FROM payment.outbox WHERE type = 'payment.failed' AND body::jsonb -> 'data' "
      + "->> 'orderId' = '" + orderId + "'")).isEqualTo(1);
    assertThat(pay(world.customer, orderId).status()).isEqualTo(201);
  }

  @Test
  void the_signature_is_checked_on_the_exact_bytes_and_a_replay_changes_nothing() {
    String orderId = order().getString("id");
    JsonObject started = payment(orderId);
    Buffer exact = Buffer.buffer("{ \"payload\" : {\"payment\":{\"entity\":{\"id\":\"pay_exact\",\"order_id\":\""
      + started.getString("providerOrderId") + "\",\"amount\":80000,\"currency\":\"INR\"}}}, \"event\" : "
      + "\"payment.captured\" }");
    String signature = new WebhookSignature(SECRET).sign(exact);
    Buffer reencoded = new JsonObject(exact).toBuffer();
    Buffer tampered = Buffer.buffer(exact.toString().replace("80000", "80001"));

    assertThat(webhook(reencoded, signature, "evt_1").status()).as("re-encoded JSON does not verify").isEqualTo(401);
    assertThat(webhook(tampered, signature, "evt_1").status()).isEqualTo(401);
    assertThat(webhook(exact, new WebhookSignature("another secret").sign(exact), "evt_1").status()).isEqualTo(401);
    assertThat(webhook(exact, null, "evt_1").status()).isEqualTo(401);
    assertThat(orderStatus(orderId)).as("no refused webhook changed anything").isEqualTo("PENDING");

    Response applied = webhook(exact, signature, "evt_1");
    Response replayed = webhook(exact, signature, "evt_1");

    assertThat(applied.status()).isEqualTo(200);
    assertThat(applied.json().getString("outcome")).isEqualTo("applied");
    assertThat(replayed.json().getString("outcome")).isEqualTo("duplicate");
    assertThat(orderStatus(orderId)).isEqualTo("PAID");
    assertThat(count("SELECT count(*) FROM payment.outbox WHERE type = 'payment.succeeded' AND body::jsonb -> 'data' "
      + "->> 'paymentId' = '" + started.getString("id") + "'")).isEqualTo(1);
  }

  @Test
  void twenty_concurrent_identical_webhooks_pay_the_order_once() {
    String orderId = order().getString("id");
    JsonObject started = payment(orderId);
    Buffer body = capture(started.getString("providerOrderId"), 80_000);
    Map<String, String> headers = Map.of("content-type", "application/json", "X-Razorpay-Signature",
      new WebhookSignature(SECRET).sign(body), "X-Razorpay-Event-Id", "evt_race_" + orderId);

    List<Response> answers = world.app.http.concurrently(20, HttpMethod.POST, "/api/v1/payments/webhook",
      i -> headers, new JsonObject(body));

    assertThat(answers).extracting(Response::status).containsOnly(200);
    assertThat(answers.stream().filter(r -> "applied".equals(r.json().getString("outcome")))).hasSize(1);
    assertThat(count("SELECT count(*) FROM \"order\".order_status_history WHERE to_status = 'PAID' AND order_id = '"
      + orderId + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM payment.outbox WHERE type = 'payment.succeeded' AND body::jsonb -> 'data' "
      + "->> 'orderId' = '" + orderId + "'")).isEqualTo(1);
  }

  @Test
  void a_capture_of_another_amount_is_recorded_as_a_mismatch_and_never_pays_the_order() {
    String orderId = order().getString("id");
    JsonObject started = payment(orderId);
    Buffer body = capture(started.getString("providerOrderId"), 1);

    Response answered = webhook(body, new WebhookSignature(SECRET).sign(body), "evt_short_" + orderId);

    assertThat(answered.json().getString("status")).isEqualTo("MISMATCHED");
    assertThat(orderStatus(orderId)).isEqualTo("PENDING");
  }

  @Test
  void only_the_buyer_of_a_pending_order_may_pay_it_and_see_the_payment() {
    String orderId = order().getString("id");
    JsonObject started = payment(orderId);
    String cancelled = order().getString("id");
    world.move(cancelled, "CANCELLED", world.customer);
    List<Integer> statuses = new ArrayList<>();

    statuses.add(pay(world.otherCustomer, orderId).status());
    statuses.add(pay(world.customer, UUID.randomUUID().toString()).status());
    statuses.add(pay(world.admin, orderId).status());
    statuses.add(world.app.http.get("/api/v1/payments/" + started.getString("id"), world.otherCustomer).status());
    statuses.add(world.app.http.get("/api/v1/payments/" + started.getString("id"), world.customer).status());

    assertThat(statuses).containsExactly(404, 404, 403, 404, 200);
    assertThat(pay(world.customer, cancelled).errorCode()).isEqualTo("ORDER_NOT_PAYABLE");
  }

  @Test
  void cancelling_a_paid_order_refunds_its_payment_once() {
    String orderId = order().getString("id");
    JsonObject started = payment(orderId);
    world.app.http.post("/api/v1/payments/" + started.getString("id") + "/sandbox/complete",
      new JsonObject().put("outcome", "succeed"), world.customer);

    assertThat(world.move(orderId, "CANCELLED", world.admin).status()).isEqualTo(200);

    assertThat(paymentStatusEventually(started.getString("id"), "REFUNDED")).isEqualTo("REFUNDED");
    assertThat(count("SELECT count(*) FROM payment.refunds WHERE payment_id = '" + started.getString("id")
      + "' AND status = 'DONE'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM payment.outbox WHERE type = 'payment.refunded' AND body::jsonb -> 'data' "
      + "->> 'paymentId' = '" + started.getString("id") + "'")).isEqualTo(1);
  }

  @Test
  void a_capture_that_arrives_after_the_order_was_cancelled_is_refunded_and_never_pays_it() {
    String orderId = order().getString("id");
    JsonObject started = payment(orderId);
    assertThat(world.move(orderId, "CANCELLED", world.customer).status()).isEqualTo(200);

    Response completed = world.app.http.post("/api/v1/payments/" + started.getString("id") + "/sandbox/complete",
      new JsonObject().put("outcome", "succeed"), world.customer);

    assertThat(completed.json().getString("status")).isIn("REFUND_DUE", "REFUNDED");
    assertThat(paymentStatusEventually(started.getString("id"), "REFUNDED")).isEqualTo("REFUNDED");
    assertThat(orderStatus(orderId)).isEqualTo("CANCELLED");
    assertThat(count("SELECT count(*) FROM payment.outbox WHERE type = 'payment.succeeded' AND body::jsonb -> 'data' "
      + "->> 'paymentId' = '" + started.getString("id") + "'")).isZero();
  }

  @Test
  void a_payment_whose_webhook_was_lost_is_settled_by_reconciliation() {
    String orderId = order().getString("id");
    JsonObject started = payment(orderId);

    Response completed = world.app.http.post("/api/v1/payments/" + started.getString("id") + "/sandbox/complete",
      new JsonObject().put("outcome", "succeed").put("dropWebhook", true), world.customer);

    assertThat(completed.json().getString("status")).isEqualTo("CREATED");
    assertThat(paymentStatusEventually(started.getString("id"), "SUCCEEDED")).isEqualTo("SUCCEEDED");
    assertThat(orderStatus(orderId)).isEqualTo("PAID");
    assertThat(count("SELECT count(*) FROM payment.outbox WHERE type = 'payment.succeeded' AND body::jsonb -> 'data' "
      + "->> 'paymentId' = '" + started.getString("id") + "'")).isEqualTo(1);
  }

  private static String paymentStatusEventually(String paymentId, String wanted) {
    return Poll.until(Duration.ofSeconds(15), () -> world.app.http.get("/api/v1/payments/" + paymentId,
      world.customer).json().getString("status"), wanted::equals);
  }

  private static Buffer capture(String providerOrderId, long amount) {
    return new JsonObject().put("event", "payment.captured").put("payload", new JsonObject().put("payment",
      new JsonObject().put("entity", new JsonObject().put("id", "pay_" + UUID.randomUUID().toString().substring(0, 8))
        .put("order_id", providerOrderId).put("amount", amount).put("currency", "INR")))).toBuffer();
  }

  private static Response webhook(Buffer body, String signature, String eventId) {
    Map<String, String> headers = new java.util.HashMap<>(Map.of("content-type", "application/json",
      "X-Razorpay-Event-Id", eventId));
    if (signature != null) {
      headers.put("X-Razorpay-Signature", signature);
    }
    return world.app.http.send(HttpMethod.POST, "/api/v1/payments/webhook", headers, body);
  }
}
