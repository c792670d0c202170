package com.bazaar.platform.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Lists to and from the JSON arrays of bus bodies. */
public final class JsonArrays {
  private JsonArrays() {
  }

  /** Ids (or any values) as a JSON array of their string forms. */
  public static JsonArray strings(Collection<?> values) {
    JsonArray array = new JsonArray();
    values.forEach(value -> array.add(value.toString()));
    return array;
  }

  public static <T> JsonArray of(Collection<T> values, Function<T, JsonObject> toJson) {
    JsonArray array = new JsonArray();
    values.forEach(value -> array.add(toJson.apply(value)));
    return array;
  }

  /** A JSON array of strings as a set, each parsed (ids, for example). */
  public static <T> Set<T> decodeStrings(JsonArray array, Function<String, T> parse) {
    Set<T> values = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      values.add(parse.apply(array.getString(i)));
    }
    return values;
  }

  public static <T> List<T> decode(JsonArray array, Function<JsonObject, T> fromJson) {
    List<T> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      values.add(fromJson.apply(array.getJsonObject(i)));
    }
    return values;
  }
}
