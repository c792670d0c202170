package com.bazaar.gateway.limit;

import com.bazaar.platform.metrics.Degradations;
import com.bazaar.platform.redis.RedisBusy;
import com.bazaar.platform.redis.RedisUnavailable;
import com.bazaar.platform.redis.SharedRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configured policies over the distributed limiter, with the fallback when Redis is down: fail-open policies
 * allow, the others use the in-process limiter. Counts allowed and rejected decisions per policy and source
 * (redis, lease, fallback), and every degraded decision.
 */
public final class RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

  private final boolean enabled;
  private final Map<String, RateLimitPolicy> policies = new HashMap<>();
  private final RedisRateLimiter redis;
  private final LocalRateLimiter local;
  private final Map<String, Counter[]> counters = new HashMap<>();
  private final Degradations degradations;
  private volatile long lastWarning;

  public RateLimiter(JsonObject settings, SharedRedis redis, MeterRegistry registry, Degradations degradations) {
    this.degradations = degradations;
    this.enabled = settings.getBoolean("enabled");
    settings.getJsonObject("policies").forEach(e -> {
      RateLimitPolicy policy = RateLimitPolicy.from(e.getKey(), (JsonObject) e.getValue());
      policies.put(policy.name(), policy);
      counters.put(policy.name(), counters(policy, registry));
    });
    this.redis = new RedisRateLimiter(redis, settings.getLong("redisTimeoutMs"),
      new LeasedGrants(settings.getInteger("leaseMaxTokens"), settings.getLong("leaseMs")));
    this.local = new LocalRateLimiter(settings.getDouble("fallbackFraction"));
  }

  public boolean enabled() {
    return enabled;
  }

  /** The named policy; a contract naming an unknown one fails at start. */
  public RateLimitPolicy policy(String name) {
    RateLimitPolicy policy = policies.get(name);
    if (policy == null) {
      throw new IllegalArgumentException("x-bazaar-rate-limit names unknown policy '" + name + "'; known: " + policies.keySet());
    }
    return policy;
  }

  /**
   * The decision for a request. Only when Redis is down ({@link RedisUnavailable}) does a policy fall back: a
   * fail-open one allows, a strict one limits in this process. When Redis is reachable but slow the request is
   * shed ({@link RedisBusy}, 503), so a limit never weakens because the system is busy.
   */
  public Future<RateLimitDecision> check(RateLimitPolicy policy, List<String> keys) {
    return redis.check(policy, keys)
      .recover(failure -> {
        if (!(failure instanceof RedisUnavailable)) {
          degradations.count(Degradations.Decision.SHED);
          return Future.failedFuture(failure instanceof RedisBusy ? failure : new RedisBusy(failure.toString()));
        }
        warnFallback(failure);
        degradations.count(policy.failOpen() ? Degradations.Decision.RATE_LIMIT_FAIL_OPEN
          : Degradations.Decision.RATE_LIMIT_LOCAL_FALLBACK);
        return Future.succeededFuture(policy.failOpen() ? new RateLimitDecision(true, 0, 0, 0, RateLimitDecision.Source.FALLBACK)
          : local.check(policy, keys));
      })
      .onSuccess(decision -> count(policy, decision));
  }

  private void count(RateLimitPolicy policy, RateLimitDecision decision) {
    int sources = RateLimitDecision.Source.values().length;
    counters.get(policy.name())[(decision.allowed() ? sources : 0) + decision.source().ordinal()].increment();
  }

  /** A policy's decision counters, registered once: rejected then allowed, each by source. */
  private static Counter[] counters(RateLimitPolicy policy, MeterRegistry registry) {
    RateLimitDecision.Source[] sources = RateLimitDecision.Source.values();
    Counter[] counters = new Counter[sources.length * 2];
    for (int allowed = 0; allowed < 2; allowed++) {
      for (RateLimitDecision.Source source : sources) {
        counters[allowed * sources.length + source.ordinal()] = Counter.builder("bazaar.ratelimit.decisions")
          .tag("policy", policy.name()).tag("result", allowed == 1 ? "allowed" : "rejected")
          .tag("source", source.name().toLowerCase(Locale.ROOT)).register(registry);
      }
    }
    return counters;
  }

  private void warnFallback(Throwable failure) {
    long now = System.currentTimeMillis();
    if (now - lastWarning > 10_000) {
      lastWarning = now;
      LOG.warn("Rate limiting without Redis ({}): fail-open policies allow, the others limit per instance",
        failure.toString());
    }
  }
}
