package com.bazaar.platform.cache;

import com.bazaar.platform.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * Per-domain cache versions. A service bumps its domain's version after every committed write; response caches
 * put the version into their keys, so one write retires every cached list and detail of the domain at once,
 * with no key scans. The bump is stored in Redis (for every process) and announced on the bus (for this cluster,
 * at once).
 */
public final class CacheDomains {
  public static final String CATALOG = "catalog";
  public static final String PRICING = "pricing";
  /** Published: {@code {"domain","version"}}. */
  public static final String CHANGED_ADDRESS = "cache.domain.changed";

  private CacheDomains() {
  }

  public static String versionKey(String domain) {
    return "version:" + domain;
  }

  /** Best effort: when Redis is down the version is not bumped and cached responses age out with their TTL. */
  public static Future<Long> bump(SharedRedis redis, EventBus bus, String domain) {
    return redis.send(Request.cmd(Command.INCR).arg(versionKey(domain)))
      .map(response -> {
        long version = response.toLong();
        bus.publish(CHANGED_ADDRESS, new JsonObject().put("domain", domain).put("version", version));
        return version;
      })
      .otherwise((Long) null);
  }
}
