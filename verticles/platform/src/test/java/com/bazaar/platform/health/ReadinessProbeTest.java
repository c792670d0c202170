package com.bazaar.platform.health;

import com.bazaar.platform.Platform;
import com.bazaar.platform.metrics.MetricsSetup;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class ReadinessProbeTest {
  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void every_dependency_up_means_ready() {
    Platform platform = platform(Map.of());
    awaitAmqp(platform);

    ReadinessProbe.Readiness readiness = platform.readiness().check().await();

    assertThat(readiness.body().getJsonObject("checks"))
      .isEqualTo(new JsonObject().put("postgres", "UP").put("redis", "UP").put("rabbitmq", "UP"));
    assertThat(readiness.ready()).isTrue();
    platform.close().await();
    platform.vertx().close().await();
  }

  @Test
  void each_dependency_that_is_down_is_named() {
    int closed = TestConfig.closedPort();
    Platform platform = platform(Map.of(
      "BAZAAR_REDIS_URL", "redis://127.0.0.1:" + closed,
      "BAZAAR_AMQP_PORT", String.valueOf(closed),
      "BAZAAR_PG_PORT", String.valueOf(closed)));

    ReadinessProbe.Readiness readiness = platform.readiness().check().await();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.body().getString("status")).isEqualTo("DOWN");
    assertThat(readiness.body().getJsonObject("checks"))
      .isEqualTo(new JsonObject().put("postgres", "DOWN").put("redis", "DOWN").put("rabbitmq", "DOWN"));
    platform.close().await();
    platform.vertx().close().await();
  }

  private static Platform platform(Map<String, String> env) {
    return new Platform(Vertx.vertx(), TestConfig.forDatabase(database.name(), env), MetricsSetup.newRegistry());
  }

  private static void awaitAmqp(Platform platform) {
    Poll.until(Duration.ofSeconds(10), platform.events().broker()::isConnected);
  }
}
