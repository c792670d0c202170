package com.bazaar.product.category;

import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A category row. */
public record Category(UUID id, String name, String slug, String description, boolean active,
                OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  static final String COLUMNS = "id, name, slug, description, is_active, created_at, updated_at";

  static Category from(Row row) {
    return new Category(row.getUUID("id"), row.getString("name"), row.getString("slug"),
      row.getString("description"), row.getBoolean("is_active"), row.getOffsetDateTime("created_at"),
      row.getOffsetDateTime("updated_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
      .put("id", id.toString())
      .put("name", name)
      .put("slug", slug)
      .put("description", description)
      .put("isActive", active)
      .put("createdAt", IsoTime.format(createdAt))
      .put("updatedAt", IsoTime.format(updatedAt));
  }
}
