package com.bazaar.gateway.limit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LeasedGrantsTest {
  private static final long MS = 1_000_000;

  @Test
  void eight_threads_racing_for_a_lease_of_64_get_exactly_the_63_cells_left_in_it() throws Exception {
    LeasedGrants grants = new LeasedGrants(64, 10_000);
    long now = System.nanoTime();
    grants.record("k", now, 64, 10, 5_000_000, 0);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> counts = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      counts.add(pool.submit(() -> {
        start.await();
        int allowed = 0;
        for (int i = 0; i < 1_000; i++) {
          RateLimitDecision decision = grants.take("k", now);
          if (decision != null && decision.allowed()) {
            allowed++;
          }
        }
        return allowed;
      }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> count : counts) {
      total += count.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(total).isEqualTo(63);
  }

  @Test
  void a_key_that_spends_its_lease_early_asks_for_twice_as_much_and_a_quiet_one_for_what_it_spent() {
    LeasedGrants grants = new LeasedGrants(64, 200);
    long now = 0;
    assertThat(grants.want("k", now)).isEqualTo(1);

    grants.record("k", now, 4, 50, 1_000_000, 0);
    for (int i = 0; i < 3; i++) {
      assertThat(grants.take("k", now + MS).remaining()).isEqualTo(50 + 2 - i);
    }
    assertThat(grants.take("k", now + MS)).as("the lease is spent").isNull();
    assertThat(grants.want("k", now + MS)).isEqualTo(8);

    grants.record("k", now, 8, 50, 1_000_000, 0);
    grants.take("k", now + MS);
    assertThat(grants.take("k", now + 300 * MS)).as("the lease has expired").isNull();
    assertThat(grants.want("k", now + 300 * MS)).as("one used by the asker, one taken").isEqualTo(2);
  }

  @Test
  void the_next_call_asks_for_a_cell_for_every_request_that_waited_on_the_last_one() {
    LeasedGrants grants = new LeasedGrants(64, 200);
    grants.record("k", 0, 1, 50, 1_000_000, 40);

    assertThat(grants.want("k", MS)).isEqualTo(41);
    grants.record("k", 0, 1, 50, 1_000_000, 400);
    assertThat(grants.want("k", MS)).as("capped at maxTokens").isEqualTo(64);
  }

  @Test
  void leasing_is_off_with_one_cell_at_most() {
    LeasedGrants grants = new LeasedGrants(1, 200);
    grants.record("k", 0, 1, 9, 1_000_000, 0);

    assertThat(grants.take("k", MS)).isNull();
    assertThat(grants.want("k", MS)).isEqualTo(1);
  }

  @Test
  void a_refusal_is_repeated_locally_for_the_lease_time_with_the_retry_time_redis_gave() {
    LeasedGrants grants = new LeasedGrants(64, 200);
    RateLimitDecision refused = grants.record("k", 0, 0, 0, 5_500_000, 0);

    RateLimitDecision repeated = grants.take("k", 100 * MS);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSec()).isEqualTo(6);
    assertThat(repeated.allowed()).isFalse();
    assertThat(repeated.retryAfterSec()).isEqualTo(6);
    assertThat(repeated.source()).isEqualTo(RateLimitDecision.Source.LEASE);
    assertThat(grants.take("k", 201 * MS)).as("after leaseMs, Redis is asked again").isNull();
  }
}
