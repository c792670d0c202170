package com.bazaar.app;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventType;
import com.bazaar.platform.testing.Poll;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** In-app notifications written from the events of a real order, sale and payment, read and marked by their owner. */
class NotificationsApiTest {
  private static OrderWorld world;
  private static JsonObject product;

  @BeforeAll
  static void start() {
    world = new OrderWorld(Map.of());
    product = world.product(1_000, OrderWorld.BASE);
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  private static JsonArray notificationsAbout(Map<String, String> caller, String orderId) {
    JsonArray about = new JsonArray();
    world.app.http.get("/api/v1/notifications?limit=100", caller).json().getJsonArray("items").stream()
      .map(JsonObject.class::cast)
      .filter(n -> orderId.equals(n.getJsonObject("data").getString("orderId")))
      .forEach(about::add);
    return about;
  }

  private static long unread(Map<String, String> caller) {
    return world.app.http.get("/api/v1/notifications/unread-count", caller).json().getLong("unread");
  }

  @Test
  void a_customer_hears_of_their_order_and_only_they_can_mark_it_read() {
    String orderId = world.placed(world.customer, OrderWorld.order(OrderWorld.variant(product, 0), "1"))
      .getString("id");
    assertThat(world.move(orderId, "CANCELLED", world.customer).status()).isEqualTo(200);

    JsonArray mine = Poll.until(Duration.ofSeconds(15), () -> notificationsAbout(world.customer, orderId),
      n -> n.size() == 2);
    assertThat(mine.stream().map(n -> ((JsonObject) n).getString("type")))
      .containsExactlyInAnyOrder("order.created", "order.cancelled");
    assertThat(notificationsAbout(world.otherCustomer, orderId)).isEmpty();
    String firstId = mine.getJsonObject(0).getString("id");
    long before = unread(world.customer);

    JsonObject byOther = world.app.http.post("/api/v1/notifications/read", new JsonObject()
      .put("ids", new JsonArray().add(firstId)), world.otherCustomer).json();
    JsonObject byOwner = world.app.http.post("/api/v1/notifications/read", new JsonObject()
      .put("ids", new JsonArray().add(firstId)), world.customer).json();

    assertThat(byOther.getInteger("marked")).as(byOther.encode()).isZero();
    assertThat(byOwner.getInteger("marked")).isEqualTo(1);
    assertThat(unread(world.customer)).isEqualTo(before - 1);
    assertThat(world.app.http.get("/api/v1/notifications?unread=true&limit=100", world.customer).json()
      .getJsonArray("items").stream().map(n -> ((JsonObject) n).getString("id"))).doesNotContain(firstId);
    assertThat(world.app.http.post("/api/v1/notifications/read", new JsonObject().put("all", true), world.customer)
      .status()).isEqualTo(200);
    assertThat(unread(world.customer)).isZero();
    assertThat(world.app.http.post("/api/v1/notifications/read", new JsonObject().put("all", true)
      .put("ids", new JsonArray().add(firstId)), world.customer).status()).isEqualTo(400);
  }

  @Test
  void a_reseller_hears_of_a_sale_through_their_link_and_of_its_commission() {
    String code = world.link(product, 48_000);
    String orderId = world.placed(world.customer, OrderWorld.order(OrderWorld.variant(product, 0), "1")
      .put("shareLinkCode", code)).getString("id");
    String paymentId = world.app.http.post("/api/v1/payments", new JsonObject().put("orderId", orderId)
      .put("method", "UPI"), OrderWorld.withKey(world.customer, UUID.randomUUID().toString())).json().getString("id");

    world.app.http.post("/api/v1/payments/" + paymentId + "/sandbox/complete", new JsonObject().put("outcome",
      "succeed"), world.customer);

    JsonArray resellers = Poll.until(Duration.ofSeconds(15), () -> notificationsAbout(world.reseller, orderId),
      n -> n.size() == 2);
    assertThat(resellers.stream().map(n -> ((JsonObject) n).getString("type")))
      .containsExactlyInAnyOrder("payment.succeeded", "wallet.commission.pending");
    assertThat(resellers.stream().map(n -> ((JsonObject) n).getString("body")).toList().toString())
      .contains("480.00 INR", "48.00 INR");
    assertThat(Poll.until(Duration.ofSeconds(15), () -> notificationsAbout(world.customer, orderId),
      n -> n.size() == 2).stream().map(n -> ((JsonObject) n).getString("type")))
      .containsExactlyInAnyOrder("order.created", "order.paid");
  }

  @Test
  void an_event_the_broker_delivers_twice_notifies_once() {
    String orderId = UUID.randomUUID().toString();
    String marker = UUID.randomUUID().toString();
    EventEnvelope shipped = order("order.shipped", orderId);

    world.app.publish(shipped);
    world.app.publish(shipped);
    world.app.publish(order("order.delivered", marker));

    Poll.until(Duration.ofSeconds(15), () -> notificationsAbout(world.customer, marker), n -> n.size() == 1);
    assertThat(notificationsAbout(world.customer, orderId)).hasSize(1);
  }

  private static EventEnvelope order(String type, String orderId) {
    return EventEnvelope.of(EventType.of(type), new JsonObject().put("orderId", orderId).put("orderNumber", "BZ-T")
      .put("userId", world.customerId).put("totalAmount", 1_000).put("commissionAmount", 0).put("currency", "INR")
      .put("cashOnDelivery", false).put("fromStatus", "PAID").put("status", "SHIPPED").put("actor", "test"));
  }

}
