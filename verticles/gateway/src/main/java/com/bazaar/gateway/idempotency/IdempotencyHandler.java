package com.bazaar.gateway.idempotency;

import com.bazaar.gateway.http.ClientAddresses;
import com.bazaar.gateway.http.BusForwarder;
import com.bazaar.gateway.http.RequestState;
import com.bazaar.gateway.http.ErrorResponder;
import com.bazaar.gateway.http.ReplyWriter;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import com.bazaar.platform.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * {@code Idempotency-Key} for unsafe operations marked {@code x-bazaar-idempotent} (IETF httpapi draft, Stripe's
 * semantics). The first request claims the key in Redis for the caller; its answer (any status below 500) is kept
 * for {@code gateway.idempotency.ttlSec} and replayed, same status and same bytes, to a retry with the same body.
 * The same key with another body is 422. A retry that arrives while the first is still running waits for its answer
 * (polling the record every {@value #POLL_MS} ms, for at most {@code gateway.idempotency.waitMs}) and gets it as a
 * replay; a first request that is still running after that is 409. A missing key is 400. A 5xx
 * answer releases the key so the client may retry. Without Redis the request is refused (503): doing the work
 * twice is worse than not doing it.
 */
public final class IdempotencyHandler implements Handler<RoutingContext> {
  public static final String HEADER = "Idempotency-Key";
  private static final String REPLAYED = "Idempotent-Replayed";
  private static final long POLL_MS = 20;

  private final SharedRedis redis;
  private final BusForwarder forwarder;
  private final long ttlSec;
  private final long waitMs;

  public IdempotencyHandler(SharedRedis redis, BusForwarder forwarder, long ttlSec, long waitMs) {
    this.redis = redis;
    this.forwarder = forwarder;
    this.ttlSec = ttlSec;
    this.waitMs = waitMs;
  }

  @Override
  public void handle(RoutingContext rc) {
    String key = rc.request().getHeader(HEADER);
    if (key == null || key.isBlank() || key.length() > 255) {
      rc.fail(ApiError.badRequest("IDEMPOTENCY_KEY_REQUIRED",
        "This operation needs an Idempotency-Key header (1 to 255 characters)", null));
      return;
    }
    Principal principal = RequestState.principal(rc);
    String scope = principal.isAnonymous() ? "ip:" + ClientAddresses.of(rc) : principal.userId();
    String redisKey = "idem:" + scope + ":" + key;
    String fingerprint = fingerprint(rc);
    String pending = new JsonObject().put("state", "pending").put("fingerprint", fingerprint).encode();
    redis.send(Request.cmd(Command.SET).arg(redisKey).arg(pending).arg("NX").arg("EX").arg(ttlSec), 1000)
      .compose(claimed -> claimed != null ? forwardAndKeep(rc, redisKey, fingerprint)
        : settled(rc, redisKey, System.nanoTime() + waitMs * 1_000_000).map(existing -> answerExisting(rc, existing,
          fingerprint)))
      .onFailure(failure -> ErrorResponder.send(rc, failure instanceof ApiError api ? api
        : ApiError.unavailable("Idempotency keys cannot be checked right now; retry shortly")));
  }

  private Future<Void> forwardAndKeep(RoutingContext rc, String redisKey, String fingerprint) {
    return forwarder.forward(rc).transform(ar -> {
      ApiError failure = ar.failed() ? ErrorMapper.map(ar.cause()) : null;
      int status = failure != null ? failure.status() : ar.result().status();
      Buffer body = failure != null ? ErrorResponder.body(rc, failure) : ar.result().body();
      Future<?> kept = status >= 500
        ? redis.send(Request.cmd(Command.DEL).arg(redisKey), 1000)
        : redis.send(Request.cmd(Command.SET).arg(redisKey).arg(new JsonObject().put("state", "done")
          .put("fingerprint", fingerprint).put("status", status)
          .put("body", Base64.getEncoder().encodeToString(body.getBytes())).encode()).arg("EX").arg(ttlSec), 1000);
      return kept.otherwiseEmpty().map(v -> {
        rc.response().putHeader(REPLAYED, "false");
        if (failure != null) {
          ErrorResponder.send(rc, failure);
        } else {
          rc.response().putHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
          ReplyWriter.write(rc, status, body);
        }
        return null;
      });
    });
  }

  /** The key's record once the first request has an answer, or as it stands when the wait is over. */
  private Future<Response> settled(RoutingContext rc, String redisKey, long deadlineNanos) {
    return redis.send(Request.cmd(Command.GET).arg(redisKey), 1000).compose(existing -> {
      boolean pending = existing != null && "pending".equals(new JsonObject(existing.toString()).getString("state"));
      if (!pending || System.nanoTime() >= deadlineNanos || rc.response().closed()) {
        return Future.succeededFuture(existing);
      }
      return rc.vertx().timer(POLL_MS).compose(t -> settled(rc, redisKey, deadlineNanos));
    });
  }

  private Void answerExisting(RoutingContext rc, Response existing, String fingerprint) {
    if (existing == null) {
      throw ApiError.conflict("IDEMPOTENCY_KEY_IN_USE", "The key was released while checking it; retry", null);
    }
    JsonObject record = new JsonObject(existing.toString());
    if (!fingerprint.equals(record.getString("fingerprint"))) {
      throw ApiError.unprocessable("IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was used with a different request", null);
    }
    if ("pending".equals(record.getString("state"))) {
      throw ApiError.conflict("IDEMPOTENCY_KEY_IN_USE", "A request with this Idempotency-Key is still in progress", null);
    }
    Buffer body = Buffer.buffer(Base64.getDecoder().decode(record.getString("body")));
    rc.response().putHeader(REPLAYED, "true").putHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    rc.response().setStatusCode(record.getInteger("status"));
    if (record.getInteger("status") == 204) {
      rc.response().end();
    } else {
      rc.response().putHeader(HttpHeaders.CONTENT_TYPE, ErrorResponder.JSON).end(body);
    }
    return null;
  }

  private static String fingerprint(RoutingContext rc) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(rc.request().method().name().getBytes(StandardCharsets.UTF_8));
      sha.update(rc.request().uri().getBytes(StandardCharsets.UTF_8));
      Buffer body = rc.body() == null ? null : rc.body().buffer();
      if (body != null) {
        sha.update(body.getBytes());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
