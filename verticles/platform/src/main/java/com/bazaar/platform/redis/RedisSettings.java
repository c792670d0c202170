package com.bazaar.platform.redis;

import io.vertx.core.json.JsonObject;

/**
 * The {@code redis} section of the config. {@code pipelined} keeps one multiplexed connection per event loop;
 * false leases a pooled connection per command (the old design, kept as a benchmark variant).
 */
public record RedisSettings(String url, boolean pipelined, int poolSize, int maxWaiting, int timeoutMs,
                            int connectTimeoutMs, int probeTimeoutMs, int reconnectIntervalMs) {
  public static RedisSettings from(JsonObject config) {
    return from(config.getJsonObject("redis"), config.getJsonObject("redis").getString("url"));
  }

  /** The same settings for another Redis server, such as the response cache's own. */
  public static RedisSettings from(JsonObject redis, String url) {
    return new RedisSettings(url, redis.getBoolean("pipelined"), redis.getInteger("poolSize"),
      redis.getInteger("maxWaiting"), redis.getInteger("timeoutMs"), redis.getInteger("connectTimeoutMs"),
      redis.getInteger("probeTimeoutMs"), redis.getInteger("reconnectIntervalMs"));
  }
}
