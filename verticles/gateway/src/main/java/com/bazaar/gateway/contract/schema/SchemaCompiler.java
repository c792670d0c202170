package com.bazaar.gateway.contract.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles the JSON Schemas of the contract into plain checks, once, at start: patterns are compiled once,
 * {@code $ref}s resolved once, and a request costs only the checks themselves. It supports the keywords the
 * contract uses and refuses any other, so that no constraint in the contract is ever silently skipped. The
 * formats {@code date-time} (RFC 3339, with an offset), {@code date} and {@code uuid} are asserted, not annotations.
 */
public final class SchemaCompiler {
  private static final Set<String> ANNOTATIONS = Set.of("description", "title", "examples", "example", "default",
    "deprecated", "readOnly", "writeOnly", "$comment");

  private final JsonObject document;
  private final Map<String, SchemaCheck> byRef = new HashMap<>();

  /** @param document the whole contract, for resolving {@code $ref}s such as {@code #/components/schemas/Uuid} */
  public SchemaCompiler(JsonObject document) {
    this.document = document;
  }

  public SchemaCheck compile(JsonObject schema) {
    List<SchemaCheck> checks = new ArrayList<>();
    for (String keyword : schema.fieldNames()) {
      if (ANNOTATIONS.contains(keyword) || keyword.startsWith("x-") || keyword.startsWith("__")) {
        continue;
      }
      checks.add(keyword(keyword, schema));
    }
    checks.removeIf(c -> c == null);
    return (value, path, problems) -> {
      for (SchemaCheck check : checks) {
        check.check(value, path, problems);
      }
    };
  }

  private SchemaCheck keyword(String keyword, JsonObject schema) {
    Object arg = schema.getValue(keyword);
    return switch (keyword) {
      case "$ref" -> ref((String) arg);
      case "type" -> Types.check(arg instanceof JsonArray a ? a.stream().map(String::valueOf).toList() : List.of((String) arg));
      case "enum" -> oneOfValues(((JsonArray) arg).getList());
      case "const" -> oneOfValues(java.util.Collections.singletonList(arg));
      case "minLength" -> string((s, p, out) -> {
        if (s.codePointCount(0, s.length()) < ((Number) arg).intValue()) {
          out.add(new SchemaCheck.Problem(p, "must have at least " + arg + " characters"));
        }
      });
      case "maxLength" -> string((s, p, out) -> {
        if (s.codePointCount(0, s.length()) > ((Number) arg).intValue()) {
          out.add(new SchemaCheck.Problem(p, "must have at most " + arg + " characters"));
        }
      });
      case "pattern" -> pattern((String) arg);
      case "format" -> Formats.check((String) arg);
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> bound(keyword, (Number) arg);
      case "properties" -> properties((JsonObject) arg);
      case "required" -> required(((JsonArray) arg).stream().map(String::valueOf).toList());
      case "additionalProperties" -> additional(schema.getJsonObject("properties", new JsonObject()).fieldNames(), arg);
      case "minProperties", "maxProperties" -> propertyCount(keyword, ((Number) arg).intValue());
      case "items" -> items(compile((JsonObject) arg));
      case "minItems", "maxItems" -> itemCount(keyword, ((Number) arg).intValue());
      case "uniqueItems" -> Boolean.TRUE.equals(arg) ? unique() : null;
      case "oneOf", "anyOf" -> alternatives(keyword, (JsonArray) arg);
      case "allOf" -> all((JsonArray) arg);
      default -> throw new IllegalArgumentException("The contract uses JSON Schema keyword '" + keyword
        + "', which the gateway's validator does not support");
    };
  }

  private SchemaCheck ref(String ref) {
    String pointer = ref.substring(ref.indexOf('#') + 1);
    SchemaCheck known = byRef.get(pointer);
    if (known != null) {
      return known;
    }
    SchemaCheck[] target = new SchemaCheck[1];
    SchemaCheck lazy = (value, path, problems) -> target[0].check(value, path, problems);
    byRef.put(pointer, lazy);
    Object resolved = JsonPointer.from(pointer).queryJson(document);
    if (!(resolved instanceof JsonObject schema)) {
      throw new IllegalArgumentException("Unresolvable $ref " + ref);
    }
    target[0] = compile(schema);
    return lazy;
  }

  private static SchemaCheck oneOfValues(List<Object> allowed) {
    Set<Object> canonical = new HashSet<>();
    allowed.forEach(value -> canonical.add(Types.canonical(value)));
    return (value, path, problems) -> {
      if (!canonical.contains(Types.canonical(value))) {
        problems.add(new SchemaCheck.Problem(path, "must be one of " + allowed));
      }
    };
  }

  private interface StringCheck {
    void check(String value, String path, List<SchemaCheck.Problem> problems);
  }

  private static SchemaCheck string(StringCheck check) {
    return (value, path, problems) -> {
      if (value instanceof String s) {
        check.check(s, path, problems);
      }
    };
  }

  /** ECMA 262's white space and line terminators, which its {@code \s} matches; Java's matches only ASCII ones. */
  private static final String ECMA_SPACE = "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F"
    + "\\u205F\\u3000\\uFEFF";

  /**
   * JSON Schema patterns are ECMA 262 regexes searched in the value, and two of its escapes mean something else in
   * Java. Java's {@code $} also matches before a final line break, so {@code "INR\n"} would pass {@code ^[A-Z]{3}$}:
   * every unescaped {@code $} outside a character class becomes {@code \z}. And {@code \s} is Unicode white space
   * in ECMA 262, so {@code [^@\s]} must refuse a no-break space: it becomes ECMA's own list. {@code \S} inside a
   * class has no Java spelling and is refused at start; no pattern of the contract uses it.
   */
  static Pattern ecma(String regex) {
    StringBuilder out = new StringBuilder(regex.length() + 4);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char escaped = regex.charAt(++i);
        if (escaped == 's') {
          out.append(inClass ? ECMA_SPACE : "[" + ECMA_SPACE + "]");
        } else if (escaped == 'S' && !inClass) {
          out.append("[^").append(ECMA_SPACE).append(']');
        } else if (escaped == 'S') {
          throw new IllegalArgumentException("The pattern " + regex + " uses \\S inside a character class");
        } else {
          out.append(c).append(escaped);
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      }
      out.append(c == '$' && !inClass ? "\\z" : String.valueOf(c));
    }
    return Pattern.compile(out.toString());
  }

  private static SchemaCheck pattern(String regex) {
    Pattern compiled = ecma(regex);
    return string((s, p, out) -> {
      if (!compiled.matcher(s).find()) {
        out.add(new SchemaCheck.Problem(p, "must match " + regex));
      }
    });
  }

  private static SchemaCheck bound(String keyword, Number limit) {
    BigDecimal bound = new BigDecimal(limit.toString());
    return (value, path, problems) -> {
      if (!(value instanceof Number n)) {
        return;
      }
      int cmp = compare(n, bound);
      boolean ok = switch (keyword) {
        case "minimum" -> cmp >= 0;
        case "maximum" -> cmp <= 0;
        case "exclusiveMinimum" -> cmp > 0;
        default -> cmp < 0;
      };
      if (!ok) {
        String relation = switch (keyword) {
          case "minimum" -> "at least ";
          case "maximum" -> "at most ";
          case "exclusiveMinimum" -> "more than ";
          default -> "less than ";
        };
        problems.add(new SchemaCheck.Problem(path, "must be " + relation + limit));
      }
    };
  }

  /** A decoded JSON number against a bound; {@code 1e400} decodes to infinity, which is beyond every bound. */
  private static int compare(Number n, BigDecimal bound) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d < 0 ? -1 : 1;
    }
    return Types.decimal(n).compareTo(bound);
  }

  private SchemaCheck properties(JsonObject properties) {
    Map<String, SchemaCheck> checks = new HashMap<>();
    properties.forEach(e -> checks.put(e.getKey(), compile((JsonObject) e.getValue())));
    return (value, path, problems) -> {
      if (value instanceof JsonObject object) {
        for (Map.Entry<String, SchemaCheck> e : checks.entrySet()) {
          if (object.containsKey(e.getKey())) {
            e.getValue().check(object.getValue(e.getKey()), path + "/" + e.getKey(), problems);
          }
        }
      }
    };
  }

  private static SchemaCheck required(List<String> names) {
    return (value, path, problems) -> {
      if (value instanceof JsonObject object) {
        for (String name : names) {
          if (!object.containsKey(name)) {
            problems.add(new SchemaCheck.Problem(path + "/" + name, "is required"));
          }
        }
      }
    };
  }

  private SchemaCheck additional(Set<String> declared, Object rule) {
    Set<String> known = new HashSet<>(declared);
    SchemaCheck extra = rule instanceof JsonObject schema ? compile(schema) : null;
    boolean forbidden = Boolean.FALSE.equals(rule);
    return (value, path, problems) -> {
      if (value instanceof JsonObject object) {
        for (String name : object.fieldNames()) {
          if (known.contains(name)) {
            continue;
          }
          if (forbidden) {
            problems.add(new SchemaCheck.Problem(path + "/" + name, "is not an accepted field"));
          } else if (extra != null) {
            extra.check(object.getValue(name), path + "/" + name, problems);
          }
        }
      }
    };
  }

  private static SchemaCheck propertyCount(String keyword, int limit) {
    boolean min = keyword.startsWith("min");
    return (value, path, problems) -> {
      if (value instanceof JsonObject object && (min ? object.size() < limit : object.size() > limit)) {
        problems.add(new SchemaCheck.Problem(path, "must have " + (min ? "at least " : "at most ") + limit + " fields"));
      }
    };
  }

  private static SchemaCheck items(SchemaCheck each) {
    return (value, path, problems) -> {
      if (value instanceof JsonArray array) {
        for (int i = 0; i < array.size() && problems.size() < SchemaCheck.MAX_PROBLEMS; i++) {
          each.check(array.getValue(i), path + "/" + i, problems);
        }
      }
    };
  }

  private static SchemaCheck itemCount(String keyword, int limit) {
    boolean min = keyword.startsWith("min");
    return (value, path, problems) -> {
      if (value instanceof JsonArray array && (min ? array.size() < limit : array.size() > limit)) {
        problems.add(new SchemaCheck.Problem(path, "must have " + (min ? "at least " : "at most ") + limit + " items"));
      }
    };
  }

  private static SchemaCheck unique() {
    return (value, path, problems) -> {
      if (value instanceof JsonArray array && array.stream().map(Types::canonical).distinct().count() != array.size()) {
        problems.add(new SchemaCheck.Problem(path, "must not repeat items"));
      }
    };
  }

  private SchemaCheck all(JsonArray schemas) {
    List<SchemaCheck> parts = schemas.stream().map(s -> compile((JsonObject) s)).toList();
    return (value, path, problems) -> {
      for (SchemaCheck part : parts) {
        part.check(value, path, problems);
      }
    };
  }

  private SchemaCheck alternatives(String keyword, JsonArray schemas) {
    List<SchemaCheck> options = schemas.stream().map(s -> compile((JsonObject) s)).toList();
    boolean exactlyOne = keyword.equals("oneOf");
    return (value, path, problems) -> {
      int passing = 0;
      for (SchemaCheck option : options) {
        List<SchemaCheck.Problem> trial = new ArrayList<>();
        option.check(value, path, trial);
        if (trial.isEmpty()) {
          passing++;
        }
      }
      if (exactlyOne ? passing != 1 : passing == 0) {
        problems.add(new SchemaCheck.Problem(path, "matches none of the allowed forms"));
      }
    };
  }
}
