package com.bazaar.gateway.auth;

import com.bazaar.platform.auth.AuthContract;
import com.bazaar.platform.metrics.Degradations;
import com.bazaar.platform.redis.RedisUnavailable;
import com.bazaar.platform.redis.SharedRedis;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Whether a user's token was revoked after it was issued: the user's "not before" time from Redis, kept in a
 * near cache for a few seconds and updated at once by the auth service's bus notices. Only when Redis is down
 * ({@link RedisUnavailable}) does the check fail open (the token's signature and expiry still hold), counted and
 * logged; when Redis is merely slow the request is shed with 503, so a revoked token is never accepted under load.
 */
final class RevocationCheck {
  private static final Logger LOG = LoggerFactory.getLogger(RevocationCheck.class);
  private static final double NONE = 0;
  private static final long WARN_EVERY_MS = 10_000;

  private final SharedRedis redis;
  private final Degradations degradations;
  private final Cache<String, Double> notBefore;
  private final MessageConsumer<JsonObject> notices;
  private long lastWarning;

  RevocationCheck(Vertx vertx, SharedRedis redis, Degradations degradations, int cacheMs) {
    this.redis = redis;
    this.degradations = degradations;
    this.notBefore = Caffeine.newBuilder().expireAfterWrite(Duration.ofMillis(cacheMs)).maximumSize(100_000)
      .executor(Runnable::run).build();
    this.notices = vertx.eventBus().consumer(AuthContract.REVOCATIONS_ADDRESS, message -> notBefore.put(
      message.body().getString("userId"), message.body().getDouble("notBefore")));
  }

  /** True when the token issued at {@code issuedAt} (epoch seconds) was revoked afterwards. */
  Future<Boolean> isRevoked(String userId, double issuedAt) {
    Double cached = notBefore.getIfPresent(userId);
    if (cached != null) {
      return Future.succeededFuture(issuedAt < cached);
    }
    return redis.send(Request.cmd(Command.GET).arg(AuthContract.notBeforeKey(userId)))
      .map(response -> {
        double value = response == null ? NONE : Double.parseDouble(response.toString());
        notBefore.put(userId, value);
        return issuedAt < value;
      })
      .recover(failure -> {
        if (!(failure instanceof RedisUnavailable)) {
          degradations.count(Degradations.Decision.SHED);
          return Future.failedFuture(failure);
        }
        degradations.count(Degradations.Decision.REVOCATION_SKIPPED);
        long now = System.currentTimeMillis();
        if (now - lastWarning > WARN_EVERY_MS) {
          lastWarning = now;
          LOG.warn("Revocation check skipped, Redis unavailable ({}): accepting signed, unexpired tokens", failure.toString());
        }
        return Future.succeededFuture(false);
      });
  }

  Future<Void> stop() {
    return notices.unregister();
  }
}
