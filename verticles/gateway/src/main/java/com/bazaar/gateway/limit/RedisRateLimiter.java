package com.bazaar.gateway.limit;

import com.bazaar.platform.redis.RedisScript;
import com.bazaar.platform.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GCRA (generic cell rate algorithm) in one Lua script, atomic in Redis and timed by Redis's own clock, so the
 * limit holds across every gateway instance and process: one round trip per request. Each key keeps only its
 * theoretical arrival time. A request is checked against all its keys and counted in all only if every one allows.
 */
final class RedisRateLimiter {
  private static final RedisScript GCRA = new RedisScript("""
    local t = redis.call('TIME')
    local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
    local interval = tonumber(ARGV[1])
    local tolerance = interval * tonumber(ARGV[2])
    local wait, remaining, reset = 0, -1, 0
    local tats = {}
    for i, key in ipairs(KEYS) do
      local tat = tonumber(redis.call('GET', key) or now)
      if tat < now then tat = now end
      local new_tat = tat + interval
      local allow_at = new_tat - tolerance
      if now < allow_at then
        if allow_at - now > wait then wait = allow_at - now end
      else
        local left = math.floor((now - allow_at) / interval)
        if remaining < 0 or left < remaining then remaining = left end
        if new_tat - now > reset then reset = new_tat - now end
      end
      tats[i] = new_tat
    end
    if wait > 0 then return {0, 0, wait} end
    for i, key in ipairs(KEYS) do
      redis.call('SET', key, tats[i], 'PX', math.floor((tats[i] - now) / 1000) + 1)
    end
    return {1, remaining, reset}""");

  private final SharedRedis redis;
  private final long timeoutMs;

  RedisRateLimiter(SharedRedis redis, long timeoutMs) {
    this.redis = redis;
    this.timeoutMs = timeoutMs;
  }

  Future<RateLimitDecision> check(RateLimitPolicy policy, List<String> keys) {
    return GCRA.run(redis, keys, List.of(Long.toString(policy.intervalMicros()), Long.toString(policy.burst())))
      .timeout(timeoutMs, TimeUnit.MILLISECONDS)
      .map(RedisRateLimiter::decision);
  }

  private static RateLimitDecision decision(Response response) {
    boolean allowed = response.get(0).toLong() == 1;
    long micros = response.get(2).toLong();
    long seconds = Math.max(1, (micros + 999_999) / 1_000_000);
    return allowed
      ? new RateLimitDecision(true, response.get(1).toLong(), 0, seconds, false)
      : new RateLimitDecision(false, 0, seconds, seconds, false);
  }
}
