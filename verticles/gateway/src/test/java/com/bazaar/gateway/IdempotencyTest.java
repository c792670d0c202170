package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTest {
  private static final AtomicInteger created = new AtomicInteger();
  private static TestStack stack;
  private static TestHttp http;
  private static final String USER = UUID.randomUUID().toString();

  @BeforeAll
  static void start() {
    stack = EdgeFixture.start();
    new BusBindings(stack.vertx().eventBus()).bind("edge.order", request -> {
      JsonObject body = request.bodyObject();
      if (body.getBoolean("fail", false)) {
        return Future.failedFuture(new IllegalStateException("boom"));
      }
      if ("sold-out".equals(body.getString("item"))) {
        return Future.failedFuture(ApiError.conflict("OUT_OF_STOCK", "sold out", null));
      }
      int number = created.incrementAndGet();
      Promise<BusReply> reply = Promise.promise();
      stack.vertx().setTimer(body.getInteger("slowMs", 1), t -> reply.complete(BusReply.created(new JsonObject()
        .put("orderNumber", number).put("item", body.getString("item")))));
      return reply.future();
    }).ready().await();
    stack.deploy(GatewayVerticle::new, 2);
    http = stack.http();
  }

  @AfterAll
  static void stop() {
    http.close();
    stack.close();
  }

  private static Map<String, String> headers(String key) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", "Bearer " + EdgeFixture.KEYS.token(USER, "CUSTOMER"));
    if (key != null) {
      headers.put("Idempotency-Key", key);
    }
    return headers;
  }

  @Test
  void a_replay_returns_the_same_status_and_the_same_bytes_without_running_again() {
    String key = UUID.randomUUID().toString();
    JsonObject order = new JsonObject().put("item", "kurta");

    Response first = http.post("/orders", order, headers(key));
    int after = created.get();
    Response replay = http.post("/orders", order, headers(key));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(created.get()).isEqualTo(after);
  }

  @Test
  void a_business_error_is_kept_and_replayed_too() {
    String key = UUID.randomUUID().toString();
    JsonObject order = new JsonObject().put("item", "sold-out");

    Response first = http.post("/orders", order, headers(key));
    Response replay = http.post("/orders", order, headers(key));

    assertThat(first.status()).isEqualTo(409);
    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.body()).isEqualTo(first.body());
  }

  @Test
  void the_same_key_with_another_body_is_a_422() {
    String key = UUID.randomUUID().toString();
    http.post("/orders", new JsonObject().put("item", "kurta"), headers(key));

    Response other = http.post("/orders", new JsonObject().put("item", "saree"), headers(key));

    assertThat(other.status()).isEqualTo(422);
    assertThat(other.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void the_same_key_while_the_first_is_in_flight_waits_for_its_answer() {
    String key = UUID.randomUUID().toString();
    JsonObject slow = new JsonObject().put("item", "slow").put("slowMs", 400);
    int before = created.get();

    List<Response> all = http.concurrently(5, HttpMethod.POST, "/orders",
      Map.of("content-type", "application/json", "Authorization", headers(key).get("Authorization"), "Idempotency-Key", key), slow);

    assertThat(all).extracting(Response::status).containsOnly(201);
    assertThat(all).extracting(Response::body).containsOnly(all.get(0).body());
    assertThat(all).extracting(r -> r.header("Idempotent-Replayed")).containsExactlyInAnyOrder("false", "true", "true",
      "true", "true");
    assertThat(created.get()).isEqualTo(before + 1);
  }

  @Test
  void the_same_key_while_the_first_runs_past_the_wait_is_a_409() {
    String key = UUID.randomUUID().toString();
    JsonObject slow = new JsonObject().put("item", "slower").put("slowMs", 1_800);

    List<Response> both = http.concurrently(2, HttpMethod.POST, "/orders",
      Map.of("content-type", "application/json", "Authorization", headers(key).get("Authorization"), "Idempotency-Key", key), slow);

    assertThat(both).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
    assertThat(both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow().errorCode())
      .isEqualTo("IDEMPOTENCY_KEY_IN_USE");
  }

  @Test
  void a_missing_key_is_a_400_and_a_5xx_releases_the_key_for_a_retry() {
    String key = UUID.randomUUID().toString();

    Response missing = http.post("/orders", new JsonObject().put("item", "kurta"), headers(null));
    Response failed = http.post("/orders", new JsonObject().put("item", "kurta").put("fail", true), headers(key));
    Response retried = http.post("/orders", new JsonObject().put("item", "kurta").put("fail", true), headers(key));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(retried.status()).as("not a 409: the key was released").isEqualTo(500);
  }
}
