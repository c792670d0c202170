package com.bazaar.app;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventType;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonArray;
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

/**
 * Seller webhooks against real local receivers, each on its own loopback address so the sender sees separate hosts.
 * Attempts time out after 500 ms, back off 100 ms, give up after 5; a host's breaker opens after 4 failures in a row
 * (no answer, 5xx or 429) and stays open for the rest of the run; 2 deliveries at most are in flight to one host.
 */
class WebhooksTest {
  private static final String HOOK = "/api/v1/notifications/webhook";
  private static OrderWorld world;
  private static int resellers;

  @BeforeAll
  static void start() {
    world = new OrderWorld(Map.of("BAZAAR_NOTIFICATION_WEBHOOK_TIMEOUT_MS", "500",
      "BAZAAR_NOTIFICATION_WEBHOOK_BACKOFF_MS", "[100]", "BAZAAR_NOTIFICATION_WEBHOOK_MAX_ATTEMPTS", "5",
      "BAZAAR_NOTIFICATION_WEBHOOK_BREAKER_MAX_FAILURES", "4", "BAZAAR_NOTIFICATION_WEBHOOK_BREAKER_RESET_MS",
      "600000", "BAZAAR_NOTIFICATION_WEBHOOK_PER_HOST_CONCURRENCY", "2", "BAZAAR_NOTIFICATION_WEBHOOK_POLL_MS", "50"));
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void a_receiver_failing_three_times_gets_a_fourth_attempt_with_a_valid_signature() {
    try (WebhookReceiver receiver = WebhookReceiver.failingFirst("127.0.0.2", 3)) {
      Seller seller = seller(receiver.url(), "wallet.commission.pending");
      EventEnvelope event = commission(seller.id);

      world.app.publish(event);
      JsonObject delivery = awaitDelivery(seller, "DELIVERED");

      assertThat(delivery.getJsonArray("attempts").stream().map(a -> ((JsonObject) a).getInteger("statusCode")))
        .containsExactly(503, 503, 503, 200);
      assertThat(receiver.received).hasSize(4);
      assertThat(receiver.withId(delivery.getString("id"))).as("one webhook-id on every attempt").isEqualTo(4);
      WebhookReceiver.Received last = receiver.received.get(3);
      assertThat(last.header("webhook-signature")).isEqualTo(last.signatureWith(seller.secret));
      JsonObject body = new JsonObject(last.body());
      assertThat(body.getString("type")).isEqualTo("wallet.commission.pending");
      assertThat(body.getJsonObject("data").getString("resellerId")).isEqualTo(seller.id);
      assertThat(body.getJsonObject("data").getLong("amount")).isEqualTo(4_000);
    }
  }

  @Test
  void a_dead_receiver_opens_its_breaker_and_delays_nobody_else() {
    try (WebhookReceiver dead = WebhookReceiver.failingFirst("127.0.0.3", Integer.MAX_VALUE);
         WebhookReceiver healthy = WebhookReceiver.failingFirst("127.0.0.4", 0)) {
      Seller deadSeller = seller(dead.url(), "wallet.commission.pending");
      Seller healthySeller = seller(healthy.url(), "wallet.commission.pending");
      for (int i = 0; i < 6; i++) {
        world.app.publish(commission(deadSeller.id));
      }
      for (int i = 0; i < 3; i++) {
        world.app.publish(commission(healthySeller.id));
      }

      Poll.until(Duration.ofSeconds(10), () -> deliveries(healthySeller, "DELIVERED").size(), n -> n == 3);
      Poll.until(Duration.ofSeconds(10), () -> dead.received.size(), n -> n >= 4);
      long settled = System.nanoTime();
      Poll.until(Duration.ofSeconds(2), () -> System.nanoTime() - settled, t -> t > 1_000_000_000L);

      assertThat(dead.received.size()).as("the breaker opened after 4 failures (one more may have been in flight)")
        .isBetween(4, 5);
      assertThat(deliveries(deadSeller, "DELIVERED")).isEmpty();
      assertThat(healthy.received).hasSize(3);
    }
  }

  @Test
  void a_receiver_that_never_answers_times_out_and_holds_at_most_its_share() {
    try (WebhookReceiver silent = WebhookReceiver.neverAnswering("127.0.0.5")) {
      Seller seller = seller(silent.url(), "wallet.commission.pending");
      for (int i = 0; i < 5; i++) {
        world.app.publish(commission(seller.id));
      }

      List<JsonObject> attempts = Poll.until(Duration.ofSeconds(15), () -> attempts(seller), a -> a.size() >= 3);

      assertThat(attempts).allSatisfy(attempt -> {
        assertThat(attempt.getInteger("statusCode")).isNull();
        assertThat(attempt.getInteger("durationMs")).isBetween(450, 2_000);
      });
      assertThat(silent.mostOpenAtOnce.get()).as("the per-host bound").isLessThanOrEqualTo(2);
    }
  }

  @Test
  void the_same_event_twice_makes_one_notification_and_one_delivery() {
    try (WebhookReceiver receiver = WebhookReceiver.failingFirst("127.0.0.6", 0)) {
      Seller seller = seller(receiver.url(), "wallet.commission.pending");
      EventEnvelope event = commission(seller.id);

      world.app.publish(event);
      world.app.publish(event);
      world.app.publish(commission(seller.id));

      Poll.until(Duration.ofSeconds(10), () -> deliveries(seller, "DELIVERED").size(), n -> n == 2);
      assertThat(receiver.received).hasSize(2);
      assertThat(world.count("SELECT count(*) FROM notification.notifications WHERE user_id = '" + seller.id
        + "' AND data->>'transferId' = '" + event.data().getString("transferId") + "'")).isEqualTo(1);
    }
  }

  @Test
  void a_failed_delivery_can_be_sent_again_by_its_owner_only() {
    try (WebhookReceiver receiver = WebhookReceiver.refusingFirst("127.0.0.7", 5)) {
      Seller seller = seller(receiver.url(), "wallet.commission.pending");
      Seller other = seller(receiver.url(), "wallet.commission.pending");
      world.app.publish(commission(seller.id));
      String id = awaitDelivery(seller, "FAILED").getString("id");
      String retry = HOOK + "/deliveries/" + id + "/retry";

      assertThat(world.app.http.post(retry, null, other.headers).status()).isEqualTo(404);
      assertThat(world.app.http.get(HOOK + "/deliveries", other.headers).json().getJsonArray("items")).isEmpty();
      Response retried = world.app.http.post(retry, null, seller.headers);
      assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
      assertThat(retried.json().getString("status")).isEqualTo("PENDING");

      JsonObject delivered = awaitDelivery(seller, "DELIVERED");
      assertThat(delivered.getJsonArray("attempts")).hasSize(6);
      assertThat(world.app.http.post(retry, null, seller.headers).errorCode()).isEqualTo("NOT_FAILED");
    }
  }

  @Test
  void bad_webhooks_are_refused_with_400_and_customers_have_none() {
    Seller seller = seller("http://127.0.0.1:9/hooks", "order.paid");
    assertThat(put(seller, "not a url", "order.paid").errorCode()).isEqualTo("INVALID_WEBHOOK_URL");
    assertThat(put(seller, "ftp://127.0.0.1/hooks", "order.paid").errorCode()).isEqualTo("INVALID_WEBHOOK_URL");
    assertThat(put(seller, "http://user:pw@127.0.0.1/hooks", "order.paid").errorCode())
      .isEqualTo("INVALID_WEBHOOK_URL");
    assertThat(put(seller, "https://hooks.example.com/" + "a".repeat(2048), "order.paid").status()).isEqualTo(400);
    assertThat(put(seller, "https://hooks.example.com/x", "order.exploded").status()).isEqualTo(400);
    assertThat(world.app.http.get(HOOK, seller.headers).json().getString("url"))
      .as("the webhook is unchanged").isEqualTo("http://127.0.0.1:9/hooks");
    assertThat(world.app.http.get(HOOK, seller.headers).json().containsKey("secret")).isFalse();
    assertThat(world.app.http.put(HOOK, new JsonObject().put("url", "https://hooks.example.com/x")
      .put("events", new JsonArray().add("order.paid")), world.customer).status()).isEqualTo(403);
  }

  private record Seller(String id, Map<String, String> headers, String secret) {
  }

  private static Seller seller(String url, String... events) {
    JsonObject session = AuthFlows.registerAndLogin(world.app.http, "hooks" + (++resellers) + "@orders.test",
      "RESELLER");
    Map<String, String> headers = AuthFlows.bearer(session);
    Response created = world.app.http.put(HOOK, new JsonObject().put("url", url)
      .put("events", new JsonArray(List.of((Object[]) events))), headers);
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(created.json().getString("secret")).startsWith("whsec_");
    return new Seller(session.getJsonObject("user").getString("id"), headers, created.json().getString("secret"));
  }

  private static Response put(Seller seller, String url, String event) {
    return world.app.http.put(HOOK, new JsonObject().put("url", url).put("events", new JsonArray().add(event)),
      seller.headers);
  }

  private static EventEnvelope commission(String resellerId) {
    return EventEnvelope.of(EventType.of("wallet.commission.pending"), new JsonObject().put("resellerId", resellerId)
      .put("orderId", UUID.randomUUID().toString()).put("transferId", UUID.randomUUID().toString())
      .put("amount", 4_000).put("currency", "INR"));
  }

  private static JsonObject awaitDelivery(Seller seller, String status) {
    return Poll.until(Duration.ofSeconds(15), () -> deliveries(seller, status), d -> d.size() == 1).get(0);
  }

  private static List<JsonObject> deliveries(Seller seller, String status) {
    Response page = world.app.http.get(HOOK + "/deliveries?status=" + status, seller.headers);
    assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
    List<JsonObject> out = new ArrayList<>();
    page.json().getJsonArray("items").forEach(item -> out.add((JsonObject) item));
    return out;
  }

  private static List<JsonObject> attempts(Seller seller) {
    List<JsonObject> out = new ArrayList<>();
    world.app.http.get(HOOK + "/deliveries", seller.headers).json().getJsonArray("items")
      .forEach(d -> ((JsonObject) d).getJsonArray("attempts").forEach(a -> out.add((JsonObject) a)));
    return out;
  }
}
