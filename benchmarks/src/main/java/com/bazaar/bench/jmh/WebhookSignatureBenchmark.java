package com.bazaar.bench.jmh;

import com.bazaar.payment.provider.WebhookSignature;
import io.vertx.core.buffer.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * What checking a webhook's signature costs: {@link WebhookSignature#verifies} as the payment service calls it on
 * every webhook (a fresh HMAC-SHA256, hex, constant-time compare), beside the bare HMAC of the same bytes with a
 * Mac already keyed (the floor), for a typical capture (about 600 bytes) and a large one (16 KiB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WebhookSignatureBenchmark {
  private static final String SECRET = "bazaar-sandbox-webhook-secret";

  @Param({"600", "16384"})
  public int bytes;

  private WebhookSignature signature;
  private Buffer body;
  private String header;
  private Mac keyed;

  @Setup(Level.Trial)
  public void body() throws Exception {
    StringBuilder json = new StringBuilder("{\"event\":\"payment.captured\",\"payload\":{\"payment\":{\"entity\":"
      + "{\"id\":\"pay_bench\",\"order_id\":\"order_bench\",\"amount\":50000,\"currency\":\"INR\",\"notes\":\"");
    while (json.length() < bytes - 6) {
      json.append('x');
    }
    body = Buffer.buffer(json.append("\"}}}}").toString());
    signature = new WebhookSignature(SECRET);
    header = signature.sign(body);
    keyed = Mac.getInstance("HmacSHA256");
    keyed.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
  }

  @Benchmark
  public boolean verify() {
    return signature.verifies(body, header);
  }

  @Benchmark
  public byte[] keyedMacOnly() {
    return keyed.doFinal(body.getBytes());
  }
}
