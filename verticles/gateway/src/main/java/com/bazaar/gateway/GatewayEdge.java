package com.bazaar.gateway;

import com.bazaar.gateway.cache.ResponseCaching;
import com.bazaar.gateway.contract.OperationSpec;
import com.bazaar.gateway.limit.RateLimiter;
import com.bazaar.platform.Platform;
import com.bazaar.platform.redis.RedisSettings;
import com.bazaar.platform.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;

import java.util.List;
import java.util.Objects;

/**
 * What every gateway instance of a process shares: the rate limiter and the response cache. Built once, by the
 * first instance, from the config and the contract's cache domains.
 */
record GatewayEdge(RateLimiter limiter, ResponseCaching caching, JsonObject idempotency) {

  /**
   * The Redis the response cache stores answers in: {@code gateway.responseCache.redisUrl} when set (a server of
   * its own, where {@code maxmemory} and LRU eviction may bound it), otherwise the main one.
   */
  private static SharedRedis cacheRedis(Platform platform, JsonObject settings) {
    String url = settings.getString("redisUrl");
    return url.isBlank() ? platform.redis()
      : new SharedRedis(platform.vertx(), RedisSettings.from(platform.config().getJsonObject("redis"), url));
  }

  static Future<GatewayEdge> of(Platform platform, List<OpenAPIContract> contracts) {
    return platform.perProcessStarted("gateway.edge", () -> {
      JsonObject gateway = platform.config().getJsonObject("gateway");
      List<String> domains = contracts.stream().flatMap(c -> c.operations().stream())
        .map(op -> OperationSpec.from(op).cacheDomain()).filter(Objects::nonNull).distinct().toList();
      JsonObject compression = platform.config().getJsonObject("http").getJsonObject("compression");
      int gzipLevel = compression.getBoolean("enabled") ? compression.getInteger("level") : ResponseCaching.NO_GZIP;
      JsonObject cacheSettings = gateway.getJsonObject("responseCache");
      ResponseCaching caching = new ResponseCaching(platform.vertx(), cacheRedis(platform, cacheSettings),
        platform.redis(), cacheSettings, domains, gzipLevel, compression.getInteger("minBytes"), platform.registry());
      RateLimiter limiter = new RateLimiter(gateway.getJsonObject("rateLimits"), platform.redis(), platform.registry(),
        platform.degradations());
      return caching.start().map(v -> new GatewayEdge(limiter, caching, gateway.getJsonObject("idempotency")));
    });
  }
}
