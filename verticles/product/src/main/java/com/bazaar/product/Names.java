package com.bazaar.product;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonObject;

/** Display names of catalog entries: trimmed, and never blank, on create and on update alike. */
public final class Names {
  private Names() {
  }

  /** The trimmed name, or null when the field is absent (a PATCH that leaves it); blank is a 400. */
  public static String trimmed(String name) {
    if (name == null) {
      return null;
    }
    String trimmed = name.strip();
    if (trimmed.isEmpty()) {
      throw ApiError.badRequest("INVALID_NAME", "name must not be blank", new JsonObject().put("field", "name"));
    }
    return trimmed;
  }

  /** The slug the body gives, or one made from the name only when it gives none. */
  public static String slug(JsonObject body, String name) {
    return body.containsKey("slug") ? body.getString("slug") : Slugs.fromName(name);
  }
}
