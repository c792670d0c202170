package com.bazaar.gateway.limit;

import com.bazaar.platform.testing.OnContext;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The distributed limiter against the real Redis, with requests issued in one event-loop turn: a true burst. */
class RedisRateLimiterTest {
  private static TestStack stack;

  /** Redis's own command timeout is raised: 64 calls at once can queue past 50 ms on a slow machine. */
  @BeforeAll
  static void start() {
    stack = TestStack.start(Map.of("BAZAAR_REDIS_TIMEOUT_MS", "2000"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static List<RateLimitDecision> burst(RedisRateLimiter limiter, RateLimitPolicy policy, int n) {
    List<String> keys = List.of("rl:test:" + UUID.randomUUID());
    return OnContext.await(stack.vertx().getOrCreateContext(), () -> {
      List<Future<RateLimitDecision>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(limiter.check(policy, keys));
      }
      return Future.all(all).map(done -> all.stream().map(Future::result).toList());
    });
  }

  private static long from(List<RateLimitDecision> decisions, RateLimitDecision.Source source) {
    return decisions.stream().filter(d -> d.source() == source).count();
  }

  @Test
  void a_burst_of_64_on_a_cold_key_waits_on_one_call_then_one_more_for_all_the_waiters() {
    RedisRateLimiter limiter = new RedisRateLimiter(stack.platform().redis(), 2_000, new LeasedGrants(256, 1_000));
    RateLimitPolicy open = new RateLimitPolicy("open", 1_000_000, 1, 1_000_000, List.of("ip"), true);

    List<RateLimitDecision> decisions = burst(limiter, open, 64);

    assertThat(decisions).allMatch(RateLimitDecision::allowed);
    assertThat(from(decisions, RateLimitDecision.Source.REDIS)).isEqualTo(2);
    assertThat(from(decisions, RateLimitDecision.Source.LEASE)).isEqualTo(62);
  }

  @Test
  void a_burst_of_64_against_a_bucket_of_10_gets_exactly_10() {
    RedisRateLimiter limiter = new RedisRateLimiter(stack.platform().redis(), 2_000, new LeasedGrants(256, 1_000));
    RateLimitPolicy tight = new RateLimitPolicy("tight", 10, 60, 10, List.of("ip"), false);

    List<RateLimitDecision> decisions = burst(limiter, tight, 64);

    assertThat(decisions.stream().filter(RateLimitDecision::allowed).count()).isEqualTo(10);
    assertThat(decisions.stream().filter(d -> !d.allowed()).allMatch(d -> d.retryAfterSec() >= 1)).isTrue();
  }

  @Test
  void a_busy_key_renews_its_lease_in_the_background_so_its_requests_do_not_wait_for_redis() {
    RedisRateLimiter limiter = new RedisRateLimiter(stack.platform().redis(), 2_000, new LeasedGrants(256, 1_000));
    RateLimitPolicy open = new RateLimitPolicy("open", 1_000_000, 1, 1_000_000, List.of("ip"), true);
    List<String> keys = List.of("rl:test:" + UUID.randomUUID());

    List<RateLimitDecision> decisions = OnContext.await(stack.vertx().getOrCreateContext(),
      () -> oneAfterAnother(limiter, open, keys, 3_000, new ArrayList<>()));

    assertThat(decisions).hasSize(3_000).allMatch(RateLimitDecision::allowed);
    assertThat(from(decisions, RateLimitDecision.Source.REDIS)).as("requests that waited for Redis").isLessThanOrEqualTo(3);
  }

  /** Each check after the previous one answered, each in a new event-loop turn, as separate requests would come. */
  private static Future<List<RateLimitDecision>> oneAfterAnother(RedisRateLimiter limiter, RateLimitPolicy policy,
                                                                 List<String> keys, int n, List<RateLimitDecision> seen) {
    Promise<List<RateLimitDecision>> done = Promise.promise();
    next(limiter, policy, keys, n, seen, done);
    return done.future();
  }

  private static void next(RedisRateLimiter limiter, RateLimitPolicy policy, List<String> keys, int n,
                           List<RateLimitDecision> seen, Promise<List<RateLimitDecision>> done) {
    if (seen.size() == n) {
      done.complete(seen);
      return;
    }
    limiter.check(policy, keys).onComplete(ar -> {
      if (ar.failed()) {
        done.fail(ar.cause());
        return;
      }
      seen.add(ar.result());
      stack.vertx().runOnContext(v -> next(limiter, policy, keys, n, seen, done));
    });
  }

  @Test
  void without_leases_every_request_of_a_burst_asks_redis() {
    RedisRateLimiter limiter = new RedisRateLimiter(stack.platform().redis(), 2_000, new LeasedGrants(1, 1_000));
    RateLimitPolicy open = new RateLimitPolicy("open", 1_000_000, 1, 1_000_000, List.of("ip"), true);

    List<RateLimitDecision> decisions = burst(limiter, open, 64);

    assertThat(from(decisions, RateLimitDecision.Source.REDIS)).isEqualTo(64);
  }
}
