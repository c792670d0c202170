package com.bazaar.gateway;

import com.bazaar.platform.testing.TestKeys;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/** A gateway on the edge test contract, with test rate-limit policies and a fixed verification key. */
final class EdgeFixture {
  static final TestKeys KEYS = TestKeys.generate("edge-key");

  private EdgeFixture() {
  }

  static Map<String, String> env() {
    Map<String, String> env = new HashMap<>(KEYS.env());
    env.put("BAZAAR_HTTP_CONTRACT", "edge-openapi.yaml");
    env.put("BAZAAR_BREAKERS_MAX_FAILURES", "3");
    env.put("BAZAAR_BREAKERS_RESET_TIMEOUT_MS", "700");
    env.put("BAZAAR_HTTP_BUS_TIMEOUT_MS", "2000");
    env.put("BAZAAR_GATEWAY_IDEMPOTENCY_WAIT_MS", "1000");
    return env;
  }

  static JsonObject policies() {
    return new JsonObject().put("gateway", new JsonObject().put("rateLimits", new JsonObject().put("policies", new JsonObject()
      .put("tight", policy(10, 60, 10, "ip", true))
      .put("fast", policy(2, 2, 2, "ip", true))
      .put("open", policy(100000, 1, 100000, "ip", true))
      .put("strict", policy(3, 60, 3, "ip,email", false))
      .put("byEmail", policy(2, 60, 2, "email", false)))));
  }

  static TestStack start() {
    return TestStack.start(env(), policies());
  }

  private static JsonObject policy(long limit, long periodSec, long burst, String keys, boolean failOpen) {
    return new JsonObject().put("limit", limit).put("periodSec", periodSec).put("burst", burst).put("keys", keys)
      .put("failOpen", failOpen);
  }
}
