package com.bazaar.gateway.cache;

import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.cache.SingleFlight;
import com.bazaar.platform.redis.SharedRedis;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The gateway's shared response cache, one per process: a near cache of a second or so in memory, then Redis
 * with the operation's TTL. Keys carry the domain's version, so a write retires them all at once. Concurrent
 * misses of one key make one backend call per process, and a hit may refresh its key early (XFetch, see
 * {@link CachedResponse#refreshDue}) so a hot key does not expire under load.
 * <p>
 * Memory is bounded by design. An answer reaches Redis only when its key is asked for a second time within
 * {@code admissionWindowSec} (one-off URLs, such as a random price filter, stay in the near cache, which holds at
 * most {@code nearMaxEntries}), and it is stored gzipped. Each stored answer also keeps a last-good copy for {@code staleTtlSec}, served when the service is down;
 * that copy carries the domain version too, so after any write it is never served, and a deleted product cannot
 * come back. The key prefixes name the stored format ({@link CachedResponse#encode}); change them when it changes.
 */
final class ResponseCache {
  record Fetched(BusReply reply, CachedResponse cached) {
  }

  private final SharedRedis redis;
  private final boolean enabled;
  private final int maxBodyBytes;
  private final int staleTtlSec;
  private final double earlyRefreshBeta;
  private final int gzipLevel;
  private final int gzipMinBytes;
  private final DomainVersions versions;
  private final Cache<String, CachedResponse> near;
  private final Cache<String, Boolean> askedOnce;
  private final SingleFlight<Fetched> flights = new SingleFlight<>();

  ResponseCache(Vertx vertx, SharedRedis redis, SharedRedis versionStore, JsonObject settings, List<String> domains,
                int gzipLevel, int gzipMinBytes) {
    this.redis = redis;
    this.enabled = settings.getBoolean("enabled");
    this.maxBodyBytes = settings.getInteger("maxBodyBytes");
    this.staleTtlSec = settings.getInteger("staleTtlSec");
    this.earlyRefreshBeta = settings.getDouble("earlyRefreshBeta");
    this.gzipLevel = gzipLevel;
    this.gzipMinBytes = gzipMinBytes;
    this.versions = new DomainVersions(vertx, versionStore, domains, settings.getLong("versionRefreshMs"));
    this.near = Caffeine.newBuilder().maximumSize(settings.getLong("nearMaxEntries"))
      .expireAfterWrite(Duration.ofMillis(settings.getLong("nearTtlMs"))).executor(Runnable::run).build();
    this.askedOnce = Caffeine.newBuilder().maximumSize(settings.getLong("admissionMaxKeys"))
      .expireAfterWrite(Duration.ofSeconds(settings.getLong("admissionWindowSec"))).executor(Runnable::run).build();
  }

  Future<Void> start() {
    return versions.start();
  }

  boolean enabled() {
    return enabled;
  }

  String key(String domain, String resource) {
    return "rc3:" + domain + ":" + versions.current(domain) + ":" + resource;
  }

  private static String staleKey(String key) {
    return "rcs3:" + key;
  }

  CachedResponse near(String key) {
    CachedResponse hit = near.getIfPresent(key);
    return hit != null && hit.fresh() ? hit : null;
  }

  /** A fresh copy from Redis, or null; never fails (a Redis problem is a miss). */
  Future<CachedResponse> shared(String key) {
    return get(key).map(found -> {
      if (found != null && found.fresh()) {
        near.put(key, found);
        return found;
      }
      return null;
    });
  }

  /**
   * Asks the backend once per process for all concurrent misses of the key. A 200 answer goes into this process's
   * bounded memory at once (a later flight for the key finds it there) and, once the key is admitted, into Redis in
   * one pipelined write, without the caller waiting.
   */
  Future<Fetched> fill(String key, int ttlSec, Supplier<Future<BusReply>> backend) {
    return flights.load(key, () -> {
      CachedResponse raced = near(key);
      if (raced != null) {
        return Future.succeededFuture(new Fetched(new BusReply(200, raced.raw()), raced));
      }
      return load(key, ttlSec, backend);
    });
  }

  /** Whether a hit on this entry should refresh its key ahead of expiry; see {@link CachedResponse#refreshDue}. */
  boolean refreshDue(CachedResponse hit) {
    return hit.refreshDue(earlyRefreshBeta);
  }

  /** Replaces a still-fresh entry from the backend, once per process however many hits ask. */
  Future<Fetched> refresh(String key, int ttlSec, Supplier<Future<BusReply>> backend) {
    return flights.load(key, () -> load(key, ttlSec, backend));
  }

  private Future<Fetched> load(String key, int ttlSec, Supplier<Future<BusReply>> backend) {
    long started = System.nanoTime();
    return backend.get().map(reply -> {
      if (reply.status() != 200 || reply.body().length() > maxBodyBytes) {
        return new Fetched(reply, null);
      }
      int computeMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000));
      CachedResponse cached = CachedResponse.of(reply.body(), ttlSec, gzipLevel, gzipMinBytes, computeMs);
      near.put(key, cached);
      if (admitted(key)) {
        Buffer encoded = cached.encode();
        redis.batch(List.of(
          Request.cmd(Command.SET).arg(key).arg(encoded).arg("EX").arg(ttlSec),
          Request.cmd(Command.SET).arg(staleKey(key)).arg(encoded).arg("EX").arg(staleTtlSec)));
      }
      return new Fetched(reply, cached);
    });
  }

  /** True from the second time a key is asked for within the admission window. */
  private boolean admitted(String key) {
    return askedOnce.asMap().putIfAbsent(key, Boolean.TRUE) != null;
  }

  /** The last good answer for the key at the current domain version, whatever its age within staleTtlSec, or null. */
  Future<CachedResponse> stale(String key) {
    return get(staleKey(key));
  }

  private Future<CachedResponse> get(String key) {
    return redis.send(Request.cmd(Command.GET).arg(key))
      .map(response -> response == null ? null : CachedResponse.decode(response.toBuffer()))
      .otherwise((CachedResponse) null);
  }

  Future<Void> stop() {
    return versions.stop();
  }
}
