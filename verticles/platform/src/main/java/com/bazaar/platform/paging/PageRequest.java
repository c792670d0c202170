package com.bazaar.platform.paging;

import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonObject;

/** The one limit policy: default 20, hard cap 100, anything else is a 400 that says so. */
public record PageRequest(int limit, String cursor) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public static PageRequest from(BusRequest request) {
    Object raw = request.query().getValue("limit");
    int limit = DEFAULT_LIMIT;
    if (raw != null) {
      try {
        limit = raw instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(raw.toString());
      } catch (NumberFormatException | ArithmeticException e) {
        throw invalidLimit(raw);
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw invalidLimit(raw);
      }
    }
    return new PageRequest(limit, request.queryString("cursor"));
  }

  /** Rows to fetch: one more than the page, to learn whether a next page exists. */
  public int fetchSize() {
    return limit + 1;
  }

  private static ApiError invalidLimit(Object raw) {
    return ApiError.badRequest("INVALID_LIMIT", "limit must be between 1 and " + MAX_LIMIT,
      new JsonObject().put("limit", String.valueOf(raw)).put("max", MAX_LIMIT));
  }
}
