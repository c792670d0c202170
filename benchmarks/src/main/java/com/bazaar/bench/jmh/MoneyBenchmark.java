package com.bazaar.bench.jmh;

import com.bazaar.platform.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.TimeUnit;

/**
 * Commission arithmetic: the integer half-even share Bazaar uses, beside the BigDecimal way of writing it, and a
 * 20-line cart (price x quantity, commission, totals).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MoneyBenchmark {
  private static final BigDecimal BPS = BigDecimal.valueOf(Money.BPS);
  private final long[] prices = new long[20];
  private final int[] quantities = new int[20];
  private final int[] rates = new int[20];
  private long amount = 1_234_567;
  private int rate = 750;

  public MoneyBenchmark() {
    for (int i = 0; i < 20; i++) {
      prices[i] = 49_900 + 1_000L * i;
      quantities[i] = 1 + i % 3;
      rates[i] = 500 + 25 * i;
    }
  }

  @Benchmark
  public long shareWithLongs() {
    return Money.share(amount, rate);
  }

  @Benchmark
  public long shareWithBigDecimal() {
    return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(rate)).divide(BPS, 0, RoundingMode.HALF_EVEN).longValueExact();
  }

  @Benchmark
  public long cartOf20Lines() {
    long total = 0;
    long commission = 0;
    for (int i = 0; i < 20; i++) {
      long line = Money.times(prices[i], quantities[i]);
      total += line;
      commission += Money.share(line, rates[i]);
    }
    return total - commission;
  }
}
