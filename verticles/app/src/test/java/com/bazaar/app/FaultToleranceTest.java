package com.bazaar.app;

import com.bazaar.platform.testing.FaultProxy;
import com.bazaar.platform.testing.TestEnv;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Dependencies that go away and come back, behind TCP proxies that can cut every connection. */
class FaultToleranceTest {
  private static Vertx proxies;

  @BeforeAll
  static void start() {
    proxies = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    proxies.close().await();
  }

  @Test
  void redis_and_rabbitmq_coming_back_are_picked_up_without_a_restart() throws Exception {
    String[] redisAddress = TestEnv.redisHostPort();
    try (FaultProxy redis = FaultProxy.down(proxies, redisAddress[0], Integer.parseInt(redisAddress[1]));
         FaultProxy amqp = FaultProxy.down(proxies, TestEnv.services().get("BAZAAR_AMQP_HOST"),
           Integer.parseInt(TestEnv.services().get("BAZAAR_AMQP_PORT")));
         RunningApp app = RunningApp.start(Map.of(
           "BAZAAR_REDIS_URL", "redis://127.0.0.1:" + redis.port(),
           "BAZAAR_AMQP_PORT", String.valueOf(amqp.port()),
           "BAZAAR_AMQP_RECONNECT_INTERVAL_MS", "200"))) {

      Response degraded = app.http.get("/ready");
      redis.restore();
      amqp.restore();
      Response recovered = poll(app, "/ready", r -> r.status() == 200);

      assertThat(degraded.status()).isEqualTo(503);
      assertThat(degraded.json().getJsonObject("checks"))
        .isEqualTo(new JsonObject().put("postgres", "UP").put("redis", "DOWN").put("rabbitmq", "DOWN"));
      assertThat(recovered.status()).isEqualTo(200);
    }
  }

  @Test
  void when_postgres_drops_every_connection_requests_fail_cleanly_and_the_pool_recovers() throws Exception {
    try (FaultProxy pg = FaultProxy.up(proxies, TestEnv.pgHost(), TestEnv.pgPort());
         RunningApp app = RunningApp.start(Map.of("BAZAAR_PG_PORT", String.valueOf(pg.port())))) {
      assertThat(app.http.get("/api/v1/categories").status()).isEqualTo(200);

      pg.cut();
      Response cached = app.http.get("/api/v1/categories");
      Response during = app.http.get("/api/v1/categories?limit=7");
      pg.restore();
      Response after = poll(app, "/api/v1/categories?limit=7", r -> r.status() == 200);

      assertThat(cached.status()).as("a cached answer still serves").isEqualTo(200);
      assertThat(cached.header("X-Cache")).isEqualTo("HIT");

      assertThat(during.status()).isEqualTo(503);
      assertThat(during.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
      assertThat(after.status()).isEqualTo(200);
    }
  }

  private static Response poll(RunningApp app, String path, Predicate<Response> done) throws InterruptedException {
    Response response = app.http.get(path);
    for (int i = 0; i < 100 && !done.test(response); i++) {
      Thread.sleep(100);
      response = app.http.get(path);
    }
    return response;
  }
}
