package com.bazaar.gateway.contract.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** JSON Schema's {@code type} keyword over the values Vert.x decodes JSON into. */
final class Types {
  private Types() {
  }

  static SchemaCheck check(List<String> allowed) {
    for (String type : allowed) {
      if (!List.of("object", "array", "string", "integer", "number", "boolean", "null").contains(type)) {
        throw new IllegalArgumentException("Unknown JSON Schema type " + type);
      }
    }
    String expected = allowed.size() == 1 ? allowed.get(0) : String.join(" or ", allowed);
    return (value, path, problems) -> {
      for (String type : allowed) {
        if (is(type, value)) {
          return;
        }
      }
      problems.add(new SchemaCheck.Problem(path, "must be " + article(expected) + expected));
    };
  }

  static boolean is(String type, Object value) {
    return switch (type) {
      case "object" -> value instanceof JsonObject;
      case "array" -> value instanceof JsonArray;
      case "string" -> value instanceof String;
      case "integer" -> value instanceof Integer || value instanceof Long || value instanceof BigInteger
        || value instanceof Short || value instanceof Byte;
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      default -> value == null;
    };
  }

  /** JSON equality: numbers compare by value, whatever Java type they were decoded as. */
  static boolean sameJson(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return a == null ? b == null : a.equals(b);
  }

  private static String article(String type) {
    return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ";
  }
}
