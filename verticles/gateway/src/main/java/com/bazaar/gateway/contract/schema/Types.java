package com.bazaar.gateway.contract.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
      case "integer" -> isInteger(value);
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      default -> value == null;
    };
  }

  /** JSON Schema's integer is a number without a fractional part, so {@code 2.0} is one. */
  static boolean isInteger(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return !Double.isInfinite(d) && d == Math.rint(d);
    }
    if (value instanceof BigDecimal d) {
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger
      || value instanceof Short || value instanceof Byte;
  }

  /** A finite decoded JSON number as the exact decimal it stands for. */
  static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal d ? d : n instanceof BigInteger i ? new BigDecimal(i)
      : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
  }

  /** A value that equals another exactly when the two are equal JSON: numbers become plain BigDecimals. */
  static Object canonical(Object value) {
    if (value instanceof Number n && !(n instanceof Double d && (d.isInfinite() || d.isNaN()))) {
      BigDecimal exact = decimal(n);
      return exact.signum() == 0 ? BigDecimal.ZERO : exact.stripTrailingZeros();
    }
    if (value instanceof JsonObject object) {
      Map<String, Object> fields = new HashMap<>();
      object.forEach(e -> fields.put(e.getKey(), canonical(e.getValue())));
      return fields;
    }
    if (value instanceof JsonArray array) {
      return array.stream().map(Types::canonical).toList();
    }
    return value;
  }

  private static String article(String type) {
    return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ";
  }
}
