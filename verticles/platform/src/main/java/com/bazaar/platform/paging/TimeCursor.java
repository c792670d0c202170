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
  /** The key before every real key of a newest-first list: the first page starts here. */
  public static final TimeCursor FIRST_PAGE = new TimeCursor(OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0,
    ZoneOffset.UTC), new UUID(-1L, -1L));

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

  /** As {@link #decode}, with {@link #FIRST_PAGE} for no cursor. */
  public static TimeCursor decodeOrFirst(String cursor) {
    TimeCursor decoded = decode(cursor);
    return decoded == null ? FIRST_PAGE : decoded;
  }

  public static OffsetDateTime timeOf(TimeCursor cursor) {
    return cursor == null ? null : cursor.time();
  }

  public static UUID idOf(TimeCursor cursor) {
    return cursor == null ? null : cursor.id();
  }
}
