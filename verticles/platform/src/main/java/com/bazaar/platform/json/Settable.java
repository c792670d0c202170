package com.bazaar.platform.json;

import io.vertx.core.json.JsonObject;

/**
 * A field of a PATCH body that may be cleared: absent (leave it as it is), or present with a value, which may be
 * null (clear it). A plain nullable field cannot tell those two apart.
 */
public record Settable<T>(boolean present, T value) {
  private static final Settable<?> ABSENT = new Settable<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> Settable<T> absent() {
    return (Settable<T>) ABSENT;
  }

  public static Settable<String> string(JsonObject body, String field) {
    return body.containsKey(field) ? new Settable<>(true, body.getString(field)) : absent();
  }
}
