package com.bazaar.product.category;

import com.bazaar.product.Slugs;
import io.vertx.core.json.JsonObject;

/** A category to create; without a slug, one is made from the name. */
public record CategoryDraft(String name, String slug, String description, boolean active) {

  public static CategoryDraft fromJson(JsonObject body) {
    String name = body.getString("name").trim();
    return new CategoryDraft(name, body.getString("slug", Slugs.fromName(name)), body.getString("description"),
      body.getBoolean("isActive", true));
  }
}
