package com.bazaar.platform.redis;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis pub/sub channel: messages reach every process subscribed to it, clustered or not. The subscription
 * holds its own connection and comes back by itself after Redis does. Delivery is at most once; callers use it
 * for hints such as cache invalidation, which a TTL backs up.
 */
public final class RedisChannel {
  private static final Logger LOG = LoggerFactory.getLogger(RedisChannel.class);
  private static final long RETRY_MS = 1_000;

  private final Vertx vertx;
  private final SharedRedis redis;
  private final String channel;
  private final Redis subscriber;
  private RedisConnection connection;
  private Handler<String> handler;
  private boolean closed;
  private boolean connecting;
  private boolean warned;

  public RedisChannel(Vertx vertx, SharedRedis redis, String channel) {
    this.vertx = vertx;
    this.redis = redis;
    this.channel = channel;
    this.subscriber = Redis.createClient(vertx, new RedisOptions().setConnectionString(redis.settings().url())
      .setNetClientOptions(new NetClientOptions().setConnectTimeout(redis.settings().connectTimeoutMs())));
  }

  public Future<Void> publish(String message) {
    return redis.send(Request.cmd(Command.PUBLISH).arg(channel).arg(message)).mapEmpty();
  }

  /** Starts listening; resolves once subscribed, or at once (retrying in the background) when Redis is down. */
  public Future<Void> subscribe(Handler<String> onMessage) {
    this.handler = onMessage;
    return connect().otherwiseEmpty();
  }

  public Future<Void> close() {
    closed = true;
    return connection == null ? Future.succeededFuture() : connection.close();
  }

  private Future<Void> connect() {
    connecting = true;
    return subscriber.connect().compose(conn -> {
      connection = conn;
      conn.handler(this::onResponse);
      conn.exceptionHandler(e -> reconnectLater());
      conn.endHandler(v -> reconnectLater());
      return conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel));
    }).<Void>mapEmpty().onComplete(ar -> connecting = false).onSuccess(v -> warned = false).onFailure(e -> {
      if (!warned) {
        warned = true;
        LOG.warn("Cannot subscribe to Redis channel {} ({}); retrying", channel, e.toString());
      }
      reconnectLater();
    });
  }

  private void onResponse(Response response) {
    if (response.size() == 3 && "message".equals(response.get(0).toString())) {
      handler.handle(response.get(2).toString());
    }
  }

  private void reconnectLater() {
    connection = null;
    if (!closed) {
      vertx.setTimer(RETRY_MS, id -> {
        if (!closed && connection == null && !connecting) {
          connect();
        }
      });
    }
  }
}
