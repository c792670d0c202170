package com.bazaar.notification;

import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A notification's row. */
record Notification(UUID id, String type, String title, String body, JsonObject data, OffsetDateTime createdAt,
                    OffsetDateTime readAt) {
  static final String COLUMNS = "id, type, title, body, data, created_at, read_at";

  static Notification from(Row row) {
    return new Notification(row.getUUID("id"), row.getString("type"), row.getString("title"), row.getString("body"),
      (JsonObject) row.getValue("data"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("read_at"));
  }

  JsonObject toJson() {
    return new JsonObject()
      .put("id", id.toString())
      .put("type", type)
      .put("title", title)
      .put("body", body)
      .put("data", data)
      .put("createdAt", IsoTime.format(createdAt))
      .put("readAt", readAt == null ? null : IsoTime.format(readAt));
  }
}
