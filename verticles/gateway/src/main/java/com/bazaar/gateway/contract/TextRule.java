package com.bazaar.gateway.contract;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Refuses text that cannot be stored as it was sent. PostgreSQL has no NUL in text, and a lone UTF-16 surrogate
 * (JSON's {@code "\ud800"}) has no UTF-8 form, so the driver would write {@code ?} in its place: the caller would
 * read back something other than what it wrote.
 */
final class TextRule {
  private TextRule() {
  }

  /** Throws INVALID_TEXT when any key or string inside the decoded JSON value is not storable text. */
  static void check(Object json, String where) {
    if (json instanceof String text) {
      require(text, where);
    } else if (json instanceof JsonObject object) {
      for (Map.Entry<String, Object> field : object) {
        String at = where.isEmpty() ? field.getKey() : where + "." + field.getKey();
        require(field.getKey(), at);
        check(field.getValue(), at);
      }
    } else if (json instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        check(array.getValue(i), where + "[" + i + "]");
      }
    }
  }

  static void require(String text, String where) {
    if (!storable(text)) {
      throw ApiError.badRequest("INVALID_TEXT", (where.isEmpty() ? "the body" : where)
        + " holds a NUL character or a lone UTF-16 surrogate", new JsonObject().put("field", where));
    }
  }

  static boolean storable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
