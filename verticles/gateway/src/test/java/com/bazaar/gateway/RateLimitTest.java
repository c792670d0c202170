package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import com.bazaar.platform.testing.TestStack;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {
  private static TestStack stack;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    stack = EdgeFixture.start();
    bindOk(stack);
    stack.deploy(GatewayVerticle::new, 2);
    http = stack.http();
  }

  @AfterAll
  static void stop() {
    http.close();
    stack.close();
  }

  /** Clears the buckets in Redis, then outwaits what the process may still hold of them (leaseMs). */
  @BeforeEach
  void forgetBuckets() throws InterruptedException {
    Request del = Request.cmd(Command.DEL);
    for (String policy : List.of("tight", "fast", "strict", "byEmail")) {
      del.arg("rl:" + policy + ":ip:127.0.0.1");
    }
    del.arg("rl:strict:email:a@b.test").arg("rl:byEmail:email:a@b.test");
    stack.platform().redis().send(del).await();
    Thread.sleep(stack.platform().config().getJsonObject("gateway").getJsonObject("rateLimits").getLong("leaseMs") + 20);
  }

  private static void bindOk(TestStack on) {
    new BusBindings(on.vertx().eventBus())
      .bind("edge.ok", request -> Future.succeededFuture(BusReply.ok(new JsonObject().put("ok", true)))).ready().await();
  }

  private static long allowed(List<Response> responses) {
    return responses.stream().filter(r -> r.status() == 200).count();
  }

  @Test
  void a_policy_of_10_per_minute_allows_10_of_30_requests_made_in_under_a_second() {
    List<Response> responses = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      responses.add(http.get("/limited"));
    }

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    assertThat(allowed(responses)).isBetween(9L, 11L);
    assertThat(responses.get(0).header("RateLimit-Policy")).isEqualTo("\"tight\";q=10;w=60");
    assertThat(responses.get(0).header("RateLimit")).startsWith("\"tight\";r=9;t=");
  }

  @Test
  void a_forwarded_header_from_a_peer_that_is_no_trusted_proxy_picks_no_fresh_bucket() {
    for (int i = 0; i < 10; i++) {
      http.get("/limited", Map.of("X-Forwarded-For", "198.51.100." + i));
    }

    assertThat(http.get("/limited", Map.of("X-Forwarded-For", "198.51.100.99", "Forwarded", "for=198.51.100.98"))
      .status()).isEqualTo(429);
  }

  @Test
  void invalid_requests_are_counted_too_so_a_flood_of_them_is_limited() {
    List<Response> responses = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      responses.add(http.get("/limited?n=not-a-number"));
    }

    assertThat(responses.stream().filter(r -> r.status() == 400).count()).isBetween(9L, 11L);
    assertThat(responses.stream().filter(r -> r.status() == 429).count()).isBetween(19L, 21L);
    assertThat(http.get("/limited").status()).as("valid requests share the spent bucket").isEqualTo(429);
  }

  @Test
  void an_email_keyed_policy_counts_a_request_without_an_email_under_its_client_address() {
    List<Response> withoutEmail = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      withoutEmail.add(http.post("/signin-by-email", new JsonObject()));
    }
    Response withEmail = http.post("/signin-by-email", new JsonObject().put("email", "A@B.test"));

    assertThat(withoutEmail).extracting(Response::status).containsExactly(200, 200, 429, 429, 429);
    assertThat(withoutEmail.get(4).errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(withEmail.status()).as("an email has its own bucket").isEqualTo(200);
  }

  @Test
  void a_busy_key_spends_leased_cells_and_asks_redis_once_per_lease_not_per_request() {
    double redisBefore = decisions("open", "redis");
    double leaseBefore = decisions("open", "lease");

    List<Response> responses = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      responses.add(http.get("/limited-open"));
    }

    assertThat(allowed(responses)).isEqualTo(100);
    double fromRedis = decisions("open", "redis") - redisBefore;
    double fromLeases = decisions("open", "lease") - leaseBefore;
    assertThat(fromRedis + fromLeases).isEqualTo(100);
    assertThat(fromRedis).as("Redis calls for 100 requests").isLessThan(25);
  }

  /** The count of the policy's decisions from one source, in the registry /metrics serves. */
  private static double decisions(String policy, String source) {
    return stack.platform().registry().find("bazaar.ratelimit.decisions").tag("policy", policy).tag("source", source)
      .counters().stream().mapToDouble(Counter::count).sum();
  }

  @Test
  void every_429_says_when_to_retry_and_a_request_after_that_passes() throws InterruptedException {
    http.get("/limited-fast");
    http.get("/limited-fast");

    Response refused = http.get("/limited-fast");
    Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 50);
    Response later = http.get("/limited-fast");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.header("RateLimit")).isEqualTo("\"fast\";r=0;t=1");
    assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"fast\";q=2;w=2");
    assertThat(later.status()).isEqualTo(200);
  }

  @Test
  void two_gateway_processes_share_one_limit() {
    try (TestStack other = stack.anotherProcess(EdgeFixture.env(), EdgeFixture.policies())) {
      bindOk(other);
      other.deploy(GatewayVerticle::new, 1);
      try (TestHttp otherHttp = other.http()) {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
          responses.add(http.get("/limited"));
          responses.add(otherHttp.get("/limited"));
        }

        assertThat(allowed(responses)).isBetween(9L, 11L);
      }
    }
  }

  @Test
  void without_redis_fail_open_routes_answer_at_once_and_strict_ones_fall_back_to_a_local_limit() {
    Map<String, String> env = new HashMap<>(EdgeFixture.env());
    env.put("BAZAAR_REDIS_URL", "redis://127.0.0.1:" + TestConfig.closedPort());
    try (TestStack noRedis = TestStack.start(env, EdgeFixture.policies())) {
      bindOk(noRedis);
      noRedis.deploy(GatewayVerticle::new, 1);
      try (TestHttp local = noRedis.http()) {
        local.get("/limited-open");
        long start = System.nanoTime();
        Response open = local.get("/limited-open");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        List<Response> strict = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          strict.add(local.post("/signin", new JsonObject().put("email", "a@b.test")));
        }

        assertThat(open.status()).isEqualTo(200);
        assertThat(elapsedMs).isLessThan(100);
        assertThat(strict.get(0).status()).isEqualTo(200);
        assertThat(strict.stream().filter(r -> r.status() == 429).count()).isGreaterThanOrEqualTo(3);
      }
    }
  }
}
