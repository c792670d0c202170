package com.bazaar.platform.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration reference must document every key, its environment variable and its default. */
class ConfigReferenceTest {

  @Test
  void conf_readme_documents_every_key_with_its_variable_and_default() throws IOException {
    String reference = Files.readString(Path.of("../../conf/README.md"));
    JsonObject defaults = new JsonObject(Files.readString(Path.of("../../conf/bazaar.json")));
    List<String> undocumented = new ArrayList<>();
    for (Map.Entry<String, Object> leaf : leaves(defaults, "")) {
      String row = "| `" + leaf.getKey() + "` | `" + EnvNames.of(leaf.getKey()) + "` | `"
        + io.vertx.core.json.Json.encode(leaf.getValue()) + "` |";
      if (!reference.contains(row)) {
        undocumented.add(row);
      }
    }
    assertThat(undocumented).isEmpty();
  }

  private static List<Map.Entry<String, Object>> leaves(JsonObject node, String prefix) {
    List<Map.Entry<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : node) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue() instanceof JsonObject child) {
        out.addAll(leaves(child, path));
      } else {
        out.add(Map.entry(path, e.getValue()));
      }
    }
    return out;
  }
}
