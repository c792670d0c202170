package com.bazaar.platform.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether Redis is reachable: a breaker on the Redis client that tells "down" from "busy". A refused connection
 * marks it down at once. A command that times out, or a connection that breaks, only raises a suspicion: a probe
 * then PINGs on a fresh connection from a client of its own, outside the traffic's connections and queues, and
 * marks Redis down only if that does not answer. While down, a probe runs every {@code reconnectIntervalMs} until
 * one answers.
 */
final class RedisHealth {
  private static final Logger LOG = LoggerFactory.getLogger(RedisHealth.class);

  private final Vertx vertx;
  private final Redis client;
  private final RedisSettings settings;
  private final AtomicBoolean probing = new AtomicBoolean();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean up = true;
  private volatile boolean closed;

  RedisHealth(Vertx vertx, Redis client, RedisSettings settings) {
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
  }

  boolean up() {
    return up;
  }

  /** A connection was refused or could not be made: Redis is down. */
  void down(Throwable cause) {
    if (up) {
      up = false;
      LOG.warn("Redis at {} is down ({}); callers fall back until a probe answers", settings.url(), cause.toString());
    }
    scheduleProbe();
  }

  /** Something looked wrong on a working connection; a probe decides whether Redis is down or only busy. */
  void suspect() {
    probe();
  }

  void close() {
    closed = true;
    client.close();
  }

  private void scheduleProbe() {
    if (!closed && scheduled.compareAndSet(false, true)) {
      vertx.setTimer(settings.reconnectIntervalMs(), id -> {
        scheduled.set(false);
        probe();
      });
    }
  }

  private void probe() {
    if (closed || !probing.compareAndSet(false, true)) {
      return;
    }
    client.connect()
      .compose(connection -> connection.send(Request.cmd(Command.PING))
        .timeout(settings.probeTimeoutMs(), TimeUnit.MILLISECONDS)
        .eventually(connection::close))
      .timeout(settings.connectTimeoutMs() + settings.probeTimeoutMs(), TimeUnit.MILLISECONDS)
      .onComplete(ar -> {
        probing.set(false);
        if (ar.succeeded()) {
          if (!up) {
            LOG.info("Redis at {} answers again", settings.url());
          }
          up = true;
        } else {
          down(ar.cause());
        }
      });
  }
}
