package com.bazaar.platform.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One multiplexed Redis connection per event loop. Commands from a request are written on the connection of the
 * event loop that handles it and pipelined there, so there is no lease, no pool queue and no thread hop; a busy
 * event loop has as many commands in flight as it needs. A connection that breaks is dropped and made again on
 * the next command. Callers off an event loop (workers, tests) share one more connection.
 */
final class RedisLanes {
  private final Redis client;
  private final RedisHealth health;
  private final Map<Thread, Lane> byThread = new ConcurrentHashMap<>();
  private final Lane shared;

  RedisLanes(Redis client, RedisHealth health) {
    this.client = client;
    this.health = health;
    this.shared = new Lane();
  }

  /** The connection of the calling event loop, connected on first use. */
  Future<RedisConnection> connection() {
    Lane lane = Context.isOnEventLoopThread() ? byThread.computeIfAbsent(Thread.currentThread(), t -> new Lane()) : shared;
    return lane.connection();
  }

  void close() {
    byThread.values().forEach(Lane::close);
    shared.close();
  }

  private final class Lane {
    private Future<RedisConnection> connection;

    synchronized Future<RedisConnection> connection() {
      if (connection == null || connection.failed()) {
        Future<RedisConnection> connecting = client.connect();
        connection = connecting;
        connecting.onSuccess(c -> {
          c.exceptionHandler(e -> dropped(connecting));
          c.endHandler(v -> dropped(connecting));
        }).onFailure(health::down);
      }
      return connection;
    }

    private synchronized void dropped(Future<RedisConnection> broken) {
      if (connection == broken) {
        connection = null;
        health.suspect();
      }
    }

    synchronized void close() {
      if (connection != null) {
        connection.onSuccess(RedisConnection::close);
        connection = null;
      }
    }
  }
}
