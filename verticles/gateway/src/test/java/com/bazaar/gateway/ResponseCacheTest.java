package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.cache.CacheDomains;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheTest {
  private static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private static TestStack stack;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    stack = EdgeFixture.start();
    new BusBindings(stack.vertx().eventBus()).bind("edge.cached", request -> {
      String id = request.param("id");
      int call = calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      Promise<BusReply> reply = Promise.promise();
      stack.vertx().setTimer(30, t -> reply.complete(BusReply.ok(new JsonObject().put("id", id).put("call", call)
        .put("fields", request.queryString("fields")).put("pad", "x".repeat(id.startsWith("small-") ? 150 : 2000)))));
      return reply.future();
    }).ready().await();
    stack.deploy(GatewayVerticle::new, 2);
    http = stack.http();
  }

  @AfterAll
  static void stop() {
    http.close();
    stack.close();
  }

  private static String fresh() {
    return "r-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_first_read_misses_the_next_hits_and_both_carry_cdn_headers() {
    String id = fresh();

    Response first = http.get("/cached/" + id);
    Response second = http.get("/cached/" + id);

    assertThat(first.header("X-Cache")).isEqualTo("MISS");
    assertThat(second.header("X-Cache")).isEqualTo("HIT");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.header("ETag")).isEqualTo(first.header("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(second.header("Cache-Control")).matches("public, max-age=(29|30), stale-while-revalidate=30");
    assertThat(second.header("Vary")).isEqualTo("Accept-Encoding");
    assertThat(calls.get(id)).hasValue(1);
  }

  @Test
  void a_request_with_a_token_bypasses_the_cache_and_is_never_stored() {
    String id = fresh();
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + EdgeFixture.KEYS.token(UUID.randomUUID().toString(), "CUSTOMER"));

    Response authed = http.get("/cached/" + id, bearer);
    Response anonymous = http.get("/cached/" + id);

    assertThat(authed.status()).isEqualTo(200);
    assertThat(authed.header("X-Cache")).isEqualTo("BYPASS");
    assertThat(authed.header("Cache-Control")).isEqualTo("private, no-store");
    assertThat(anonymous.header("X-Cache")).isEqualTo("MISS");
    assertThat(calls.get(id)).hasValue(2);
  }

  @Test
  void a_public_operations_answer_is_shared_with_signed_in_callers_whose_token_still_counts() {
    String id = fresh();
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + EdgeFixture.KEYS.token(UUID.randomUUID().toString(), "CUSTOMER"));

    Response anonymous = http.get("/shared/" + id);
    Response authed = http.get("/shared/" + id, bearer);
    Response forged = http.get("/shared/" + id, Map.of("Authorization", "Bearer not.a.token"));

    assertThat(anonymous.header("X-Cache")).isEqualTo("MISS");
    assertThat(authed.header("X-Cache")).isEqualTo("HIT");
    assertThat(authed.body()).isEqualTo(anonymous.body());
    assertThat(forged.status()).as("a hit is served only after the token is verified").isEqualTo(401);
    assertThat(calls.get(id)).hasValue(1);
  }

  @Test
  void if_none_match_with_the_etag_gives_304_without_a_body() {
    String id = fresh();
    String etag = http.get("/cached/" + id).header("ETag");

    Response notModified = http.get("/cached/" + id, Map.of("If-None-Match", etag));
    Response changed = http.get("/cached/" + id, Map.of("If-None-Match", "\"something-else\""));

    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.body().length()).isZero();
    assertThat(notModified.header("ETag")).isEqualTo(etag);
    assertThat(changed.status()).isEqualTo(200);
  }

  @Test
  void the_stored_gzip_form_is_served_to_clients_that_accept_it() throws IOException {
    String id = fresh();
    Response raw = http.get("/cached/" + id);

    Response gzipped = http.get("/cached/" + id, Map.of("Accept-Encoding", "gzip"));

    assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzipped.body().length()).isLessThan(raw.body().length() / 4);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body().getBytes()))) {
      assertThat(Buffer.buffer(in.readAllBytes())).isEqualTo(raw.body());
    }
  }

  @Test
  void an_answer_under_the_compression_threshold_is_sent_plain_live_and_from_the_cache() {
    String id = "small-" + fresh();
    Map<String, String> gzip = Map.of("Accept-Encoding", "gzip");

    Response live = http.get("/cached/" + id, gzip);
    Response hit = http.get("/cached/" + id, gzip);

    assertThat(live.header("X-Cache")).isEqualTo("MISS");
    assertThat(hit.header("X-Cache")).isEqualTo("HIT");
    assertThat(live.body().length()).isBetween(180, 1023);
    assertThat(live.header("Content-Encoding")).isNull();
    assertThat(hit.header("Content-Encoding")).isNull();
    assertThat(hit.body()).isEqualTo(live.body());
  }

  @Test
  void with_compression_off_no_gzip_form_is_kept_or_served() {
    Map<String, String> env = new java.util.HashMap<>(EdgeFixture.env());
    env.put("BAZAAR_HTTP_COMPRESSION_ENABLED", "false");
    try (TestStack plain = TestStack.start(env, EdgeFixture.policies())) {
      new BusBindings(plain.vertx().eventBus()).bind("edge.cached", request -> Future.succeededFuture(
        BusReply.ok(new JsonObject().put("pad", "x".repeat(2000))))).ready().await();
      plain.deploy(GatewayVerticle::new, 1);
      try (TestHttp local = plain.http()) {
        String path = "/cached/" + fresh();
        local.get(path);

        Response hit = local.get(path, Map.of("Accept-Encoding", "gzip"));

        assertThat(hit.header("X-Cache")).isEqualTo("HIT");
        assertThat(hit.header("Content-Encoding")).isNull();
        assertThat(hit.json().getString("pad")).hasSize(2000);
      }
    }
  }

  @Test
  void fields_are_part_of_the_key() {
    String id = fresh();

    Response a = http.get("/cached/" + id + "?fields=a");
    Response b = http.get("/cached/" + id + "?fields=b");

    assertThat(a.header("X-Cache")).isEqualTo("MISS");
    assertThat(b.header("X-Cache")).isEqualTo("MISS");
    assertThat(b.json().getString("fields")).isEqualTo("b");
  }

  @Test
  void a_domain_version_bump_retires_every_cached_answer_of_the_domain() {
    String id = fresh();
    http.get("/cached/" + id);
    http.get("/cached/" + id);

    CacheDomains.bump(stack.platform().redis(), stack.vertx().eventBus(), "test").await();
    Response after = Poll.until(Duration.ofSeconds(2), () -> http.get("/cached/" + id),
      r -> "MISS".equals(r.header("X-Cache")));

    assertThat(after.header("X-Cache")).isEqualTo("MISS");
    assertThat(after.json().getInteger("call")).isEqualTo(2);
  }

  @Test
  void two_hundred_concurrent_cold_reads_make_one_backend_call() {
    String id = fresh();

    List<Response> responses = http.concurrently(200, HttpMethod.GET, "/cached/" + id, Map.of(), null);

    assertThat(responses).allMatch(r -> r.status() == 200);
    assertThat(calls.get(id)).hasValue(1);
    assertThat(responses.stream().map(r -> r.header("X-Cache")).distinct()).containsAnyOf("MISS");
  }
}
