package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XFetch early refresh with a beta so large that every hit is "near expiry": the hit is served from the cache at
 * once, and the backend is asked in the background for the next answer. (With the default beta a hit 30 s from
 * expiry never refreshes; ResponseCacheTest counts one backend call for a miss and a hit.)
 */
class EarlyRefreshTest {
  private static final AtomicInteger calls = new AtomicInteger();
  private static TestStack stack;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    Map<String, String> env = EdgeFixture.env();
    env.put("BAZAAR_GATEWAY_RESPONSE_CACHE_EARLY_REFRESH_BETA", "1000000");
    stack = TestStack.start(env, EdgeFixture.policies());
    new BusBindings(stack.vertx().eventBus()).bind("edge.cached", request -> {
      int call = calls.incrementAndGet();
      Promise<BusReply> reply = Promise.promise();
      stack.vertx().setTimer(20, t -> reply.complete(BusReply.ok(new JsonObject().put("call", call))));
      return reply.future();
    }).ready().await();
    stack.deploy(GatewayVerticle::new, 1);
    http = stack.http();
  }

  @AfterAll
  static void stop() {
    http.close();
    stack.close();
  }

  @Test
  void a_hit_near_expiry_is_served_from_the_cache_and_refreshes_it_in_the_background() throws InterruptedException {
    Response miss = http.get("/cached/hot");
    assertThat(miss.header("X-Cache")).isEqualTo("MISS");
    assertThat(miss.json().getInteger("call")).isEqualTo(1);

    Response hit = http.get("/cached/hot");
    assertThat(hit.header("X-Cache")).isEqualTo("HIT");
    assertThat(hit.json().getInteger("call")).as("served from the cache, not after the refresh").isEqualTo(1);

    List<String> outcomes = new ArrayList<>();
    Response later = hit;
    long deadline = System.currentTimeMillis() + 5_000;
    while (later.json().getInteger("call") < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      later = http.get("/cached/hot");
      outcomes.add(later.header("X-Cache"));
    }
    assertThat(later.json().getInteger("call")).as("the refreshed answer replaced the cached one").isGreaterThanOrEqualTo(2);
    assertThat(outcomes).as("no reader waited for the backend").containsOnly("HIT");
  }
}
