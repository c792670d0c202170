package com.bazaar.gateway.contract.schema;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Ways to break a request that the contract must refuse, or at least survive: wrong types, missing and extra
 * fields, numbers at and past every boundary, strings from every Unicode plane, control characters, NUL, lone
 * surrogates and a megabyte, deep nesting, a repeated key, a wrong content type, broken JSON, and bad
 * percent-encoding in paths and queries.
 */
public final class Mutations {
  /** Written into the JSON text as they are: 1e400 has no double, and an encoder would quote it. */
  public static final List<String> ODD_NUMBERS = List.of("1e400", "-1e400", "-0", "9223372036854775808",
    "-9223372036854775809", "1.5", "1E-400", "0", "-1", "2147483648", "1e9");
  public static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u0001\u001f\u007f",
    "\ud800", "\udc00x", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \uD83D\uDE00 \uDB40\uDC01 \uDBFF\uDFFF", "ﷺ‮RTL", "'; DROP TABLE products; --",
    "%ZZ", "\r\n\r\nX-Injected: 1", "x".repeat(5_000), everyPlane());
  public static final List<Object> WRONG_TYPES = List.of("text", 42, 4.2, true, new JsonArray().add(1),
    new JsonObject().put("k", "v"));

  private Mutations() {
  }

  /** One code point from each of the 17 Unicode planes, assigned or not. */
  private static String everyPlane() {
    StringBuilder text = new StringBuilder();
    for (int plane = 0; plane <= 16; plane++) {
      text.appendCodePoint(plane * 0x10000 + 0x4E2D);
    }
    return text.toString();
  }

  /** Every JSON pointer inside a value: object fields and array elements, at any depth. */
  public static List<List<Object>> pointers(Object json) {
    List<List<Object>> found = new ArrayList<>();
    collect(json, new ArrayList<>(), found);
    return found;
  }

  private static void collect(Object json, List<Object> at, List<List<Object>> found) {
    if (json instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        List<Object> next = new ArrayList<>(at);
        next.add(name);
        found.add(next);
        collect(object.getValue(name), next, found);
      }
    } else if (json instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        List<Object> next = new ArrayList<>(at);
        next.add(i);
        found.add(next);
        collect(array.getValue(i), next, found);
      }
    }
  }

  /** A copy of {@code json} with the value at {@code pointer} replaced, or removed when {@code value} is REMOVE. */
  public static Object replace(Object json, List<Object> pointer, Object value) {
    Object copy = json instanceof JsonObject o ? o.copy() : ((JsonArray) json).copy();
    Object parent = copy;
    for (int i = 0; i < pointer.size() - 1; i++) {
      parent = parent instanceof JsonObject o ? o.getValue((String) pointer.get(i)) : ((JsonArray) parent).getValue((Integer) pointer.get(i));
    }
    Object last = pointer.get(pointer.size() - 1);
    if (parent instanceof JsonObject o) {
      if (value == REMOVE) {
        o.remove((String) last);
      } else {
        o.put((String) last, value);
      }
    } else if (parent instanceof JsonArray a) {
      if (value == REMOVE) {
        a.remove((int) (Integer) last);
      } else {
        a.set((Integer) last, value);
      }
    }
    return copy;
  }

  public static final Object REMOVE = new Object();

  /** Arrays nested {@code depth} deep. */
  public static Buffer deepNesting(int depth) {
    return Buffer.buffer("[".repeat(depth) + "]".repeat(depth));
  }

  /** The object as JSON with its first key written twice, the second time with another value. */
  public static Buffer duplicateKey(JsonObject body) {
    String encoded = body.encode();
    if (body.isEmpty()) {
      return Buffer.buffer("{\"a\":1,\"a\":2}");
    }
    String first = body.fieldNames().iterator().next();
    return Buffer.buffer("{\"" + first + "\":null," + encoded.substring(1));
  }

  private static final String NUMBER_MARK = "\u0001number\u0001";

  /** The JSON text of {@code json} with the value at {@code pointer} replaced by the number written as it is. */
  public static Buffer withRawNumber(Object json, List<Object> pointer, String number) {
    Object marked = replace(json, pointer, NUMBER_MARK);
    String encoded = marked instanceof JsonObject o ? o.encode() : ((JsonArray) marked).encode();
    return Buffer.buffer(encoded.replace("\"\\u0001number\\u0001\"", number));
  }

  public static Buffer brokenJson(Buffer body) {
    return body.length() < 2 ? Buffer.buffer("{") : body.slice(0, body.length() / 2);
  }
}
