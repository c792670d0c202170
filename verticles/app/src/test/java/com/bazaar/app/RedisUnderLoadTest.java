package com.bazaar.app;

import com.bazaar.platform.metrics.Degradations;
import com.bazaar.platform.metrics.Degradations.Decision;
import com.bazaar.platform.testing.Poll;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis under the load of 256 concurrent connections on cached and authenticated routes: it stays a working
 * dependency, not an apparent outage. A token revoked by logout is refused on every request once the promised
 * revocation delay has passed, and no check is skipped and no limit fails open while Redis is reachable.
 */
class RedisUnderLoadTest {
  private static final int CONNECTIONS = 256;
  private static final long REVOCATION_CACHE_MS = 300;

  private record Outcome(long startedMs, String route, int status) {
  }

  @Test
  void under_256_connections_a_revoked_token_is_refused_after_the_revocation_delay_and_nothing_degrades() {
    try (RunningApp app = RunningApp.start(Map.of(
      "BAZAAR_AUTH_REVOCATION_CACHE_MS", String.valueOf(REVOCATION_CACHE_MS),
      "BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_ANONYMOUS_LIMIT", "100000000",
      "BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_ANONYMOUS_BURST", "10000000",
      "BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_USER_LIMIT", "100000000",
      "BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_USER_BURST", "10000000"))) {
      JsonObject revoked = AuthFlows.registerAndLogin(app.http, "revoked@load.test", "CUSTOMER");
      JsonObject other = AuthFlows.registerAndLogin(app.http, "other@load.test", "CUSTOMER");
      Degradations degraded = app.bazaar.platform().degradations();
      Vertx loadVertx = Vertx.vertx();
      try {
        HttpClient client = loadVertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(app.config.getJsonObject("http").getInteger("port")).setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(CONNECTIONS));
        List<Map.Entry<String, String>> routes = List.of(
          Map.entry("/api/v1/products?limit=20", ""),
          Map.entry("/api/v1/auth/me", revoked.getString("accessToken")),
          Map.entry("/api/v1/categories", other.getString("accessToken")),
          Map.entry("/api/v1/auth/me", other.getString("accessToken")));
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        long started = System.currentTimeMillis();
        long loadMs = 4_000;
        Promise<Void> finished = Promise.promise();
        AtomicLong running = new AtomicLong(CONNECTIONS);
        loadVertx.runOnContext(v -> {
          for (int i = 0; i < CONNECTIONS; i++) {
            loop(client, routes, i, started + loadMs, outcomes, () -> {
              if (running.decrementAndGet() == 0) {
                finished.complete();
              }
            });
          }
        });

        Poll.until(Duration.ofSeconds(2), () -> outcomes.size() >= 500);
        int logout = app.http.post("/api/v1/auth/logout", new JsonObject().put("refreshToken",
          revoked.getString("refreshToken")), AuthFlows.bearer(revoked)).status();
        long revokedAt = System.currentTimeMillis();
        finished.future().await();

        long promised = revokedAt + REVOCATION_CACHE_MS;
        List<Outcome> revokedAfterDelay = outcomes.stream()
          .filter(o -> o.route().equals("/api/v1/auth/me#1") && o.startedMs() > promised).toList();
        assertThat(logout).isEqualTo(204);
        assertThat(outcomes.size()).as("requests made under load").isGreaterThan(2_000);
        assertThat(revokedAfterDelay).as("requests with the revoked token after the delay").hasSizeGreaterThan(100)
          .allMatch(o -> o.status() == 401);
        assertThat(outcomes.stream().filter(o -> !o.route().equals("/api/v1/auth/me#1")))
          .as("every other request succeeds").allMatch(o -> o.status() == 200);
        assertThat(degraded.total(Decision.REVOCATION_SKIPPED)).isZero();
        assertThat(degraded.total(Decision.RATE_LIMIT_FAIL_OPEN)).isZero();
        assertThat(degraded.total(Decision.RATE_LIMIT_LOCAL_FALLBACK)).isZero();
        assertThat(degraded.total(Decision.SHED)).isZero();
      } finally {
        loadVertx.close().await();
      }
    }
  }

  /** One connection's worth of load: request after request, round robin over the routes, until the deadline. */
  private static void loop(HttpClient client, List<Map.Entry<String, String>> routes, int n, long until,
                           ConcurrentLinkedQueue<Outcome> outcomes, Runnable done) {
    if (System.currentTimeMillis() >= until) {
      done.run();
      return;
    }
    int index = n % routes.size();
    Map.Entry<String, String> route = routes.get(index);
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(route.getKey()).setTimeout(10_000);
    if (!route.getValue().isEmpty()) {
      options.putHeader("Authorization", "Bearer " + route.getValue());
    }
    long startedMs = System.currentTimeMillis();
    String name = route.getKey() + (index == 1 ? "#1" : "");
    client.request(options).compose(request -> request.send()).compose(response -> response.body()
        .map(body -> response.statusCode()))
      .otherwise(-1)
      .onComplete(ar -> {
        outcomes.add(new Outcome(startedMs, name, ar.result()));
        loop(client, routes, n + 1, until, outcomes, done);
      });
  }
}
