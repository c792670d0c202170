package com.bazaar.gateway.contract.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Near misses of a valid value, for telling two validators apart: each edit lands on one field or item and moves
 * it just across a line a schema may draw. Numbers go to every bound that the document names, one either side of
 * it, and to its integral double ({@code 2.0}); strings grow, shrink, gain a trailing line break or a no-break
 * space, or become an edge case of a date-time; objects lose a field or gain one; arrays repeat, lose or gain an
 * item.
 */
final class Variants {
  private static final List<String> DATE_TIMES = List.of("2026-11-30T10:15:30Z", "2026-11-30T10:15:30.123456789+05:30",
    "2026-11-30t10:15:30z", "2026-11-30T10:15Z", "2026-11-30 10:15:30Z", "2026-02-30T10:15:30Z", "2026-11-30T24:00:00Z",
    "2026-11-30T10:15:30+0530", "2026-11-30T10:15:30", "2026-11-30", "20261130T101530Z", "2016-12-31T23:59:60Z",
    "2026-11-30T10:15:30-00:00", "+2026-11-30T10:15:30Z", "2026-11-30T10:15:30.Z", "9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6f",
    "9B2F6C1E-5A4B-4C3D-8E2F-1A2B3C4D5E6F", "9b2f6c1e5a4b4c3d8e2f1a2b3c4d5e6f", "{9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6f}",
    "2026-1-30");

  private final List<Object> numbers = new ArrayList<>();
  private final List<Object> words = new ArrayList<>(DATE_TIMES);

  /** @param document the schemas whose bounds and enumerated words the edits aim at */
  Variants(JsonObject document) {
    TreeSet<BigDecimal> bounds = new TreeSet<>();
    collect(document, bounds);
    for (BigDecimal bound : bounds) {
      for (String step : List.of("-1", "-0.5", "0", "0.5", "1")) {
        BigDecimal near = bound.add(new BigDecimal(step));
        numbers.add(near.stripTrailingZeros().scale() <= 0 ? (Object) near.longValueExact() : near.doubleValue());
      }
      numbers.add(bound.doubleValue());
    }
    numbers.addAll(List.of(-0.0, 1e9, 2_147_483_648L, new BigInteger("9223372036854775808"), 1e-7));
  }

  private void collect(Object node, TreeSet<BigDecimal> bounds) {
    if (node instanceof JsonObject object) {
      for (String key : object.fieldNames()) {
        Object value = object.getValue(key);
        if (value instanceof Number n && key.matches("(exclusiveM|m)(in|ax)imum|m(in|ax)(Length|Items|Properties)")) {
          bounds.add(new BigDecimal(n.toString()));
        } else if (key.equals("enum") && value instanceof JsonArray values) {
          values.forEach(words::add);
        }
        collect(value, bounds);
      }
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> collect(item, bounds));
    }
  }

  /** The value unchanged a quarter of the time, otherwise with one or two edits. */
  Gen<Object> of(Gen<Object> valid) {
    Gen<Integer> edits = Generate.pick(List.of(0, 1, 1, 2));
    return random -> {
      Object value = valid.generate(random);
      for (int n = edits.generate(random); n > 0; n--) {
        value = edit(value, random);
      }
      return value;
    };
  }

  private Object edit(Object value, RandomnessSource random) {
    List<List<Object>> pointers = Mutations.pointers(value);
    int where = Generate.range(-1, pointers.size() - 1).generate(random);
    if (where < 0) {
      return changed(value, random);
    }
    List<Object> pointer = pointers.get(where);
    Object target = pointer.stream().reduce(value, (at, step) -> at instanceof JsonObject o ? o.getValue((String) step)
      : ((JsonArray) at).getValue((Integer) step), (a, b) -> b);
    Object replacement = pick(Arrays.asList(Mutations.REMOVE, changed(target, random), changed(target, random)), random);
    return Mutations.replace(value, pointer, replacement);
  }

  private Object changed(Object target, RandomnessSource random) {
    int kind = Generate.range(0, 5).generate(random);
    if (kind == 0) {
      return pick(Mutations.WRONG_TYPES, random);
    }
    if (target instanceof Number || kind == 1) {
      return pick(numbers, random);
    }
    if (target instanceof String s) {
      return pick(Arrays.asList(s + "x", s.isEmpty() ? s : s.substring(1), s + "\n", "\u00a0" + s, s + s,
        pick(words, random), s.toUpperCase()), random);
    }
    if (target instanceof JsonObject object) {
      JsonObject copy = object.copy();
      return kind % 2 == 0 ? copy.put("zz" + kind, pick(words, random)) : copy.put("zz", copy.copy());
    }
    if (target instanceof JsonArray array) {
      JsonArray copy = array.copy();
      return array.isEmpty() ? copy.add(pick(words, random)) : kind % 2 == 0 ? copy.add(array.getValue(0))
        : copy.add(changed(array.getValue(0), random));
    }
    return pick(words, random);
  }

  private static <T> T pick(List<T> from, RandomnessSource random) {
    return from.get(Generate.range(0, from.size() - 1).generate(random));
  }
}
