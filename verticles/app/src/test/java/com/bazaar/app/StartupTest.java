package com.bazaar.app;

import com.bazaar.platform.error.StartupException;
import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class StartupTest {

  @Test
  void an_unreachable_postgres_fails_fast_with_one_line_naming_it_and_the_fix() {
    int closed = TestConfig.closedPort();
    JsonObject config = TestConfig.forDatabase("bazaar", Map.of("BAZAAR_PG_PORT", String.valueOf(closed)));

    long start = System.nanoTime();
    Throwable failure = catchThrowable(() -> Bazaar.start(config, LaunchOptions.parse(List.of())).await());

    assertThat(failure).isInstanceOf(StartupException.class)
      .hasMessageStartingWith("PostgreSQL not reachable at 127.0.0.1:" + closed)
      .hasMessageContaining("BAZAAR_PG_HOST");
    assertThat(failure.getStackTrace()).isEmpty();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void with_redis_and_rabbitmq_down_it_starts_degraded_and_says_which_are_down() {
    int closed = TestConfig.closedPort();
    try (RunningApp app = RunningApp.start(Map.of(
      "BAZAAR_REDIS_URL", "redis://127.0.0.1:" + closed,
      "BAZAAR_AMQP_PORT", String.valueOf(closed)))) {

      Response ready = app.http.get("/ready");
      Response categories = app.http.get("/api/v1/categories");
      JsonObject pair = AuthFlows.registerAndLogin(app.http, "degraded@bazaar.test", "CUSTOMER");
      Response me = app.http.get("/api/v1/auth/me", AuthFlows.bearer(pair));

      assertThat(me.status()).as("token verification fails open without Redis").isEqualTo(200);
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().getJsonObject("checks")).isEqualTo(new JsonObject()
        .put("postgres", "UP").put("redis", "DOWN").put("rabbitmq", "DOWN"));
      assertThat(categories.status()).isEqualTo(200);
    }
  }

  @Test
  void a_subset_of_services_runs_without_the_others() {
    try (RunningApp app = RunningApp.start(Map.of(), "--services", "gateway")) {
      Response health = app.http.get("/health");
      Response categories = app.http.get("/api/v1/categories");

      assertThat(health.status()).isEqualTo(200);
      assertThat(categories.status()).isEqualTo(503);
      assertThat(categories.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
    }
  }
}
