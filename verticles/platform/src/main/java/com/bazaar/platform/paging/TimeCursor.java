package com.bazaar.platform.paging;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonArray;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The keyset of a list newest first: the time and id of the last row of a page. */
public record TimeCursor(OffsetDateTime time, UUID id) {

  public static String encode(OffsetDateTime time, UUID id) {
    return Cursor.encode(time.toInstant().toString(), id.toString());
  }

  /** The key after which the next page starts; null for the first page; 400 {@code INVALID_CURSOR} if malformed. */
  public static TimeCursor decode(String cursor) {
    JsonArray keys = Cursor.decode(cursor, 2);
    if (keys == null) {
      return null;
    }
    try {
      return new TimeCursor(Instant.parse(keys.getString(0)).atOffset(ZoneOffset.UTC), UUID.fromString(keys.getString(1)));
    } catch (DateTimeParseException | IllegalArgumentException | ClassCastException e) {
      throw ApiError.badRequest("INVALID_CURSOR", "The cursor is not one this list issued", null);
    }
  }

  public static OffsetDateTime timeOf(TimeCursor cursor) {
    return cursor == null ? null : cursor.time();
  }

  public static UUID idOf(TimeCursor cursor) {
    return cursor == null ? null : cursor.id();
  }
}
