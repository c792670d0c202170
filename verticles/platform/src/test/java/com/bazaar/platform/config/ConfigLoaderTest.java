package com.bazaar.platform.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

  @TempDir
  Path dir;

  @Test
  void defaults_apply_with_no_file_and_no_environment() {
    JsonObject config = ConfigLoader.load(null, Map.of());

    assertThat(config.getString("profile")).isEqualTo("dev");
    assertThat(config.getJsonObject("http").getInteger("port")).isEqualTo(8080);
    assertThat(config.getJsonObject("pg").getString("host")).isEqualTo("127.0.0.1");
  }

  @Test
  void the_profile_overlay_applies_over_the_defaults() {
    JsonObject dev = ConfigLoader.load(null, Map.of());
    JsonObject bench = ConfigLoader.load(null, Map.of("BAZAAR_PROFILE", "bench"));

    assertThat(dev.getJsonObject("http").getBoolean("accessLog")).isTrue();
    assertThat(bench.getString("profile")).isEqualTo("bench");
    assertThat(bench.getJsonObject("http").getBoolean("accessLog")).isFalse();
    assertThat(bench.getJsonObject("http").getBoolean("benchRoutes")).isTrue();
  }

  @Test
  void the_conf_file_wins_over_the_profile_and_the_environment_wins_over_the_file() throws IOException {
    Path file = write("""
      {"profile":"bench","http":{"port":9000,"accessLog":true},"pg":{"host":"db.internal"}}""");

    JsonObject fileOnly = ConfigLoader.load(file, Map.of());
    JsonObject withEnv = ConfigLoader.load(file, Map.of("BAZAAR_HTTP_PORT", "9100", "BAZAAR_PROFILE", "prod"));

    assertThat(fileOnly.getString("profile")).isEqualTo("bench");
    assertThat(fileOnly.getJsonObject("http").getBoolean("accessLog")).isTrue();
    assertThat(fileOnly.getJsonObject("http").getInteger("port")).isEqualTo(9000);
    assertThat(fileOnly.getJsonObject("pg").getInteger("port")).isEqualTo(5432);
    assertThat(withEnv.getString("profile")).isEqualTo("prod");
    assertThat(withEnv.getJsonObject("http").getInteger("port")).isEqualTo(9100);
    assertThat(withEnv.getJsonObject("pg").getString("host")).isEqualTo("db.internal");
    assertThat(withEnv.getJsonObject("pg").getBoolean("createDatabase")).isFalse();
  }

  @Test
  void environment_values_take_the_type_of_the_default() {
    JsonObject config = ConfigLoader.load(null, Map.of(
      "BAZAAR_PG_POOL_SIZE_PRODUCT", "12",
      "BAZAAR_HTTP_COMPRESSION_ENABLED", "false",
      "BAZAAR_GATEWAY_RATE_LIMITS_FALLBACK_FRACTION", "0.25",
      "BAZAAR_GATEWAY_RESPONSE_CACHE_EARLY_REFRESH_BETA", "2",
      "BAZAAR_REDIS_URL", "redis://cache:6380"));

    assertThat(config.getJsonObject("pg").getJsonObject("poolSize").getValue("product")).isEqualTo(12);
    assertThat(config.getJsonObject("http").getJsonObject("compression").getValue("enabled")).isEqualTo(false);
    assertThat(config.getJsonObject("redis").getString("url")).isEqualTo("redis://cache:6380");
    assertThat(config.getJsonObject("gateway").getJsonObject("rateLimits").getValue("fallbackFraction")).isEqualTo(0.25);
    assertThat(config.getJsonObject("gateway").getJsonObject("responseCache").getValue("earlyRefreshBeta")).isEqualTo(2.0);
  }

  @Test
  void a_malformed_environment_value_is_refused_with_its_variable_name() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("BAZAAR_HTTP_PORT", "eighty")))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessageContaining("BAZAAR_HTTP_PORT")
      .hasMessageContaining("http.port");
  }

  @Test
  void an_unknown_profile_is_refused() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("BAZAAR_PROFILE", "staging")))
      .hasMessageContaining("Unknown profile 'staging'");
  }

  @Test
  void environment_names_are_derived_from_the_key_path() {
    assertThat(EnvNames.of("pg.host")).isEqualTo("BAZAAR_PG_HOST");
    assertThat(EnvNames.of("pg.poolSize.product")).isEqualTo("BAZAAR_PG_POOL_SIZE_PRODUCT");
    assertThat(EnvNames.of("http.compression.minBytes")).isEqualTo("BAZAAR_HTTP_COMPRESSION_MIN_BYTES");
    assertThat(EnvNames.of("auth.bootstrapAdmin.email")).isEqualTo("BAZAAR_ADMIN_EMAIL");
  }

  private Path write(String json) throws IOException {
    Path file = dir.resolve("override.json");
    Files.writeString(file, json);
    return file;
  }
}
