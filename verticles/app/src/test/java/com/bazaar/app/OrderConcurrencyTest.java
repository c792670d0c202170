package com.bazaar.app;

import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders racing for the last units, and retries racing each other under one Idempotency-Key. */
class OrderConcurrencyTest {
  private static OrderWorld world;

  @BeforeAll
  static void start() {
    world = new OrderWorld(Map.of());
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void two_hundred_concurrent_orders_for_ten_units_sell_exactly_ten() {
    String variant = OrderWorld.variant(world.product(10, 40_000), 0);

    List<Response> answers = world.app.http.concurrently(200, HttpMethod.POST, "/api/v1/orders",
      i -> OrderWorld.withKey(world.customer, "race-" + i + "-" + UUID.randomUUID()), OrderWorld.order(variant, "1"));

    assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(10);
    assertThat(answers.stream().filter(r -> r.status() == 409).map(Response::errorCode)).hasSize(190)
      .containsOnly("OUT_OF_STOCK");
    assertThat(world.stock(variant)).isZero();
    String mine = "FROM \"order\".orders o JOIN \"order\".order_lines l ON l.order_id = o.id WHERE l.variant_id = '"
      + variant + "'";
    assertThat(world.count("SELECT count(*) " + mine)).isEqualTo(10);
    assertThat(world.count("SELECT count(*) FROM \"order\".outbox WHERE type = 'order.created' AND body::jsonb "
      + "-> 'data' -> 'items' -> 0 ->> 'variantId' = '" + variant + "'")).isEqualTo(10);
    assertThat(world.count("SELECT coalesce(sum(quantity), 0) FROM product.stock_reservations WHERE variant_id = '"
      + variant + "' AND released_at IS NULL")).isEqualTo(10);
    assertThat(Poll.until(Duration.ofSeconds(10), () -> world.count("SELECT count(*) FROM product.stock_reservations "
      + "WHERE variant_id = '" + variant + "' AND confirmed_at IS NOT NULL"), n -> n == 10))
      .as("every reservation confirmed by its order.created").isEqualTo(10);
  }

  @Test
  void twenty_concurrent_requests_with_one_key_place_one_order_and_all_answer_with_it() {
    String variant = OrderWorld.variant(world.product(50, 40_000), 0);
    String key = "storm-" + UUID.randomUUID();

    List<Response> answers = world.app.http.concurrently(20, HttpMethod.POST, "/api/v1/orders",
      i -> OrderWorld.withKey(world.customer, key), OrderWorld.order(variant, "2"));

    assertThat(answers).extracting(Response::status).containsOnly(201);
    assertThat(answers).extracting(r -> r.json().getString("id")).containsOnly(answers.get(0).json().getString("id"));
    assertThat(world.count("SELECT count(*) FROM \"order\".orders WHERE idempotency_key = '" + key + "'")).isEqualTo(1);
    assertThat(world.stock(variant)).isEqualTo(48);
  }

  @Test
  void the_key_is_kept_with_the_order_so_a_replay_after_redis_forgot_it_finds_the_same_order() {
    String variant = OrderWorld.variant(world.product(50, 40_000), 0);
    String key = "durable-" + UUID.randomUUID();
    JsonObject body = OrderWorld.order(variant, "1");
    String first = world.app.http.post("/api/v1/orders", body, OrderWorld.withKey(world.customer, key)).json()
      .getString("id");
    forgetIdempotencyKeys();

    Response replay = world.app.http.post("/api/v1/orders", body, OrderWorld.withKey(world.customer, key));
    forgetIdempotencyKeys();
    Response reused = world.app.http.post("/api/v1/orders", OrderWorld.order(variant, "3"),
      OrderWorld.withKey(world.customer, key));
    forgetIdempotencyKeys();
    Response racing = world.app.http.concurrently(10, HttpMethod.POST, "/api/v1/orders",
      i -> Map.of("Authorization", world.customer.get("Authorization"), "Idempotency-Key", key), body).get(0);

    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("Idempotent-Replayed")).as("the gateway had forgotten it").isEqualTo("false");
    assertThat(replay.json().getString("id")).isEqualTo(first);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(racing.json().getString("id")).isEqualTo(first);
    assertThat(world.stock(variant)).isEqualTo(49);
    assertThat(world.count("SELECT count(*) FROM product.stock_reservations WHERE variant_id = '" + variant
      + "' AND released_at IS NULL")).isEqualTo(1);
  }

  private static void forgetIdempotencyKeys() {
    var redis = world.app.bazaar.platform().redis();
    var keys = redis.send(Request.cmd(Command.KEYS).arg("idem:*"), 1000).await();
    for (var key : keys) {
      redis.send(Request.cmd(Command.DEL).arg(key.toString()), 1000).await();
    }
  }
}
