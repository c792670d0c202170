package com.bazaar.sharelink.api;

import com.bazaar.platform.Ids;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** May this variant be sold through this link? {@code {"code","variantId"}}. */
public record TermsQuery(String code, UUID variantId) {

  public JsonObject toJson() {
    return new JsonObject().put("code", code).put("variantId", variantId.toString());
  }

  public static TermsQuery fromJson(JsonObject json) {
    return new TermsQuery(json.getString("code"), Ids.parse(json.getString("variantId"), "variantId"));
  }
}
