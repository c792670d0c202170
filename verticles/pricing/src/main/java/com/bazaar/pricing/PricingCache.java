package com.bazaar.pricing;

import com.bazaar.platform.redis.RedisChannel;
import com.bazaar.platform.redis.RedisScript;
import com.bazaar.platform.redis.SharedRedis;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Pricing rows in three levels: this process's memory (near cache), Redis, then PostgreSQL, each asked only for
 * what the level above lacked: a whole cart costs at most one MGET and one SQL statement, and nothing when warm.
 * Every cached copy carries the row's version; Redis keeps a newer version over an older one (so a slow loader
 * cannot put back a price a PUT replaced), and a PUT's notice on a Redis channel drops the row from every
 * process's memory and fences out older copies still in flight.
 */
final class PricingCache {
  private static final String CHANNEL = "pricing:invalidate";
  private static final RedisScript SET_IF_NEWER = new RedisScript("""
    local current = redis.call('GET', KEYS[1])
    if current then
      local version = tonumber(string.match(current, '"version":(%d+)'))
      if version and version >= tonumber(ARGV[2]) then return 0 end
    end
    redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
    return 1""");

  interface Loader {
    Future<List<PricingRow>> load(UUID[] ids);
  }

  private final SharedRedis redis;
  private final RedisChannel channel;
  private final JsonObject settings;
  private final Cache<UUID, PricingRow> near;
  private final Cache<UUID, Integer> fences;
  private final Counter nearHits;
  private final Counter redisHits;
  private final Counter misses;

  PricingCache(io.vertx.core.Vertx vertx, SharedRedis redis, MeterRegistry registry, JsonObject settings) {
    this.redis = redis;
    this.settings = settings;
    this.channel = new RedisChannel(vertx, redis, CHANNEL);
    this.near = Caffeine.newBuilder().maximumSize(settings.getLong("nearCacheMaxEntries"))
      .expireAfterWrite(Duration.ofSeconds(settings.getInteger("nearCacheTtlSec"))).executor(Runnable::run).build();
    this.fences = Caffeine.newBuilder().maximumSize(settings.getLong("nearCacheMaxEntries"))
      .expireAfterWrite(Duration.ofSeconds(settings.getInteger("nearCacheTtlSec") * 2L)).executor(Runnable::run).build();
    this.nearHits = counter(registry, "near-hit");
    this.redisHits = counter(registry, "redis-hit");
    this.misses = counter(registry, "miss");
  }

  Future<Void> start() {
    return channel.subscribe(message -> {
      JsonObject notice = new JsonObject(message);
      UUID id = UUID.fromString(notice.getString("productId"));
      fences.asMap().merge(id, notice.getInteger("version"), Math::max);
      PricingRow held = near.getIfPresent(id);
      if (held != null && held.version() < notice.getInteger("version")) {
        near.invalidate(id);
      }
    });
  }

  Future<Void> close() {
    return channel.close();
  }

  /** The rows of the given products that have pricing; products without a row are absent from the map. */
  Future<Map<UUID, PricingRow>> getAll(Set<UUID> ids, Loader loader) {
    Map<UUID, PricingRow> found = new HashMap<>();
    List<UUID> wanted = new ArrayList<>();
    for (UUID id : ids) {
      PricingRow row = nearEnabled() ? near.getIfPresent(id) : null;
      if (row != null) {
        found.put(id, row);
        nearHits.increment();
      } else {
        wanted.add(id);
      }
    }
    if (wanted.isEmpty()) {
      return Future.succeededFuture(found);
    }
    return fromRedis(wanted).compose(cached -> {
      cached.values().forEach(row -> remember(row));
      found.putAll(cached);
      redisHits.increment(cached.size());
      List<UUID> missing = wanted.stream().filter(id -> !cached.containsKey(id)).toList();
      if (missing.isEmpty()) {
        return Future.succeededFuture(found);
      }
      misses.increment(missing.size());
      return loader.load(missing.toArray(UUID[]::new)).map(rows -> {
        rows.forEach(row -> {
          found.put(row.productId(), row);
          remember(row);
          store(row);
        });
        return found;
      });
    });
  }

  /** After a PUT: the new row replaces older copies in Redis and every process drops its copy. */
  Future<Void> replaced(PricingRow row) {
    fences.asMap().merge(row.productId(), row.version(), Math::max);
    near.invalidate(row.productId());
    return store(row).compose(v -> channel.publish(new JsonObject().put("productId", row.productId().toString())
      .put("version", row.version()).encode())).otherwiseEmpty();
  }

  private Future<Map<UUID, PricingRow>> fromRedis(List<UUID> ids) {
    if (!settings.getBoolean("cacheEnabled")) {
      return Future.succeededFuture(Map.of());
    }
    Request mget = Request.cmd(Command.MGET);
    ids.forEach(id -> mget.arg(key(id)));
    return redis.send(mget).map(response -> {
      Map<UUID, PricingRow> rows = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        Response value = response.get(i);
        if (value != null) {
          rows.put(ids.get(i), PricingRow.fromCacheJson(new JsonObject(value.toString())));
        }
      }
      return rows;
    }).otherwise(failure -> Map.of());
  }

  private void remember(PricingRow row) {
    Integer fence = fences.getIfPresent(row.productId());
    if (nearEnabled() && (fence == null || row.version() >= fence)) {
      near.put(row.productId(), row);
    }
  }

  private Future<Void> store(PricingRow row) {
    if (!settings.getBoolean("cacheEnabled")) {
      return Future.succeededFuture();
    }
    return SET_IF_NEWER.run(redis, List.of(key(row.productId())),
      List.of(row.toCacheJson().encode(), String.valueOf(row.version()), String.valueOf(settings.getInteger("cacheTtlSec"))))
      .<Void>mapEmpty().otherwiseEmpty();
  }

  private boolean nearEnabled() {
    return settings.getBoolean("nearCacheEnabled");
  }

  private static String key(UUID productId) {
    return "pricing:" + productId;
  }

  private static Counter counter(MeterRegistry registry, String result) {
    return Counter.builder("bazaar.cache.requests").tag("cache", "pricing").tag("result", result).register(registry);
  }
}
