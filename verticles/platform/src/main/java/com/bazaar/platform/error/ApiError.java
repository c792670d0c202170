package com.bazaar.platform.error;

import io.vertx.core.json.JsonObject;

/**
 * The one error type of Bazaar. It carries the HTTP status, a stable machine-readable code, a human message
 * and optional details. It has no stack trace: it is a result, not a bug.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final JsonObject details;

  public ApiError(int status, String code, String message, JsonObject details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  public ApiError(int status, String code, String message) {
    this(status, code, message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public JsonObject details() {
    return details;
  }

  public static ApiError badRequest(String code, String message, JsonObject details) {
    return new ApiError(400, code, message, details);
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, "BAD_REQUEST", message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "UNAUTHORIZED", message);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(403, "FORBIDDEN", message);
  }

  public static ApiError notFound(String what) {
    return new ApiError(404, "NOT_FOUND", what + " not found");
  }

  public static ApiError conflict(String code, String message, JsonObject details) {
    return new ApiError(409, code, message, details);
  }

  public static ApiError unprocessable(String code, String message, JsonObject details) {
    return new ApiError(422, code, message, details);
  }

  public static ApiError unavailable(String message) {
    return new ApiError(503, "SERVICE_UNAVAILABLE", message);
  }

  public static ApiError timeout(String message) {
    return new ApiError(504, "TIMEOUT", message);
  }

  public static ApiError internal() {
    return new ApiError(500, "INTERNAL", "Internal error");
  }

  /** The body without a request id: {@code {"error":{"code":…,"message":…,"details":…}}}. */
  public JsonObject toJson() {
    JsonObject error = new JsonObject().put("code", code).put("message", getMessage());
    if (details != null) {
      error.put("details", details);
    }
    return new JsonObject().put("error", error);
  }

  /** Reads a body written by {@link #toJson()}; used where an error crossed the event bus. */
  public static ApiError fromJson(int status, JsonObject body) {
    JsonObject error = body.getJsonObject("error", new JsonObject());
    return new ApiError(status, error.getString("code", "ERROR"), error.getString("message", ""),
      error.getJsonObject("details"));
  }

  @Override
  public String toString() {
    return "ApiError[" + status + " " + code + ": " + getMessage() + "]";
  }
}
