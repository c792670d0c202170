package com.bazaar.product.category;

import com.bazaar.platform.json.Settable;
import com.bazaar.product.Names;
import io.vertx.core.json.JsonObject;

/** A category PATCH: null leaves a field as it is; the description may also be cleared. */
public record CategoryPatch(String name, String slug, Settable<String> description, Boolean active) {

  public static CategoryPatch fromJson(JsonObject body) {
    return new CategoryPatch(Names.trimmed(body.getString("name")), body.getString("slug"),
      Settable.string(body, "description"), body.getBoolean("isActive"));
  }
}
