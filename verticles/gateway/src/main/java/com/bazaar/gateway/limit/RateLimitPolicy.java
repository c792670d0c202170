package com.bazaar.gateway.limit;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;

/**
 * A rate-limit policy from {@code gateway.rateLimits.policies}: {@code limit} requests per {@code periodSec}, with
 * up to {@code burst} at once, counted per key ({@code ip}, {@code user}, {@code email}, {@code email+ip}: the
 * pair; a comma list counts each
 * separately and a request must pass all). {@code failOpen} says what happens when Redis cannot be asked: allow,
 * or fall back to a stricter in-process limiter.
 */
public record RateLimitPolicy(String name, long limit, long periodSec, long burst, List<String> keys, boolean failOpen) {

  public static RateLimitPolicy from(String name, JsonObject json) {
    List<String> keys = Arrays.stream(json.getString("keys").split(",")).map(String::trim).toList();
    for (String key : keys) {
      if (!List.of("ip", "user", "email", "email+ip").contains(key)) {
        throw new IllegalArgumentException("Rate-limit policy " + name + ": unknown key " + key);
      }
    }
    return new RateLimitPolicy(name, json.getLong("limit"), json.getLong("periodSec"), json.getLong("burst"), keys,
      json.getBoolean("failOpen"));
  }

  /** Microseconds between requests at the sustained rate. */
  public long intervalMicros() {
    return Math.max(1, periodSec * 1_000_000 / limit);
  }

  /** The {@code RateLimit-Policy} header value (IETF httpapi draft): quota and window. */
  public String header() {
    return "\"" + name + "\";q=" + limit + ";w=" + periodSec;
  }
}
