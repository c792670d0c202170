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

/**
 * The process-wide Redis client. Every command is bounded by {@code redis.timeoutMs}, so a slow or absent Redis
 * costs a caller at most that long; callers decide whether to fail open. Connections are pooled and re-created
 * on demand, so the client recovers by itself when Redis comes back.
 */
public final class SharedRedis {
  private final Redis client;
  private final RedisSettings settings;

  public SharedRedis(Vertx vertx, RedisSettings settings) {
    this.settings = settings;
    this.client = Redis.createClient(vertx, new RedisOptions()
      .setConnectionString(settings.url())
      .setMaxPoolSize(settings.poolSize())
      .setMaxPoolWaiting(settings.maxWaiting())
      .setMaxWaitingHandlers(settings.maxWaiting() * 4)
      .setNetClientOptions(new NetClientOptions()
        .setConnectTimeout(settings.connectTimeoutMs())
        .setTcpNoDelay(true)
        .setTcpKeepAlive(true)));
  }

  public Future<Response> send(Request request) {
    return send(request, settings.timeoutMs());
  }

  public Future<Response> send(Request request, long timeoutMs) {
    return client.send(request).timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** Several commands pipelined in one round trip; best effort, for writes nobody waits on. */
  public Future<Void> batch(List<Request> requests) {
    return client.batch(requests).timeout(settings.timeoutMs() * 4L, TimeUnit.MILLISECONDS).<Void>mapEmpty().otherwiseEmpty();
  }

  /** A round trip with its own timeout; also used at start to open the first connection before traffic. */
  public Future<Void> ping(long timeoutMs) {
    return send(Request.cmd(Command.PING), timeoutMs).mapEmpty();
  }

  public RedisSettings settings() {
    return settings;
  }

  public void close() {
    client.close();
  }
}
