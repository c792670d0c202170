package com.bazaar.platform.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process-wide Redis client. Every command is bounded by a timeout, and every failure is one of two kinds:
 * {@link RedisUnavailable} when Redis cannot be reached (callers may fall back), or {@link RedisBusy} when it is
 * reachable but did not answer in time (callers shed the request and never weaken a check). {@link RedisHealth}
 * tells the two apart. Error replies of Redis itself (such as NOSCRIPT) pass through unchanged.
 * <p>
 * Commands are pipelined on one connection per event loop ({@link RedisLanes}). The Vert.x client's pooled
 * {@code send} leases a connection per command, so at most {@code poolSize} commands are ever in flight and the
 * rest queue; under 64 HTTP connections that queue overflowed ("max wait queue size") and turned load into an
 * apparent outage. {@code redis.pipelined=false} keeps that mode, to measure the difference.
 */
public final class SharedRedis {
  private final Redis client;
  private final RedisSettings settings;
  private final RedisHealth health;
  private final RedisLanes lanes;

  public SharedRedis(Vertx vertx, RedisSettings settings) {
    this.settings = settings;
    this.client = Redis.createClient(vertx, options(settings));
    this.health = new RedisHealth(vertx, Redis.createClient(vertx, options(settings).setMaxPoolSize(1)), settings);
    this.lanes = settings.pipelined() ? new RedisLanes(client, health) : null;
  }

  private static RedisOptions options(RedisSettings settings) {
    return new RedisOptions()
      .setConnectionString(settings.url())
      .setMaxPoolSize(settings.poolSize())
      .setMaxPoolWaiting(settings.maxWaiting())
      .setMaxWaitingHandlers(settings.maxWaiting() * 4)
      .setNetClientOptions(new NetClientOptions()
        .setConnectTimeout(settings.connectTimeoutMs())
        .setTcpNoDelay(true)
        .setTcpKeepAlive(true));
  }

  public Future<Response> send(Request request) {
    return send(request, settings.timeoutMs());
  }

  public Future<Response> send(Request request, long timeoutMs) {
    if (!health.up()) {
      return Future.failedFuture(new RedisUnavailable("Redis at " + settings.url() + " is down"));
    }
    Future<Response> sent = lanes == null ? client.send(request) : lanes.connection().compose(c -> c.send(request));
    return sent.timeout(timeoutMs, TimeUnit.MILLISECONDS).recover(this::classify);
  }

  /** Several commands in one round trip; best effort, for writes nobody waits on. */
  public Future<Void> batch(List<Request> requests) {
    if (!health.up()) {
      return Future.succeededFuture();
    }
    Future<List<Response>> sent = lanes == null ? client.batch(requests)
      : lanes.connection().compose(c -> c.batch(requests));
    return sent.timeout(settings.timeoutMs() * 4L, TimeUnit.MILLISECONDS).<Void>mapEmpty().otherwiseEmpty();
  }

  /** A round trip; also used at start to open the first connection before traffic. */
  public Future<Void> ping(long timeoutMs) {
    return send(Request.cmd(Command.PING), timeoutMs).mapEmpty();
  }

  /** Whether Redis is reachable, as the health probe last judged it. */
  public boolean reachable() {
    return health.up();
  }

  public RedisSettings settings() {
    return settings;
  }

  public void close() {
    health.close();
    if (lanes != null) {
      lanes.close();
    }
    client.close();
  }

  private <T> Future<T> classify(Throwable failure) {
    if (failure instanceof RedisUnavailable || failure instanceof RedisBusy || isRedisReply(failure)) {
      return Future.failedFuture(failure);
    }
    if (failure instanceof TimeoutException || isQueueFull(failure)) {
      health.suspect();
      return Future.failedFuture(new RedisBusy("Redis did not answer in time (" + failure.getMessage() + ")"));
    }
    health.suspect();
    return Future.failedFuture(health.up() ? new RedisBusy("Redis connection failed: " + failure.getMessage())
      : new RedisUnavailable("Redis at " + settings.url() + " is down: " + failure.getMessage()));
  }

  /** An error reply written by Redis itself, such as NOSCRIPT or WRONGTYPE: the server is there and answered. */
  private static boolean isRedisReply(Throwable failure) {
    return failure instanceof io.vertx.redis.client.impl.types.ErrorType;
  }

  private static boolean isQueueFull(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    return message.contains("max wait queue size") || message.contains("waiting queue is full");
  }
}
