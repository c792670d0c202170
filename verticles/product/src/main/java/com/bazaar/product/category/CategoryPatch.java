package com.bazaar.product.category;

import com.bazaar.platform.json.Settable;
import io.vertx.core.json.JsonObject;

/** A category PATCH: null leaves a field as it is; the description may also be cleared. */
public record CategoryPatch(String name, String slug, Settable<String> description, Boolean active) {

  public static CategoryPatch fromJson(JsonObject body) {
    String name = body.getString("name");
    return new CategoryPatch(name == null ? null : name.trim(), body.getString("slug"),
      Settable.string(body, "description"), body.getBoolean("isActive"));
  }
}
