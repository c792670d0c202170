package com.bazaar.gateway.limit;

import com.bazaar.platform.OnCallerContext;
import com.bazaar.platform.redis.RedisBusy;
import com.bazaar.platform.redis.RedisScript;
import com.bazaar.platform.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * GCRA (generic cell rate algorithm) in one Lua script, atomic in Redis and timed by Redis's own clock, so the
 * limit holds across every gateway instance and process. Each key keeps only its theoretical arrival time. A call
 * asks for up to {@code want} cells and is granted as many as every one of its keys allows now (0 is a refusal,
 * with the wait); they are counted in all keys. {@link LeasedGrants} spends the extra cells of a grant locally, so
 * a busy key costs one round trip per lease, not per request.
 */
final class RedisRateLimiter {
  private static final RedisScript GCRA = new RedisScript("""
    local t = redis.call('TIME')
    local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
    local interval = tonumber(ARGV[1])
    local tolerance = interval * tonumber(ARGV[2])
    local grant, wait = tonumber(ARGV[3]), 0
    local tats = {}
    for i, key in ipairs(KEYS) do
      local tat = tonumber(redis.call('GET', key) or now)
      if tat < now then tat = now end
      tats[i] = tat
      local fit = math.floor((now + tolerance - tat) / interval)
      if fit < 1 then
        grant = 0
        if tat + interval - tolerance - now > wait then wait = tat + interval - tolerance - now end
      elseif fit < grant then
        grant = fit
      end
    end
    if grant < 1 then return {0, 0, wait} end
    local remaining, reset = -1, 0
    for i, key in ipairs(KEYS) do
      local new_tat = tats[i] + grant * interval
      redis.call('SET', key, new_tat, 'PX', math.floor((new_tat - now) / 1000) + 1)
      local left = math.floor((now + tolerance - new_tat) / interval)
      if remaining < 0 or left < remaining then remaining = left end
      if new_tat - now > reset then reset = new_tat - now end
    end
    return {grant, remaining, reset}""");

  private final SharedRedis redis;
  private final long timeoutMs;
  private final LeasedGrants leases;
  private final Map<String, Flight> flights = new ConcurrentHashMap<>();

  RedisRateLimiter(SharedRedis redis, long timeoutMs, LeasedGrants leases) {
    this.redis = redis;
    this.timeoutMs = timeoutMs;
    this.leases = leases;
  }

  /**
   * A decision from the lease this process holds, or from Redis. While one call for the keys is on its way, other
   * requests for them wait for it and then try its lease, so a burst on a cold key makes one call, then one more
   * asking for a cell per waiter. A busy key renews its lease in the background once it runs low, so its requests
   * rarely wait at all. Nothing waits longer than the timeout: then the request is shed, or, when Redis is down,
   * the caller's fallback applies.
   */
  Future<RateLimitDecision> check(RateLimitPolicy policy, List<String> keys) {
    String id = keys.size() == 1 ? keys.get(0) : String.join(" ", keys);
    long now = System.nanoTime();
    RateLimitDecision held = leases.take(id, now);
    if (held != null) {
      if (held.allowed() && leases.runningLow(id, now)) {
        renewAhead(policy, keys, id);
      }
      return Future.succeededFuture(held);
    }
    Flight flight = new Flight();
    Flight ahead = leases.leasing() ? flights.putIfAbsent(id, flight) : null;
    if (ahead != null) {
      return ahead.then(() -> check(policy, keys)).timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(RedisRateLimiter::busyOnTimeout);
    }
    return ask(policy, keys, id, flight);
  }

  /** Asks Redis for the next lease while the current one still serves; a failed renewal is asked again in line. */
  private void renewAhead(RateLimitPolicy policy, List<String> keys, String id) {
    Flight flight = new Flight();
    if (flights.putIfAbsent(id, flight) == null) {
      ask(policy, keys, id, flight);
    }
  }

  private Future<RateLimitDecision> ask(RateLimitPolicy policy, List<String> keys, String id, Flight flight) {
    String want = Integer.toString(leases.want(id, System.nanoTime()));
    return GCRA.run(redis, keys, List.of(Long.toString(policy.intervalMicros()), Long.toString(policy.burst()), want))
      .timeout(timeoutMs, TimeUnit.MILLISECONDS)
      .recover(RedisRateLimiter::busyOnTimeout)
      .map(response -> leases.record(id, System.nanoTime(), response.get(0).toInteger(), response.get(1).toLong(),
        response.get(2).toLong(), flight.waiters.get()))
      .onComplete(done -> {
        flights.remove(id, flight);
        flight.done.handle(done.mapEmpty());
      });
  }

  private static <T> Future<T> busyOnTimeout(Throwable failure) {
    return Future.failedFuture(failure instanceof TimeoutException
      ? new RedisBusy("The rate limiter did not answer in time") : failure);
  }

  /** A Redis call on its way, and the requests waiting for it. */
  private static final class Flight {
    final Promise<Void> done = Promise.promise();
    final AtomicInteger waiters = new AtomicInteger();

    /** Runs {@code next} on the caller's context once the call is answered; fails as the call failed. */
    Future<RateLimitDecision> then(Supplier<Future<RateLimitDecision>> next) {
      waiters.incrementAndGet();
      return OnCallerContext.of(done.future()).compose(answered -> next.get());
    }
  }
}
