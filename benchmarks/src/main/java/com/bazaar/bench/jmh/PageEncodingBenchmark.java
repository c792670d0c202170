package com.bazaar.bench.jmh;

import com.bazaar.platform.paging.Cursor;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encoding a 20-item product page, as a product list answers it: items built as JsonObject, the page built by
 * the platform's {@link Page}, encoded once to a Buffer that the gateway passes through untouched. Compared with
 * encoding to a String first and copying it into a Buffer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PageEncodingBenchmark {
  record Item(String id, String name, String slug, long minPrice, long maxPrice, long stock, String image) {
  }

  private final List<Item> rows = new ArrayList<>();
  private final PageRequest page = new PageRequest(20, null);

  public PageEncodingBenchmark() {
    for (int i = 0; i < 21; i++) {
      rows.add(new Item("9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e" + (10 + i), "Embroidered Linen Kurta " + i, "p-" + i,
        149_900 + i, 189_900 + i, 40 + i, "https://img.bazaar.test/p-" + i + "-1.jpg"));
    }
  }

  private static JsonObject item(Item row) {
    return new JsonObject()
      .put("id", row.id())
      .put("name", row.name())
      .put("slug", row.slug())
      .put("category", new JsonObject().put("id", row.id()).put("name", "Kurtas").put("slug", "kurtas"))
      .put("minPrice", row.minPrice())
      .put("maxPrice", row.maxPrice())
      .put("currency", "INR")
      .put("totalStock", row.stock())
      .put("primaryImage", new JsonObject().put("url", row.image()).put("alt", row.name()))
      .put("createdAt", "2026-11-25T10:15:30.123Z")
      .put("updatedAt", "2026-11-25T10:15:30.123Z");
  }

  @Benchmark
  public Buffer pageToBuffer() {
    return Page.of(rows, page, PageEncodingBenchmark::item, r -> Cursor.encode("name", r.name(), r.id())).toBuffer();
  }

  @Benchmark
  public Buffer pageToStringThenBuffer() {
    return Buffer.buffer(Page.of(rows, page, PageEncodingBenchmark::item, r -> Cursor.encode("name", r.name(), r.id())).encode());
  }
}
