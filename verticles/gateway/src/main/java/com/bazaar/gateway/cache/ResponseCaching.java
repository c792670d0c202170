package com.bazaar.gateway.cache;

import com.bazaar.gateway.http.BusForwarder;
import com.bazaar.platform.redis.SharedRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** The response cache of one process, and the handlers of its cacheable operations. */
public final class ResponseCaching {
  /** The gzip level that means compression is off: no gzip form is kept, and none is served. */
  public static final int NO_GZIP = -1;

  private final ResponseCache cache;
  private final MeterRegistry registry;

  /**
   * @param redis where answers are stored: the main Redis, or one of the cache's own
   * @param versions the main Redis, which holds the domain versions
   */
  public ResponseCaching(Vertx vertx, SharedRedis redis, SharedRedis versions, JsonObject settings, List<String> domains,
                         int gzipLevel, int gzipMinBytes, MeterRegistry registry) {
    this.cache = new ResponseCache(vertx, redis, versions, settings, domains, gzipLevel, gzipMinBytes);
    this.registry = registry;
  }

  public Future<Void> start() {
    return cache.start();
  }

  public Future<Void> stop() {
    return cache.stop();
  }

  public Handler<RoutingContext> handler(BusForwarder forwarder, String domain, int ttlSec,
                                         boolean sharedWithSignedIn, String operationId) {
    return new ResponseCacheHandler(cache, forwarder, domain, ttlSec, sharedWithSignedIn, operationId, registry);
  }
}
