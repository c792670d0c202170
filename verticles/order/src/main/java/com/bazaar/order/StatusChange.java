package com.bazaar.order;

import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;

/** One row of an order's status history: who moved it, from what (null for its creation), to what, when and why. */
record StatusChange(long seq, String from, String to, String actor, String notes, OffsetDateTime at) {
  static final String COLUMNS = "seq, from_status, to_status, actor, notes, created_at";

  static StatusChange from(Row row) {
    return new StatusChange(row.getLong("seq"), row.getString("from_status"), row.getString("to_status"),
      row.getString("actor"), row.getString("notes"), row.getOffsetDateTime("created_at"));
  }

  JsonObject toJson() {
    return new JsonObject()
      .put("fromStatus", from)
      .put("status", to)
      .put("actor", actor)
      .put("notes", notes)
      .put("at", IsoTime.format(at));
  }
}
