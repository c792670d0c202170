package com.bazaar.product.category;

import com.bazaar.product.Names;
import io.vertx.core.json.JsonObject;

/** A category to create; without a slug, one is made from the name. */
public record CategoryDraft(String name, String slug, String description, boolean active) {

  public static CategoryDraft fromJson(JsonObject body) {
    String name = Names.trimmed(body.getString("name"));
    return new CategoryDraft(name, Names.slug(body, name), body.getString("description"),
      body.getBoolean("isActive", true));
  }
}
