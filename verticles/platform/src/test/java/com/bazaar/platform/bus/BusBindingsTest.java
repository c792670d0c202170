package com.bazaar.platform.bus;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@ExtendWith(VertxExtension.class)
class BusBindingsTest {
  private final AtomicReference<BusRequest> received = new AtomicReference<>();

  @BeforeEach
  void bind(Vertx vertx) {
    new BusBindings(vertx.eventBus())
      .bind("test.echo", request -> {
        received.set(request);
        return Future.succeededFuture(BusReply.created(new JsonObject().put("echo", request.bodyObject())));
      })
      .bind("test.missing", request -> Future.failedFuture(ApiError.notFound("Widget")))
      .bind("test.conflict", request -> {
        throw ApiError.conflict("OUT_OF_STOCK", "Not enough stock", new JsonObject().put("variantIds", "v1"));
      })
      .bind("test.bug", request -> Future.failedFuture(new IllegalStateException("secret internals")))
      .ready().await();
  }

  @Test
  void the_envelope_reaches_the_handler_and_the_reply_carries_status_and_body(Vertx vertx) {
    BusRequest request = new BusRequest(new JsonObject().put("id", "42"), new JsonObject().put("limit", 5L),
      new JsonObject().put("if-match", "\"3\""), new JsonObject().put("name", "Shoes"),
      new Principal("user-1", Set.of("ADMIN")), "rid-1");

    Message<Buffer> reply = vertx.eventBus().<Buffer>request("test.echo", request.toJson()).await();

    assertThat(reply.headers().get(BusReply.STATUS_HEADER)).isEqualTo("201");
    assertThat(reply.body().toJsonObject()).isEqualTo(new JsonObject().put("echo", new JsonObject().put("name", "Shoes")));
    BusRequest seen = received.get();
    assertThat(seen.param("id")).isEqualTo("42");
    assertThat(seen.query().getLong("limit")).isEqualTo(5L);
    assertThat(seen.header("If-Match")).isEqualTo("\"3\"");
    assertThat(seen.principal().userId()).isEqualTo("user-1");
    assertThat(seen.principal().isAdmin()).isTrue();
    assertThat(seen.requestId()).isEqualTo("rid-1");
  }

  @Test
  void an_api_error_becomes_a_reply_failure_coded_with_the_http_status(Vertx vertx) {
    ReplyException failure = fail(vertx, "test.missing");

    assertThat(failure.failureCode()).isEqualTo(404);
    assertThat(new JsonObject(failure.getMessage()).getJsonObject("error"))
      .isEqualTo(new JsonObject().put("code", "NOT_FOUND").put("message", "Widget not found"));
  }

  @Test
  void a_thrown_api_error_keeps_its_code_and_details(Vertx vertx) {
    ReplyException failure = fail(vertx, "test.conflict");

    JsonObject error = new JsonObject(failure.getMessage()).getJsonObject("error");
    assertThat(failure.failureCode()).isEqualTo(409);
    assertThat(error.getString("code")).isEqualTo("OUT_OF_STOCK");
    assertThat(error.getJsonObject("details").getString("variantIds")).isEqualTo("v1");
  }

  @Test
  void an_unexpected_exception_becomes_a_500_that_leaks_nothing(Vertx vertx) {
    ReplyException failure = fail(vertx, "test.bug");

    assertThat(failure.failureCode()).isEqualTo(500);
    assertThat(failure.getMessage()).doesNotContain("secret").doesNotContain("IllegalStateException");
    assertThat(new JsonObject(failure.getMessage()).getJsonObject("error").getString("code")).isEqualTo("INTERNAL");
  }

  private static ReplyException fail(Vertx vertx, String address) {
    Future<Message<Object>> result = vertx.eventBus().request(address, BusRequest.of(null, Principal.ANONYMOUS).toJson());
    return catchThrowableOfType(ReplyException.class, result::await);
  }
}
