package com.bazaar.gateway.limit;

import com.bazaar.gateway.http.ClientAddresses;
import com.bazaar.gateway.http.RequestState;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies an operation's {@code x-bazaar-rate-limit} policy, before the request is validated. Every request is
 * counted under every key of the policy: a request that lacks what a key names (an {@code email} policy and a body
 * without one) is counted under its client address in that policy instead, never let through uncounted. Allowed responses carry
 * {@code RateLimit-Policy} and {@code RateLimit}; a refusal is 429 with {@code Retry-After} and the standard body.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {
  private final RateLimiter limiter;
  private final RateLimitPolicy policy;

  private static final CharSequence POLICY_HEADER = HttpHeaders.createOptimized("RateLimit-Policy");
  private static final CharSequence LIMIT_HEADER = HttpHeaders.createOptimized("RateLimit");

  private final CharSequence policyValue;
  private final String keyPrefix;
  private final String limitPrefix;

  public RateLimitHandler(RateLimiter limiter, RateLimitPolicy policy) {
    this.limiter = limiter;
    this.policy = policy;
    this.policyValue = HttpHeaders.createOptimized(policy.header());
    this.keyPrefix = "rl:" + policy.name() + ":";
    this.limitPrefix = "\"" + policy.name() + "\";r=";
  }

  @Override
  public void handle(RoutingContext rc) {
    List<String> keys = keys(rc);
    limiter.check(policy, keys).onComplete(ar -> {
      if (ar.failed()) {
        rc.fail(ar.cause());
        return;
      }
      RateLimitDecision decision = ar.result();
      rc.response().putHeader(POLICY_HEADER, policyValue);
      if (decision.allowed()) {
        if (!decision.fallback()) {
          rc.response().putHeader(LIMIT_HEADER, limitPrefix + decision.remaining() + ";t=" + decision.resetSec());
        }
        rc.next();
      } else {
        rc.response().putHeader(LIMIT_HEADER, limitPrefix + "0;t=" + decision.retryAfterSec());
        rc.response().putHeader("Retry-After", Long.toString(decision.retryAfterSec()));
        rc.fail(new ApiError(429, "RATE_LIMITED", "Too many requests; retry in " + decision.retryAfterSec() + " s",
          new JsonObject().put("policy", policy.name()).put("retryAfterSeconds", decision.retryAfterSec())));
      }
    });
  }

  private List<String> keys(RoutingContext rc) {
    if (policy.keys().size() == 1 && policy.keys().get(0).equals("ip")) {
      return List.of(keyPrefix + "ip:" + ip(rc));
    }
    List<String> keys = new ArrayList<>(policy.keys().size());
    String prefix = keyPrefix;
    Principal principal = RequestState.principal(rc);
    for (String kind : policy.keys()) {
      switch (kind) {
        case "user" -> keys.add(prefix + (principal.isAnonymous() ? "ip:" + ip(rc) : "user:" + principal.userId()));
        case "email" -> keys.add(prefix + emailOrIp(rc));
        case "email+ip" -> keys.add(prefix + emailOrIp(rc) + ":ip:" + ip(rc));
        default -> keys.add(prefix + "ip:" + ip(rc));
      }
    }
    return keys;
  }

  /**
   * The request's email, normalised, or its client address when it has none. The limit comes before validation, so
   * the body is read leniently here: a body that is not a JSON object counts under the address.
   */
  private static String emailOrIp(RoutingContext rc) {
    return rc.body().buffer() != null && rc.body().length() > 0 && jsonObject(rc) instanceof JsonObject body
      && body.getValue("email") instanceof String email
      ? "email:" + email.trim().toLowerCase(Locale.ROOT) : "ip:" + ip(rc);
  }

  private static Object jsonObject(RoutingContext rc) {
    try {
      return rc.body().asJsonObject();
    } catch (RuntimeException notAnObject) {
      return null;
    }
  }

  private static String ip(RoutingContext rc) {
    return ClientAddresses.of(rc);
  }
}
