package com.bazaar.sharelink;

import com.bazaar.platform.redis.RedisChannel;
import com.bazaar.platform.redis.SharedRedis;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Resolved links in two levels. This process's memory holds the finished answer (the link with its product at the
 * seller's price, encoded once); Redis holds the link row for every process. A link write drops both and tells every
 * process on a Redis channel; a product change (on the bus) drops that product's answers; a pricing change drops
 * them all. Nothing here waits for a write.
 */
final class ResolveCache {
  private static final String CHANNEL = "sharelink:invalidate";

  /** A finished answer: the link (for its state), its product's slug (null when it is not sold) and the body. */
  record Resolved(ShareLink link, String productSlug, Buffer body) {
  }

  private final SharedRedis redis;
  private final RedisChannel channel;
  private final ShareLinkSettings settings;
  private final Cache<String, Resolved> near;
  private final Counter nearHits;
  private final Counter redisHits;
  private final Counter misses;

  ResolveCache(Vertx vertx, SharedRedis redis, ShareLinkSettings settings, MeterRegistry registry) {
    this.redis = redis;
    this.settings = settings;
    this.channel = new RedisChannel(vertx, redis, CHANNEL);
    this.near = Caffeine.newBuilder().maximumSize(settings.nearCacheMaxEntries())
      .expireAfterWrite(Duration.ofSeconds(settings.nearCacheTtlSec())).executor(Runnable::run).build();
    this.nearHits = counter(registry, "near-hit");
    this.redisHits = counter(registry, "redis-hit");
    this.misses = counter(registry, "miss");
  }

  Future<Void> start() {
    return channel.subscribe(near::invalidate);
  }

  Resolved near(String code) {
    Resolved resolved = near.getIfPresent(code);
    if (resolved != null) {
      nearHits.increment();
    }
    return resolved;
  }

  void remember(Resolved resolved) {
    near.put(resolved.link().code(), resolved);
  }

  /** The link row: from Redis, else from {@code load} (then stored); null when there is no such link. */
  Future<ShareLink> link(String code, Supplier<Future<ShareLink>> load) {
    return redis.send(Request.cmd(Command.GET).arg(key(code)))
      .map(value -> value == null ? null : ShareLink.fromCacheJson(new JsonObject(value.toString())))
      .otherwise((ShareLink) null)
      .compose(cached -> {
        if (cached != null) {
          redisHits.increment();
          return Future.succeededFuture(cached);
        }
        misses.increment();
        return load.get().onSuccess(loaded -> {
          if (loaded != null) {
            // NX: a row loaded before a write must not replace the one the write stored.
            redis.send(Request.cmd(Command.SET).arg(key(code)).arg(loaded.toCacheJson().encode())
              .arg("EX").arg(settings.redisTtlSec()).arg("NX"));
          }
        });
      });
  }

  /**
   * After a committed write of the link: Redis gets the new row and every process forgets its answer. An answer
   * assembled from the old row while the write ran can survive in one process's memory for at most
   * {@code nearCacheTtlSec}.
   */
  Future<Void> linkChanged(ShareLink updated) {
    near.invalidate(updated.code());
    return redis.send(Request.cmd(Command.SET).arg(key(updated.code())).arg(updated.toCacheJson().encode())
        .arg("EX").arg(settings.redisTtlSec()))
      .<Void>mapEmpty().otherwiseEmpty()
      .compose(v -> channel.publish(updated.code())).otherwiseEmpty();
  }

  void productsChanged(Collection<UUID> productIds) {
    near.asMap().values().removeIf(resolved -> productIds.contains(resolved.link().productId()));
  }

  void everythingChanged() {
    near.invalidateAll();
  }

  private static String key(String code) {
    return "sharelink:link:" + code;
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("bazaar.sharelink.resolve.cache").tag("outcome", outcome).register(registry);
  }
}
