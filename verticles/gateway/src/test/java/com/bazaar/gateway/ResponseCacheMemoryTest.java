package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.testing.OnContext;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests for nothing but distinct URLs (a random price filter, say) must not grow the response cache: they are
 * never admitted to Redis, while a hot key keeps hitting. The full soak is 60 s:
 * {@code mvn -pl verticles/gateway verify -Dtest=ResponseCacheMemoryTest -Dbazaar.cacheSoakSeconds=60}.
 */
class ResponseCacheMemoryTest {
  private static final long BUDGET_BYTES = 256 * 1024;
  private static final int IN_FLIGHT = 32;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void distinct_urls_keep_the_caches_redis_memory_under_budget_while_the_hot_key_keeps_hitting() {
    long seconds = Long.getLong("bazaar.cacheSoakSeconds", 8);
    try (TestStack stack = EdgeFixture.start()) {
      new BusBindings(stack.vertx().eventBus()).bind("edge.cached", request -> Future.succeededFuture(
        BusReply.ok(new JsonObject().put("id", request.param("id")).put("pad", "x".repeat(12_000))))).ready().await();
      stack.deploy(GatewayVerticle::new, 2);
      HttpClient client = stack.vertx().createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(stack.httpPort()), new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
      AtomicLong distinct = new AtomicLong();
      AtomicLong hot = new AtomicLong();
      AtomicLong hotHits = new AtomicLong();
      long until = System.currentTimeMillis() + seconds * 1000;

      OnContext.await(stack.vertx().getOrCreateContext(), () -> {
        List<Future<Void>> loops = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
          Promise<Void> done = Promise.promise();
          loop(client, until, distinct, hot, hotHits, done);
          loops.add(done.future());
        }
        return Future.all(loops);
      });
      long cacheBytes = cacheMemory(stack);
      System.out.printf("cache soak: %d s, %d distinct URLs, %d hot requests (%d hits), %d bytes of cache in Redis%n",
        seconds, distinct.get(), hot.get(), hotHits.get(), cacheBytes);

      assertThat(distinct.get()).as("distinct URLs asked for").isGreaterThan(1_000);
      assertThat(cacheBytes).as("bytes the cache holds in Redis").isLessThan(BUDGET_BYTES);
      assertThat((double) hotHits.get() / hot.get()).as("hot key hit ratio of %d", hot.get()).isGreaterThan(0.9);
    }
  }

  private static void loop(HttpClient client, long until, AtomicLong distinct, AtomicLong hot, AtomicLong hotHits,
                           Promise<Void> done) {
    if (System.currentTimeMillis() >= until) {
      done.complete();
      return;
    }
    long n = distinct.get() + hot.get();
    boolean isHot = n % 10 == 0;
    String uri = isHot ? "/cached/hot" : "/cached/u-" + distinct.incrementAndGet();
    if (isHot) {
      hot.incrementAndGet();
    }
    client.request(HttpMethod.GET, uri).compose(request -> request.send())
      .compose(response -> response.body().map(body -> response.getHeader("X-Cache")))
      .onComplete(ar -> {
        if (isHot && ar.succeeded() && "HIT".equals(ar.result())) {
          hotHits.incrementAndGet();
        }
        loop(client, until, distinct, hot, hotHits, done);
      });
  }

  /** The memory Redis reports for every key the response cache wrote. */
  private static long cacheMemory(TestStack stack) {
    long bytes = 0;
    String cursor = "0";
    do {
      Response page = stack.platform().redis().send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg("rc*")
        .arg("COUNT").arg(1000)).await();
      cursor = page.get(0).toString();
      for (Response key : page.get(1)) {
        Response usage = stack.platform().redis().send(Request.cmd(Command.MEMORY).arg("USAGE").arg(key.toString())).await();
        bytes += usage == null ? 0 : usage.toLong();
      }
    } while (!cursor.equals("0"));
    return bytes;
  }
}
