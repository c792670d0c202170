package com.bazaar.platform.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the effective configuration. Precedence, lowest first: {@code conf/bazaar.json} on the classpath,
 * {@code conf/profiles/<profile>.json}, the {@code --conf} file, then environment variables.
 * Only keys that exist in the defaults can be overridden by the environment; see {@link EnvNames}.
 * Runs on the launcher thread before Vert.x starts, so plain file reads are fine here.
 */
public final class ConfigLoader {
  public static final String DEFAULTS = "conf/bazaar.json";
  private static final String PROFILE_KEY = "profile";

  private ConfigLoader() {
  }

  public static JsonObject load(Path confFile, Map<String, String> env) {
    JsonObject defaults = readResource(DEFAULTS);
    JsonObject fromFile = confFile == null ? new JsonObject() : readFile(confFile);
    String profile = env.getOrDefault(EnvNames.of(PROFILE_KEY),
      fromFile.getString(PROFILE_KEY, defaults.getString(PROFILE_KEY)));

    JsonObject config = defaults.copy();
    JsonObject overlay = readOptionalResource("conf/profiles/" + profile + ".json");
    if (overlay == null) {
      throw new IllegalArgumentException("Unknown profile '" + profile + "': no conf/profiles/" + profile + ".json");
    }
    deepMerge(config, overlay);
    deepMerge(config, fromFile);
    applyEnv(config, "", env);
    config.put(PROFILE_KEY, profile);
    return config;
  }

  public static void deepMerge(JsonObject target, JsonObject source) {
    for (Map.Entry<String, Object> e : source) {
      Object existing = target.getValue(e.getKey());
      if (existing instanceof JsonObject t && e.getValue() instanceof JsonObject s) {
        deepMerge(t, s);
      } else {
        target.put(e.getKey(), e.getValue());
      }
    }
  }

  private static void applyEnv(JsonObject node, String prefix, Map<String, String> env) {
    for (String key : node.fieldNames().toArray(String[]::new)) {
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      Object current = node.getValue(key);
      if (current instanceof JsonObject child) {
        applyEnv(child, path, env);
        continue;
      }
      String raw = env.get(EnvNames.of(path));
      if (raw != null) {
        node.put(key, coerce(path, raw, current));
      }
    }
  }

  private static Object coerce(String path, String raw, Object like) {
    try {
      if (like instanceof Integer) {
        return Integer.parseInt(raw.trim());
      }
      if (like instanceof Long) {
        return Long.parseLong(raw.trim());
      }
      if (like instanceof Double) {
        return Double.parseDouble(raw.trim());
      }
      if (like instanceof Boolean) {
        String v = raw.trim().toLowerCase();
        if (!v.equals("true") && !v.equals("false")) {
          throw new IllegalArgumentException("expected true or false");
        }
        return Boolean.parseBoolean(v);
      }
      if (like instanceof JsonArray) {
        return new JsonArray(raw);
      }
      return raw;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Environment variable " + EnvNames.of(path) + "='" + raw
        + "' is not a valid value for " + path + ": " + e.getMessage(), e);
    }
  }

  private static JsonObject readFile(Path file) {
    try {
      return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read config file " + file, e);
    }
  }

  private static JsonObject readResource(String name) {
    JsonObject json = readOptionalResource(name);
    if (json == null) {
      throw new IllegalStateException("Missing classpath resource " + name);
    }
    return json;
  }

  private static JsonObject readOptionalResource(String name) {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }
}
