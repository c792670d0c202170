package com.bazaar.bench.jmh;

import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The bus envelope per request: the gateway builds it, the local bus copies it (JsonObject's codec), the service
 * reads it. Also the wire form a clustered bus would send.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnvelopeBenchmark {
  private final BusRequest request = new BusRequest(
    new JsonObject().put("idOrSlug", "linen-kurta"),
    new JsonObject().put("limit", 20L).put("sort", "price_asc").put("fields", new JsonArray().add("id").add("name")),
    new JsonObject(), null, new Principal("9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6f", Set.of("CUSTOMER")), "rid-1");
  private final JsonObject envelope = request.toJson();
  private final Buffer wire = envelope.toBuffer();

  @Benchmark
  public JsonObject build() {
    return request.toJson();
  }

  @Benchmark
  public JsonObject localBusCopy() {
    return envelope.copy();
  }

  @Benchmark
  public BusRequest read() {
    return BusRequest.fromJson(envelope);
  }

  @Benchmark
  public Buffer encodeForTheClusteredBus() {
    return envelope.toBuffer();
  }

  @Benchmark
  public BusRequest decodeFromTheClusteredBus() {
    return BusRequest.fromJson(wire.toJsonObject());
  }
}
