package com.bazaar.platform.redis;

import io.vertx.core.json.JsonObject;

/** The {@code redis} section of the config. */
public record RedisSettings(String url, int poolSize, int maxWaiting, int timeoutMs, int connectTimeoutMs) {
  public static RedisSettings from(JsonObject config) {
    JsonObject redis = config.getJsonObject("redis");
    return new RedisSettings(redis.getString("url"), redis.getInteger("poolSize"), redis.getInteger("maxWaiting"),
      redis.getInteger("timeoutMs"), redis.getInteger("connectTimeoutMs"));
  }
}
