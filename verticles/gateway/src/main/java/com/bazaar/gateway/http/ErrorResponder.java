package com.bazaar.gateway.http;

import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes every error the gateway returns in the one JSON shape, with the request id. Failures arrive either as
 * an exception or, for router-level errors such as 404, 405 and 413, as a bare status code.
 */
public final class ErrorResponder implements Handler<RoutingContext> {
  public static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

  @Override
  public void handle(RoutingContext rc) {
    send(rc, toApiError(rc));
  }

  public static void send(RoutingContext rc, ApiError error) {
    HttpServerResponse response = rc.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.reset();
      return;
    }
    if (error.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    if (error.status() == 413) {
      response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    }
    if (error.status() == 503 && error.details() != null && error.details().containsKey("retryAfterSeconds")) {
      response.putHeader("Retry-After", String.valueOf(error.details().getLong("retryAfterSeconds")));
    }
    response.setStatusCode(error.status())
      .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
      .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE)
      .end(body(rc, error));
  }

  /** The standard error body of this request. */
  public static Buffer body(RoutingContext rc, ApiError error) {
    JsonObject body = error.toJson();
    body.getJsonObject("error").put("requestId", RequestIdHandler.of(rc));
    return body.toBuffer();
  }

  private static ApiError toApiError(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (failure != null && !(failure instanceof io.vertx.ext.web.handler.HttpException)) {
      return ErrorMapper.map(failure);
    }
    int status = failure instanceof io.vertx.ext.web.handler.HttpException http ? http.getStatusCode()
      : rc.statusCode();
    return byStatus(status, rc);
  }

  private static ApiError byStatus(int status, RoutingContext rc) {
    switch (status) {
      case 400:
        return ApiError.badRequest("The request is malformed");
      case 401:
        return ApiError.unauthorized("Authentication is required");
      case 403:
        return ApiError.forbidden("Not allowed");
      case 404:
        return new ApiError(404, "NOT_FOUND", "No route for " + rc.request().method() + " " + rc.request().path());
      case 405:
        return new ApiError(405, "METHOD_NOT_ALLOWED", rc.request().method() + " is not allowed on " + rc.request().path());
      case 429:
        return new ApiError(429, "RATE_LIMITED", "Too many requests");
      case 413:
        return new ApiError(413, "PAYLOAD_TOO_LARGE", "The request body is larger than the limit");
      case 415:
        return new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "The body must be application/json");
      default:
        return status >= 400 && status < 500
          ? new ApiError(status, "CLIENT_ERROR", "The request was refused")
          : ApiError.internal();
    }
  }
}
