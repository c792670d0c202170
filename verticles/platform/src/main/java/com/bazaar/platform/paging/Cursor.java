package com.bazaar.platform.paging;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The keyset cursor codec: the sort key values of the last row of a page, as a JSON array in base64url.
 * Opaque to clients; a cursor that does not decode, or has the wrong shape, is a 400.
 */
public final class Cursor {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Cursor() {
  }

  public static String encode(Object... keyValues) {
    return ENCODER.encodeToString(new JsonArray(java.util.Arrays.asList(keyValues)).encode()
      .getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor that must hold exactly {@code arity} values; a null cursor gives null. */
  public static JsonArray decode(String cursor, int arity) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      JsonArray keys = new JsonArray(new String(DECODER.decode(cursor), StandardCharsets.UTF_8));
      if (keys.size() != arity || keys.stream().anyMatch(v -> v == null)) {
        throw invalid();
      }
      return keys;
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      throw invalid();
    }
  }

  private static ApiError invalid() {
    return ApiError.badRequest("INVALID_CURSOR", "The cursor is not one this list issued", null);
  }
}
