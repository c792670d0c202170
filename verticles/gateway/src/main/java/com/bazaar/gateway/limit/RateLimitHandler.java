package com.bazaar.gateway.limit;

import com.bazaar.gateway.contract.ValidatedRequest;
import com.bazaar.gateway.http.RequestState;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies an operation's {@code x-bazaar-rate-limit} policy. Every request is counted under every key of the
 * policy: a request that lacks what a key names (an {@code email} policy and a body without one) is counted under
 * its client address in that policy instead, never let through uncounted. Allowed responses carry
 * {@code RateLimit-Policy} and {@code RateLimit}; a refusal is 429 with {@code Retry-After} and the standard body.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {
  private final RateLimiter limiter;
  private final RateLimitPolicy policy;

  public RateLimitHandler(RateLimiter limiter, RateLimitPolicy policy) {
    this.limiter = limiter;
    this.policy = policy;
  }

  @Override
  public void handle(RoutingContext rc) {
    List<String> keys = keys(rc);
    limiter.check(policy, keys).onComplete(ar -> {
      RateLimitDecision decision = ar.result();
      rc.response().putHeader("RateLimit-Policy", policy.header());
      if (decision.allowed()) {
        if (!decision.fallback()) {
          rc.response().putHeader("RateLimit", "\"" + policy.name() + "\";r=" + decision.remaining() + ";t=" + decision.resetSec());
        }
        rc.next();
      } else {
        rc.response().putHeader("RateLimit", "\"" + policy.name() + "\";r=0;t=" + decision.retryAfterSec());
        rc.response().putHeader("Retry-After", Long.toString(decision.retryAfterSec()));
        rc.fail(new ApiError(429, "RATE_LIMITED", "Too many requests; retry in " + decision.retryAfterSec() + " s",
          new JsonObject().put("policy", policy.name()).put("retryAfterSeconds", decision.retryAfterSec())));
      }
    });
  }

  private List<String> keys(RoutingContext rc) {
    List<String> keys = new ArrayList<>(policy.keys().size());
    String prefix = "rl:" + policy.name() + ":";
    Principal principal = RequestState.principal(rc);
    for (String kind : policy.keys()) {
      switch (kind) {
        case "user" -> keys.add(prefix + (principal.isAnonymous() ? "ip:" + ip(rc) : "user:" + principal.userId()));
        case "email" -> {
          ValidatedRequest input = RequestState.validated(rc);
          keys.add(prefix + (input != null && input.body() instanceof JsonObject body
            && body.getValue("email") instanceof String email
            ? "email:" + email.trim().toLowerCase(Locale.ROOT) : "ip:" + ip(rc)));
        }
        default -> keys.add(prefix + "ip:" + ip(rc));
      }
    }
    return keys;
  }

  private static String ip(RoutingContext rc) {
    return rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
  }
}
