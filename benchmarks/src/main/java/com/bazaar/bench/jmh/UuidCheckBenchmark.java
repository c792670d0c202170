package com.bazaar.bench.jmh;

import com.bazaar.platform.Ids;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Checking the 20 product ids of a cart: {@link Ids#isUuid}'s loop over 36 characters, beside the regex it
 * replaced (kept here as the baseline), which the pricing call's flame graph put at 11% of its CPU.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UuidCheckBenchmark {
  private static final Pattern REGEX =
    Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private final String[] ids = new String[20];

  public UuidCheckBenchmark() {
    for (int i = 0; i < ids.length; i++) {
      ids[i] = UUID.randomUUID().toString();
    }
  }

  @Benchmark
  public int cartIdsWithLoop() {
    int valid = 0;
    for (String id : ids) {
      valid += Ids.isUuid(id) ? 1 : 0;
    }
    return valid;
  }

  @Benchmark
  public int cartIdsWithRegex() {
    int valid = 0;
    for (String id : ids) {
      valid += REGEX.matcher(id).matches() ? 1 : 0;
    }
    return valid;
  }
}
