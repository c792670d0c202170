package com.bazaar.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Background work run in rounds, never two at once: a round asked for while one still runs (a timer firing, a wake-up)
 * is skipped, and the next one picks up what is left. Use it from one context (an event loop).
 */
public final class SingleRound {
  private final Supplier<Future<?>> round;
  private boolean running;
  private boolean again;

  public SingleRound(Supplier<Future<?>> round) {
    this.round = round;
  }

  /** Runs a round every {@code intervalMs}. */
  public SingleRound every(Vertx vertx, long intervalMs) {
    vertx.setPeriodic(intervalMs, id -> run());
    return this;
  }

  /** A round now; completes when it ends (at once when one was already running). Never fails. */
  public Future<Void> run() {
    if (running) {
      return Future.succeededFuture();
    }
    running = true;
    return round.get().<Void>mapEmpty().otherwiseEmpty().onComplete(done -> {
      running = false;
      if (again) {
        again = false;
        run();
      }
    });
  }

  /**
   * A round now, or, when one is running, another right after it: for work that arrives during a round and must not
   * wait for the next tick. Many such asks during one round make one more round.
   */
  public void runAgain() {
    if (running) {
      again = true;
    } else {
      run();
    }
  }
}
