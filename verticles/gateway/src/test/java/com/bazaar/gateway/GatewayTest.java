package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestStack;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTest {
  private static final AtomicInteger calls = new AtomicInteger();
  private static final AtomicReference<JsonObject> lastEnvelope = new AtomicReference<>();
  private static TestStack stack;
  private static Vertx vertx;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    stack = TestStack.start(Map.of(
      "BAZAAR_HTTP_CONTRACT", "test-openapi.yaml",
      "BAZAAR_HTTP_BUS_TIMEOUT_MS", "300",
      "BAZAAR_HTTP_BODY_LIMIT_BYTES", "1024"));
    vertx = stack.vertx();
    bindTestServices();
    stack.deploy(GatewayVerticle::new, 2);
    http = stack.http();
  }

  @AfterAll
  static void stop() {
    http.close();
    stack.close();
  }

  @BeforeEach
  void reset() {
    calls.set(0);
    lastEnvelope.set(null);
  }

  private static void bindTestServices() {
    vertx.eventBus().<JsonObject>consumer("test.things.list").handler(m -> {
      calls.incrementAndGet();
      lastEnvelope.set(m.body());
      m.reply(new JsonObject().put("items", new JsonArray()).toBuffer());
    });
    new BusBindings(vertx.eventBus())
      .bind("test.things.create", request -> {
        calls.incrementAndGet();
        return Future.succeededFuture(BusReply.created(request.bodyObject()));
      })
      .bind("test.things.get", request -> {
        calls.incrementAndGet();
        return Future.succeededFuture(BusReply.ok(new JsonObject().put("id", request.param("id"))));
      })
      .bind("test.admin", request -> {
        calls.incrementAndGet();
        return Future.succeededFuture(BusReply.noContent());
      })
      .bind("test.slow", request -> {
        Promise<BusReply> late = Promise.promise();
        vertx.setTimer(1500, id -> late.tryComplete(BusReply.ok(new JsonObject())));
        return late.future();
      })
      .bind("test.sized", request -> {
        int bytes = request.params().getInteger("bytes");
        return Future.succeededFuture(BusReply.ok(new JsonObject().put("pad", "x".repeat(Math.max(0, bytes - 10)))));
      })
      .bind("test.conflict", request -> Future.failedFuture(
        ApiError.conflict("OUT_OF_STOCK", "Not enough stock", new JsonObject().put("variantIds", new JsonArray().add("v1")))))
      .bind("test.bug", request -> Future.failedFuture(new IllegalStateException("database password is hunter2")))
      .ready().await();
  }

  @Test
  void a_valid_request_reaches_the_service_with_typed_parameters_and_a_request_id() {
    Response response = http.get("/things?limit=5&tags=a,b&q=shoes&active=true", Map.of("X-Request-Id", "client-id-1"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("X-Request-Id")).isEqualTo("client-id-1");
    JsonObject envelope = lastEnvelope.get();
    assertThat(envelope.getJsonObject("query")).isEqualTo(new JsonObject()
      .put("limit", 5L).put("tags", new JsonArray().add("a").add("b")).put("q", "shoes").put("active", true));
    assertThat(envelope.getString("requestId")).isEqualTo("client-id-1");
    assertThat(envelope.getJsonObject("principal").getString("userId")).isNull();
  }

  @Test
  void an_absent_parameter_reaches_the_service_with_the_contracts_default() {
    assertThat(http.get("/things?q=shoes").status()).isEqualTo(200);

    assertThat(lastEnvelope.get().getJsonObject("query")).isEqualTo(new JsonObject().put("limit", 20L)
      .put("q", "shoes"));
  }

  @Test
  void a_request_without_a_usable_request_id_gets_a_fresh_one() {
    Response response = http.get("/things", Map.of("X-Request-Id", "bad id with spaces"));

    assertThat(response.header("X-Request-Id")).matches("[0-9a-f]{32}");
  }

  @Test
  void bad_query_path_and_body_values_are_400s_and_never_reach_the_service() {
    Response badLimit = http.get("/things?limit=500");
    Response notANumber = http.get("/things?limit=ten");
    Response unknownParam = http.get("/things?colour=red");
    Response badPath = http.get("/things/not-a-uuid");
    Response missingField = http.post("/things", new JsonObject().put("price", 3));
    Response wrongType = http.post("/things", new JsonObject().put("name", "x").put("price", "free"));
    Response extraField = http.post("/things", new JsonObject().put("name", "x").put("owner", "me"));
    Response malformed = http.post("/things", "{\"name\":");

    for (Response r : new Response[]{badLimit, notANumber, unknownParam, badPath, missingField, wrongType, extraField, malformed}) {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json().getJsonObject("error").getString("requestId")).isEqualTo(r.header("X-Request-Id"));
    }
    assertThat(badLimit.errorCode()).isEqualTo("INVALID_PARAMETER");
    assertThat(badLimit.json().getJsonObject("error").getString("message")).contains("limit").contains("100");
    assertThat(unknownParam.errorCode()).isEqualTo("UNKNOWN_PARAMETER");
    assertThat(missingField.errorCode()).isEqualTo("INVALID_BODY");
    assertThat(malformed.errorCode()).isEqualTo("MALFORMED_JSON");
    assertThat(calls.get()).isZero();
  }

  @Test
  void a_body_that_is_not_json_is_a_415_whatever_it_claims_to_be() {
    for (String type : List.of("text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
      "application/jsonp")) {
      Response response = http.send(HttpMethod.POST, "/things", Map.of("content-type", type), Buffer.buffer("name=x"));

      assertThat(response.status()).as(type).isEqualTo(415);
      assertThat(response.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }
    Response withParameter = http.send(HttpMethod.POST, "/things", Map.of("content-type", "Application/JSON; charset=utf-8"),
      new JsonObject().put("name", "Lamp").put("price", 1999).toBuffer());
    assertThat(withParameter.status()).isEqualTo(201);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void a_valid_body_is_passed_through_and_the_service_status_is_kept() {
    Response response = http.post("/things", new JsonObject().put("name", "Lamp").put("price", 1999));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json()).isEqualTo(new JsonObject().put("name", "Lamp").put("price", 1999));
    assertThat(response.header("content-type")).isEqualTo("application/json");
  }

  @Test
  void a_body_over_the_limit_is_a_413_in_the_standard_shape() {
    JsonObject big = new JsonObject().put("name", "x").put("notes", "n".repeat(2048));

    Response response = http.post("/things", big);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(calls.get()).isZero();
  }

  @Test
  void unknown_routes_and_methods_get_404_and_405_in_the_standard_shape() {
    Response missing = http.get("/nowhere");
    Response wrongMethod = http.send(HttpMethod.DELETE, "/things", Map.of(), null);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void an_address_without_a_consumer_is_a_503_and_a_slow_one_is_a_504() {
    Response nobody = http.get("/nobody");
    Response slow = http.get("/slow");

    assertThat(nobody.status()).isEqualTo(503);
    assertThat(nobody.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(slow.status()).isEqualTo(504);
    assertThat(slow.errorCode()).isEqualTo("TIMEOUT");
  }

  @Test
  void service_errors_keep_their_status_code_and_details_and_bugs_leak_nothing() {
    Response conflict = http.get("/conflict");
    Response bug = http.get("/bug");

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().getJsonObject("error").getJsonObject("details").getJsonArray("variantIds"))
      .containsExactly("v1");
    assertThat(bug.status()).isEqualTo(500);
    assertThat(bug.body().toString()).doesNotContain("hunter2").doesNotContain("Exception");
  }

  @Test
  void a_role_protected_operation_without_a_token_is_a_401_with_a_bearer_challenge() {
    Response response = http.send(HttpMethod.POST, "/admin-only", Map.of(), null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(calls.get()).isZero();
  }

  @Test
  void responses_of_at_least_1_KiB_are_gzipped_and_smaller_ones_are_not() {
    Map<String, String> gzip = Map.of("Accept-Encoding", "gzip");

    Response below = http.get("/sized/1000", gzip);
    Response above = http.get("/sized/1100", gzip);
    Response notAsked = http.get("/sized/5000");

    assertThat(below.header("content-encoding")).isNull();
    assertThat(below.body().length()).isBetween(990, 1010);
    assertThat(above.header("content-encoding")).isEqualTo("gzip");
    assertThat(above.body().length()).isLessThan(200);
    assertThat(notAsked.header("content-encoding")).isNull();
  }

  @Test
  void the_system_endpoints_answer() {
    assertThat(http.get("/health").json().getString("status")).isEqualTo("UP");
    assertThat(http.get("/ready").json().getJsonObject("checks").getString("postgres")).isEqualTo("UP");
    Response metrics = http.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body().toString()).contains("vertx_http_server_requests_total");
    assertThat(http.get("/openapi.yaml").body().toString()).contains("Gateway test contract");
    Response docs = http.get("/docs");
    assertThat(docs.body().toString()).contains("swagger-ui-bundle.js").contains("/openapi.yaml");
    assertThat(http.get("/docs/swagger-ui-bundle.js").status()).isEqualTo(200);
  }
}
