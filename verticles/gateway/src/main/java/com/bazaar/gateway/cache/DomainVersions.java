package com.bazaar.gateway.cache;

import com.bazaar.platform.cache.CacheDomains;
import com.bazaar.platform.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current cache version of each domain the contract caches, held in memory so that a cache lookup costs no
 * extra round trip. A bus notice updates it at once inside the cluster; a periodic read from Redis catches
 * processes outside it. Versions only go up.
 */
final class DomainVersions {
  private final Vertx vertx;
  private final SharedRedis redis;
  private final List<String> domains;
  private final long refreshMs;
  private final Map<String, Long> versions = new ConcurrentHashMap<>();
  private MessageConsumer<JsonObject> notices;
  private long timer = -1;

  DomainVersions(Vertx vertx, SharedRedis redis, List<String> domains, long refreshMs) {
    this.vertx = vertx;
    this.redis = redis;
    this.domains = domains;
    this.refreshMs = refreshMs;
  }

  Future<Void> start() {
    notices = vertx.eventBus().consumer(CacheDomains.CHANGED_ADDRESS,
      message -> raise(message.body().getString("domain"), message.body().getLong("version")));
    timer = vertx.setPeriodic(refreshMs, id -> refresh());
    return refresh();
  }

  Future<Void> stop() {
    vertx.cancelTimer(timer);
    return notices == null ? Future.succeededFuture() : notices.unregister();
  }

  long current(String domain) {
    return versions.getOrDefault(domain, 0L);
  }

  private Future<Void> refresh() {
    if (domains.isEmpty()) {
      return Future.succeededFuture();
    }
    Request mget = Request.cmd(Command.MGET);
    domains.forEach(d -> mget.arg(CacheDomains.versionKey(d)));
    return redis.send(mget).map(response -> {
      for (int i = 0; i < domains.size(); i++) {
        if (response.get(i) != null) {
          raise(domains.get(i), response.get(i).toLong());
        }
      }
      return (Void) null;
    }).otherwiseEmpty();
  }

  private void raise(String domain, Long version) {
    if (version != null) {
      versions.merge(domain, version, Math::max);
    }
  }
}
