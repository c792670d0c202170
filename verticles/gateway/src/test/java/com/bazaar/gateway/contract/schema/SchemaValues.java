package com.bazaar.gateway.contract.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values that a JSON Schema of the contract accepts, as QuickTheories generators. A pattern is matched by the
 * schema's {@code examples} when it has some, or by a generator for the patterns the contract uses; a new pattern
 * with neither fails here, so the fuzzer never quietly stops covering a field.
 */
public final class SchemaValues {
  private static final Gen<String> SLUG = SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
    .map(part -> "f" + part);
  /** Date-times are in the far future, so that an expiry is never refused for being past. */
  private static final Map<String, Gen<String>> FORMATS = Map.of(
    "date-time", SourceDSL.longs().between(4_102_444_800L, 32_503_680_000L)
      .map(seconds -> java.time.Instant.ofEpochSecond(seconds).toString()),
    "date", SourceDSL.integers().between(0, 2_900_000).map(days -> java.time.LocalDate.ofEpochDay(days).toString()),
    "uuid", SourceDSL.longs().all().zip(SourceDSL.longs().all(), (a, b) -> new java.util.UUID(a, b).toString()));
  private static final Map<String, Gen<String>> PATTERNS = Map.ofEntries(
    Map.entry("^[a-z0-9]+(-[a-z0-9]+)*$", SLUG),
    Map.entry("^[A-Za-z0-9-]{1,120}$", SLUG),
    Map.entry("^[A-Z]{3}$", Generate.constant("INR")),
    Map.entry("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", SLUG.map(local -> local + "@fuzz.test")),
    Map.entry("^\\+?[0-9 ()-]{6,20}$", SourceDSL.strings().numericBetween(1_000_000, 999_999_999).map(d -> "+91 " + d)),
    Map.entry("^[A-Za-z0-9._-]{1,64}$", SLUG),
    Map.entry("^(W/)?\"?[0-9]{1,9}\"?$", Generate.range(1, 9).map(v -> "\"" + v + "\"")),
    Map.entry("^https?://", SLUG.map(p -> "https://img.example/" + p + ".jpg")),
    Map.entry("^[A-Za-z0-9_-]+$", SLUG),
    Map.entry("^[A-Za-z0-9_-]{8,64}$", SLUG.map(s -> "key-" + s + "-abc")),
    Map.entry("^[0-9A-Za-z]{8,32}$", SLUG.map(s -> "Ab3" + s + "xy9")));

  private final JsonObject document;
  private final Map<String, Gen<Object>> byRef = new HashMap<>();

  public SchemaValues(JsonObject document) {
    this.document = document;
  }

  /** The schema with its {@code $ref} followed. */
  public JsonObject resolve(JsonObject schema) {
    JsonObject current = schema;
    while (current.getString("$ref") != null) {
      String ref = current.getString("$ref");
      current = (JsonObject) JsonPointer.from(ref.substring(ref.indexOf('#') + 1)).queryJson(document);
    }
    return current;
  }

  /**
   * Values the schema accepts. A {@code $ref} is generated lazily, so a schema that refers to itself (a tree) is
   * generated to a random, finite depth: each optional field is present half of the time.
   */
  public Gen<Object> valid(JsonObject raw) {
    String ref = raw.getString("$ref");
    if (ref == null) {
      return resolved(raw);
    }
    Gen<Object> known = byRef.get(ref);
    if (known != null) {
      return known;
    }
    List<Gen<Object>> target = new ArrayList<>(1);
    Gen<Object> lazy = random -> target.get(0).generate(random);
    byRef.put(ref, lazy);
    target.add(resolved(resolve(raw)));
    return lazy;
  }

  private Gen<Object> resolved(JsonObject schema) {
    if (schema.containsKey("const")) {
      return Generate.constant(schema.getValue("const"));
    }
    if (schema.getJsonArray("enum") != null) {
      return Generate.pick(schema.getJsonArray("enum").getList());
    }
    if (schema.getJsonArray("examples") != null && !schema.getJsonArray("examples").isEmpty()) {
      return Generate.pick(schema.getJsonArray("examples").getList());
    }
    if (schema.getJsonArray("allOf") != null) {
      return resolved(merged(schema));
    }
    JsonArray alternatives = schema.getJsonArray(schema.containsKey("oneOf") ? "oneOf" : "anyOf");
    if (alternatives != null) {
      return oneOf(alternatives.stream().map(option -> valid((JsonObject) option)).toList());
    }
    Object type = schema.getValue("type");
    if (type instanceof JsonArray types) {
      List<String> concrete = types.stream().map(String::valueOf).filter(t -> !t.equals("null")).toList();
      return Generate.oneOf(valid(schema.copy().put("type", concrete.get(0))), Generate.constant((Object) null));
    }
    return switch (type == null ? "object" : type.toString()) {
      case "object" -> object(schema);
      case "array" -> array(schema);
      case "string" -> string(schema);
      case "integer" -> SourceDSL.longs().between(min(schema), max(schema)).map(v -> (Object) v);
      case "number" -> SourceDSL.longs().between(min(schema), max(schema)).map(v -> (Object) (v + 0.5));
      case "boolean" -> SourceDSL.booleans().all().map(v -> (Object) v);
      case "null" -> Generate.constant(() -> null);
      default -> throw new IllegalArgumentException("no generator for type " + type);
    };
  }

  /** An {@code allOf} of object schemas as one schema: the union of their fields and of their required fields. */
  private JsonObject merged(JsonObject schema) {
    JsonObject properties = new JsonObject();
    JsonArray required = new JsonArray();
    for (Object part : schema.getJsonArray("allOf")) {
      JsonObject each = resolve((JsonObject) part);
      properties.mergeIn(each.getJsonObject("properties", new JsonObject()));
      required.addAll(each.getJsonArray("required", new JsonArray()));
    }
    return new JsonObject().put("type", "object").put("properties", properties).put("required", required);
  }

  @SuppressWarnings("unchecked")
  private static Gen<Object> oneOf(List<Gen<Object>> options) {
    return Generate.oneOf(options.get(0), options.subList(1, options.size()).toArray(Gen[]::new));
  }

  /** Every required field, and each optional one half of the time. */
  private Gen<Object> object(JsonObject schema) {
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    Set<String> required = new LinkedHashSet<>();
    schema.getJsonArray("required", new JsonArray()).forEach(name -> required.add(name.toString()));
    Map<String, Gen<Object>> fields = new LinkedHashMap<>();
    properties.fieldNames().forEach(name -> fields.put(name, valid(properties.getJsonObject(name))));
    int minProperties = schema.getInteger("minProperties", 0);
    Gen<Boolean> coin = SourceDSL.booleans().all();
    return random -> {
      JsonObject value = new JsonObject();
      fields.forEach((name, gen) -> {
        if (required.contains(name) || coin.generate(random)) {
          value.put(name, gen.generate(random));
        }
      });
      for (Map.Entry<String, Gen<Object>> field : fields.entrySet()) {
        if (value.size() >= minProperties) {
          break;
        }
        value.put(field.getKey(), field.getValue().generate(random));
      }
      return value;
    };
  }

  private Gen<Object> array(JsonObject schema) {
    int min = schema.getInteger("minItems", 0);
    int max = Math.max(min, Math.min(schema.getInteger("maxItems", 3), 3));
    Gen<Object> item = valid(schema.getJsonObject("items", new JsonObject().put("type", "string")));
    boolean unique = schema.getBoolean("uniqueItems", false);
    Gen<Integer> size = Generate.range(min, max);
    return random -> {
      int n = size.generate(random);
      List<Object> values = new ArrayList<>();
      for (int attempt = 0; values.size() < n && attempt < n * 10; attempt++) {
        Object next = item.generate(random);
        if (!unique || !values.contains(next)) {
          values.add(next);
        }
      }
      return new JsonArray(values);
    };
  }

  private static Gen<Object> string(JsonObject schema) {
    Gen<String> formatted = FORMATS.get(schema.getString("format", ""));
    if (formatted != null) {
      return formatted.map(v -> (Object) v);
    }
    String pattern = schema.getString("pattern");
    if (pattern != null) {
      Gen<String> known = PATTERNS.get(pattern);
      if (known == null) {
        throw new IllegalArgumentException("No generator for the pattern " + pattern + ": give the schema examples");
      }
      return known.map(v -> (Object) v);
    }
    int min = Math.max(1, schema.getInteger("minLength", 1));
    int max = Math.max(min, Math.min(schema.getInteger("maxLength", 40), 40));
    return SourceDSL.strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(min, max)
      .map(s -> (Object) ("F" + s.substring(1)));
  }

  private static long min(JsonObject schema) {
    if (schema.getValue("exclusiveMinimum") instanceof Number n) {
      return n.longValue() + 1;
    }
    return schema.getValue("minimum") instanceof Number n ? n.longValue() : 0;
  }

  private static long max(JsonObject schema) {
    if (schema.getValue("exclusiveMaximum") instanceof Number n) {
      return n.longValue() - 1;
    }
    return schema.getValue("maximum") instanceof Number n ? Math.min(n.longValue(), 1_000_000) : 1_000_000;
  }
}
