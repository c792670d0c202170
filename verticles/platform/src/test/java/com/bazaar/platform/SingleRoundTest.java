package com.bazaar.platform;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SingleRoundTest {
  private final List<Promise<Void>> started = new ArrayList<>();
  private final SingleRound rounds = new SingleRound(() -> {
    Promise<Void> round = Promise.promise();
    started.add(round);
    return round.future();
  });

  @Test
  void a_run_asked_for_during_a_round_is_skipped() {
    rounds.run();
    rounds.run();
    started.get(0).complete();

    assertThat(started).hasSize(1);
  }

  @Test
  void asks_to_run_again_during_a_round_make_exactly_one_more() {
    rounds.run();
    rounds.runAgain();
    rounds.runAgain();
    assertThat(started).hasSize(1);

    started.get(0).complete();
    assertThat(started).hasSize(2);
    started.get(1).complete();
    assertThat(started).hasSize(2);
  }

  @Test
  void a_failed_round_still_lets_the_next_one_run() {
    rounds.run();
    started.get(0).fail("boom");
    Future<Void> next = rounds.run();

    assertThat(started).hasSize(2);
    assertThat(next.isComplete()).isFalse();
  }
}
