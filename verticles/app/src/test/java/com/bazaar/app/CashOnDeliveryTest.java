package com.bazaar.app;

import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cash on delivery end to end: the order ships unpaid, the cash is collected on delivery, never expired or refunded. */
class CashOnDeliveryTest {
  private static OrderWorld world;
  private static JsonObject product;
  private static String variant;

  @BeforeAll
  static void start() {
    world = new OrderWorld(Map.of());
    product = world.product(1_000, OrderWorld.BASE);
    variant = OrderWorld.variant(product, 0);
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  private static Response payOnDelivery(String orderId, String key) {
    return world.app.http.post("/api/v1/payments", new JsonObject().put("orderId", orderId).put("method", "COD"),
      OrderWorld.withKey(world.customer, key));
  }

  private static JsonObject cashOnDelivery(String orderId) {
    Response started = payOnDelivery(orderId, UUID.randomUUID().toString());
    assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
    return started.json();
  }

  private static JsonObject orderOf(String orderId) {
    return world.app.http.get("/api/v1/orders/" + orderId, world.customer).json();
  }

  private static String paymentStatusEventually(String paymentId, String wanted) {
    return Poll.until(Duration.ofSeconds(15), () -> world.app.http.get("/api/v1/payments/" + paymentId,
      world.customer).json().getString("status"), wanted::equals);
  }

  private static JsonObject lastEvent(String schema, String type, String orderId) {
    return new JsonObject(world.db().queryString("SELECT body FROM " + schema + ".outbox WHERE type = '" + type
      + "' AND body::jsonb -> 'data' ->> 'orderId' = '" + orderId + "' ORDER BY seq DESC LIMIT 1"));
  }

  @Test
  void a_cash_on_delivery_order_ships_unpaid_and_its_cash_is_collected_when_it_is_delivered() {
    String code = world.link(product, 48_000);
    JsonObject order = world.placed(world.customer, OrderWorld.order(variant, "1").put("shareLinkCode", code));
    String orderId = order.getString("id");
    JsonObject payment = cashOnDelivery(orderId);

    assertThat(payment.getString("method")).isEqualTo("COD");
    assertThat(payment.getString("provider")).isEqualTo("cod");
    assertThat(payment.getString("providerOrderId")).isNull();
    assertThat(payment.getString("status")).isEqualTo("CREATED");
    assertThat(payment.getLong("amount")).isEqualTo(48_000);
    JsonObject pending = orderOf(orderId);
    assertThat(pending.getString("status")).isEqualTo("PENDING");
    assertThat(pending.getBoolean("cashOnDelivery")).isTrue();
    assertThat(pending.getString("paymentId")).isEqualTo(payment.getString("id"));
    Response sandbox = world.app.http.post("/api/v1/payments/" + payment.getString("id") + "/sandbox/complete",
      new JsonObject().put("outcome", "succeed"), world.customer);
    assertThat(sandbox.errorCode()).isEqualTo("NOT_A_SANDBOX_PAYMENT");
    assertThat(world.move(orderId, "SHIPPED", world.customer).status()).as("only an ADMIN ships").isEqualTo(403);

    assertThat(world.move(orderId, "SHIPPED", world.admin).status()).isEqualTo(200);
    assertThat(world.app.http.get("/api/v1/payments/" + payment.getString("id"), world.customer).json()
      .getString("status")).as("shipped, not yet paid").isEqualTo("CREATED");
    assertThat(world.move(orderId, "DELIVERED", world.admin).status()).isEqualTo(200);

    assertThat(paymentStatusEventually(payment.getString("id"), "SUCCEEDED")).isEqualTo("SUCCEEDED");
    JsonObject succeeded = lastEvent("payment", "payment.succeeded", orderId);
    JsonObject delivered = lastEvent("\"order\"", "order.delivered", orderId);
    assertThat(succeeded.getJsonObject("data").getString("cause")).isEqualTo("collected_on_delivery");
    assertThat(succeeded.getJsonObject("data").getLong("commissionAmount")).isEqualTo(4_800);
    assertThat(succeeded.getJsonObject("data").getString("sellerId")).isEqualTo(world.resellerId);
    assertThat(OffsetDateTime.parse(succeeded.getString("occurredAt")))
      .as("collected after the delivery, so the wallet can credit and release in that order")
      .isAfterOrEqualTo(OffsetDateTime.parse(delivered.getString("occurredAt")));
    assertThat(world.count("SELECT count(*) FROM payment.outbox WHERE type = 'payment.succeeded' "
      + "AND body::jsonb -> 'data' ->> 'orderId' = '" + orderId + "'")).isEqualTo(1);
    assertThat(orderOf(orderId).getString("status")).isEqualTo("DELIVERED");
    JsonObject stats = Poll.until(Duration.ofSeconds(15), () -> world.app.http.get("/api/v1/share-links/" + code
      + "/stats", world.reseller).json(), s -> s.getLong("orders", 0L) == 1);
    assertThat(stats.getLong("revenue")).as("the link's sale counts once its cash is collected").isEqualTo(48_000);
    assertThat(stats.getLong("commission")).isEqualTo(4_800);
  }

  @Test
  void a_retry_finds_the_same_payment_and_no_other_payment_can_start() {
    String orderId = world.placed(world.customer, OrderWorld.order(variant, "1")).getString("id");
    String key = UUID.randomUUID().toString();
    JsonObject first = payOnDelivery(orderId, key).json();

    Response again = payOnDelivery(orderId, key);
    Response online = world.app.http.post("/api/v1/payments", new JsonObject().put("orderId", orderId)
      .put("method", "UPI"), OrderWorld.withKey(world.customer, UUID.randomUUID().toString()));

    assertThat(again.json().getString("id")).isEqualTo(first.getString("id"));
    assertThat(online.errorCode()).isEqualTo("PAYMENT_EXISTS");
    assertThat(world.count("SELECT count(*) FROM \"order\".order_status_history WHERE order_id = '" + orderId
      + "' AND notes LIKE 'Cash on delivery chosen%'")).as("chosen once, in the audit trail").isEqualTo(1);
  }

  @Test
  void an_order_paid_online_cannot_ship_before_it_is_paid() {
    String orderId = world.placed(world.customer, OrderWorld.order(variant, "1")).getString("id");

    Response shipped = world.move(orderId, "SHIPPED", world.admin);

    assertThat(shipped.status()).isEqualTo(409);
    assertThat(shipped.errorCode()).isEqualTo("INVALID_TRANSITION");
    assertThat(shipped.json().getJsonObject("error").getJsonObject("details").getJsonArray("allowed").getList())
      .containsExactlyInAnyOrder("PAID", "CANCELLED");
  }

  @Test
  void a_shipped_cash_on_delivery_order_that_is_cancelled_cancels_its_payment_and_moves_no_money() {
    int before = world.stock(variant);
    String orderId = world.placed(world.customer, OrderWorld.order(variant, "2")).getString("id");
    JsonObject payment = cashOnDelivery(orderId);
    assertThat(world.move(orderId, "SHIPPED", world.admin).status()).isEqualTo(200);

    assertThat(world.move(orderId, "CANCELLED", world.admin).status()).isEqualTo(200);

    assertThat(paymentStatusEventually(payment.getString("id"), "CANCELLED")).isEqualTo("CANCELLED");
    assertThat(world.count("SELECT count(*) FROM payment.refunds WHERE payment_id = '" + payment.getString("id")
      + "'")).isZero();
    assertThat(world.count("SELECT count(*) FROM payment.outbox WHERE type LIKE 'payment.%' "
      + "AND body::jsonb -> 'data' ->> 'orderId' = '" + orderId + "'")).isZero();
    assertThat(Poll.until(Duration.ofSeconds(15), () -> world.stock(variant), stock -> stock == before))
      .isEqualTo(before);
  }

  @Test
  void a_cash_on_delivery_order_is_never_expired_for_want_of_payment() {
    String unpaid = world.placed(world.customer, OrderWorld.order(variant, "1")).getString("id");
    String onDelivery = world.placed(world.customer, OrderWorld.order(variant, "1")).getString("id");
    cashOnDelivery(onDelivery);

    world.db().execute("UPDATE \"order\".orders SET created_at = now() - interval '2 hours' WHERE id IN ('"
      + unpaid + "', '" + onDelivery + "')");

    assertThat(Poll.until(Duration.ofSeconds(15), () -> orderOf(unpaid).getString("status"), "CANCELLED"::equals))
      .isEqualTo("CANCELLED");
    assertThat(orderOf(onDelivery).getString("status")).isEqualTo("PENDING");
  }

  @Test
  void the_payments_of_an_order_are_its_buyers_and_an_admins_to_read() {
    String orderId = world.placed(world.customer, OrderWorld.order(variant, "1")).getString("id");
    JsonObject payment = cashOnDelivery(orderId);

    Response mine = world.app.http.get("/api/v1/orders/" + orderId + "/payments", world.customer);
    Response admins = world.app.http.get("/api/v1/orders/" + orderId + "/payments", world.admin);
    Response others = world.app.http.get("/api/v1/orders/" + orderId + "/payments", world.otherCustomer);
    Response none = world.app.http.get("/api/v1/orders/" + UUID.randomUUID() + "/payments", world.customer);

    assertThat(mine.json().getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(payment.getString("id"));
    assertThat(admins.json().getJsonArray("items").size()).isEqualTo(1);
    assertThat(others.status()).isEqualTo(404);
    assertThat(none.status()).isEqualTo(404);
  }
}
