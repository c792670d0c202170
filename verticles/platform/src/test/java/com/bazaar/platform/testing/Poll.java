package com.bazaar.platform.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for an asynchronous effect by asking again until it shows or a deadline passes: never a fixed sleep. */
public final class Poll {
  private static final Duration PAUSE = Duration.ofMillis(20);

  private Poll() {
  }

  /** The first value of {@code probe} that {@code done} accepts, or the last one seen when the deadline passed. */
  public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<T> done) {
    return until(timeout, PAUSE, probe, done);
  }

  /** The same, asking every {@code pause}: for probes that go through a rate limit. */
  public static <T> T until(Duration timeout, Duration pause, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      pause(pause);
      value = probe.get();
    }
    return value;
  }

  /** Whether {@code condition} became true before the deadline. */
  public static boolean until(Duration timeout, java.util.function.BooleanSupplier condition) {
    return until(timeout, condition::getAsBoolean, Boolean::booleanValue);
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
