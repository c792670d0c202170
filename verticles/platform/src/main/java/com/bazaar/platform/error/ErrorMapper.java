package com.bazaar.platform.error;

import com.bazaar.platform.db.ConstraintErrors;
import com.bazaar.platform.redis.RedisBusy;
import com.bazaar.platform.redis.RedisUnavailable;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The single place where any failure becomes an {@link ApiError}: a status and the standard body.
 * Unknown failures become a 500 that leaks nothing; they are logged here with their stack trace.
 */
public final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {
  }

  public static ApiError map(Throwable failure) {
    return map(failure, ConstraintErrors.NONE);
  }

  /** As {@link #map(Throwable)}, answering violations of the named constraints as the service declared them. */
  public static ApiError map(Throwable failure, ConstraintErrors constraints) {
    if (failure instanceof PgException pg) {
      Optional<ApiError> declared = constraints.answer(pg);
      if (declared.isPresent()) {
        return declared.get();
      }
    }
    if (failure instanceof ApiError apiError) {
      return apiError;
    }
    if (failure instanceof ReplyException reply) {
      return fromReply(reply);
    }
    if (failure instanceof PgException pg) {
      return fromPg(pg);
    }
    if (failure instanceof RedisBusy) {
      return new ApiError(503, "OVERLOADED", "Bazaar is overloaded; retry shortly",
        new JsonObject().put("retryAfterSeconds", 1));
    }
    if (failure instanceof RedisUnavailable) {
      return ApiError.unavailable("A backing service is unavailable");
    }
    if (failure instanceof TimeoutException) {
      return ApiError.timeout("The operation timed out");
    }
    if (failure instanceof DecodeException || failure instanceof DecoderException) {
      return ApiError.badRequest("MALFORMED_JSON", "The body is not valid JSON", null);
    }
    if (isPoolExhausted(failure)) {
      return new ApiError(503, "BUSY", "The service is at capacity; retry shortly");
    }
    if (isConnectionFailure(failure)) {
      return ApiError.unavailable("A backing service is unavailable");
    }
    LOG.error("Unexpected failure", failure);
    return ApiError.internal();
  }

  private static ApiError fromReply(ReplyException reply) {
    if (reply.failureType() == ReplyFailure.TIMEOUT) {
      return ApiError.timeout("The service did not answer in time");
    }
    if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
      return ApiError.unavailable("No instance of the service is available");
    }
    int status = reply.failureCode();
    String message = reply.getMessage();
    if (status >= 400 && status < 600 && message != null && message.startsWith("{")) {
      try {
        return ApiError.fromJson(status, new JsonObject(message));
      } catch (DecodeException ignored) {
        // fall through to the generic mapping
      }
    }
    LOG.error("Unexpected bus failure: code={} message={}", status, message);
    return ApiError.internal();
  }

  private static ApiError fromPg(PgException pg) {
    String state = pg.getSqlState() == null ? "" : pg.getSqlState();
    switch (state) {
      case "23505":
        return ApiError.conflict("DUPLICATE", "A resource with the same unique value already exists",
          new JsonObject().put("constraint", pg.getConstraint()));
      case "23503":
        return ApiError.conflict("REFERENCE_CONFLICT", "The change breaks a reference to another resource",
          new JsonObject().put("constraint", pg.getConstraint()));
      case "23514":
        return ApiError.conflict("CONSTRAINT_VIOLATION", "The change breaks a data rule",
          new JsonObject().put("constraint", pg.getConstraint()));
      case "40001":
      case "40P01":
        return new ApiError(409, "CONCURRENT_UPDATE", "A concurrent change conflicted; retry the request");
      case "22001", "22003", "22007", "22008", "22021", "22P02", "22P05":
        LOG.warn("A value reached the database that it refuses ({}): {}", state, pg.getErrorMessage());
        return ApiError.badRequest("INVALID_VALUE", "A value is out of range or malformed", null);
      case "57014":
        return ApiError.timeout("The database query took too long");
      default:
        if (state.startsWith("08") || state.startsWith("57P")) {
          return ApiError.unavailable("The database is unavailable");
        }
        LOG.error("Unexpected database error {}: {}", state, pg.getErrorMessage(), pg);
        return ApiError.internal();
    }
  }

  /**
   * The SQL pool's wait for a free connection ran out ({@code pg.poolWaitTimeoutMs}). Vert.x 5 gives this, and a
   * connection closed under a query, no exception type of their own, only messages; {@code FailureMappingTest}
   * provokes each for real, so a change in Vert.x fails that test rather than turning these 503s into 500s.
   */
  private static boolean isPoolExhausted(Throwable t) {
    String message = String.valueOf(t.getMessage());
    return t instanceof io.vertx.core.impl.NoStackTraceThrowable && message.equals("Timeout")
      || t instanceof io.vertx.core.VertxException && message.equals("Timeout waiting for connection");
  }

  private static boolean isConnectionFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.net.ConnectException || c instanceof io.vertx.core.VertxException
        && String.valueOf(c.getMessage()).contains("Connection")) {
        return true;
      }
      if (c instanceof java.nio.channels.ClosedChannelException) {
        return true;
      }
    }
    return false;
  }
}
