package com.bazaar.platform.health;

import com.bazaar.platform.amqp.Broker;
import com.bazaar.platform.db.PgPools;
import com.bazaar.platform.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;

/** Pings PostgreSQL, Redis and RabbitMQ and says which is down. */
public final class ReadinessProbe {
  private static final long PING_TIMEOUT_MS = 1000;

  private final PgPools pg;
  private final SharedRedis redis;
  private final Broker broker;

  public ReadinessProbe(PgPools pg, SharedRedis redis, Broker broker) {
    this.pg = pg;
    this.redis = redis;
    this.broker = broker;
  }

  public record Readiness(boolean ready, JsonObject body) {
  }

  public Future<Readiness> check() {
    Future<String> postgres = status(pg.ping());
    Future<String> cache = status(redis.ping(PING_TIMEOUT_MS));
    Future<String> rabbitmq = Future.succeededFuture(broker.isConnected() ? "UP" : "DOWN");
    return Future.join(postgres, cache, rabbitmq).transform(ignored -> {
      JsonObject checks = new JsonObject()
        .put("postgres", postgres.result())
        .put("redis", cache.result())
        .put("rabbitmq", rabbitmq.result());
      boolean ready = checks.stream().allMatch(e -> "UP".equals(e.getValue()));
      return Future.succeededFuture(new Readiness(ready,
        new JsonObject().put("status", ready ? "UP" : "DOWN").put("checks", checks)));
    });
  }

  private static Future<String> status(Future<Void> ping) {
    return ping.timeout(PING_TIMEOUT_MS, TimeUnit.MILLISECONDS).map("UP").otherwise("DOWN");
  }
}
