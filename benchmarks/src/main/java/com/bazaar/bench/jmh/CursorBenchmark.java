package com.bazaar.bench.jmh;

import com.bazaar.platform.paging.Cursor;
import io.vertx.core.json.JsonArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** The keyset cursor codec: once per list page to encode, once per next-page request to decode. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CursorBenchmark {
  private final String encoded = Cursor.encode("newest", "2026-11-25T10:15:30.123Z", "9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6f");

  @Benchmark
  public String encode() {
    return Cursor.encode("newest", "2026-11-25T10:15:30.123Z", "9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6f");
  }

  @Benchmark
  public JsonArray decode() {
    return Cursor.decode(encoded, 3);
  }
}
