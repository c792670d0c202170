package com.bazaar.platform;

import com.bazaar.platform.error.ApiError;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** UUID parsing for ids that arrive as strings, and ids derived from what they stand for. */
public final class Ids {
  private static final Pattern UUID_SHAPE =
    Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private Ids() {
  }

  public static boolean isUuid(String value) {
    return value != null && UUID_SHAPE.matcher(value).matches();
  }

  /** Parses an id the contract already checked; a malformed one is still a 400, never a 500. */
  public static UUID parse(String value, String field) {
    if (!isUuid(value)) {
      throw ApiError.badRequest("INVALID_ID", field + " must be a UUID", null);
    }
    return UUID.fromString(value);
  }

  /**
   * The same id for the same parts, every time (a name-based UUID of the parts joined with {@code :}): a row keyed
   * by it is written once however often the event that asks for it is delivered.
   */
  public static UUID derived(Object... parts) {
    StringBuilder name = new StringBuilder();
    for (Object part : parts) {
      name.append(name.isEmpty() ? "" : ":").append(part);
    }
    return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A path id of a {@code what}: one that is not a UUID names nothing, so it is a 404 like any unknown id. */
  public static UUID pathId(String value, String what) {
    if (!isUuid(value)) {
      throw ApiError.notFound(what);
    }
    return UUID.fromString(value);
  }
}
