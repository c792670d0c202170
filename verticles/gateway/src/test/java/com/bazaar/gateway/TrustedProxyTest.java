package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a trusted proxy (the test client's 127.0.0.1), each forwarded client has its own bucket. */
class TrustedProxyTest {
  private static TestStack stack;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    Map<String, String> env = new java.util.HashMap<>(EdgeFixture.env());
    env.put("BAZAAR_GATEWAY_TRUSTED_PROXIES", "[\"127.0.0.1\"]");
    stack = TestStack.start(env, EdgeFixture.policies());
    new BusBindings(stack.vertx().eventBus())
      .bind("edge.ok", request -> Future.succeededFuture(BusReply.ok(new JsonObject()))).ready().await();
    stack.deploy(GatewayVerticle::new, 1);
    http = stack.http();
  }

  @AfterAll
  static void stop() {
    http.close();
    stack.close();
  }

  @Test
  void each_client_behind_the_proxy_is_limited_on_its_own() {
    Map<String, String> first = Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.1");
    for (int i = 0; i < 10; i++) {
      assertThat(http.get("/limited", first).status()).isEqualTo(200);
    }

    assertThat(http.get("/limited", first).status()).isEqualTo(429);
    assertThat(http.get("/limited", Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.2")).status())
      .as("the spoofable left of the chain is not the client; its right is").isEqualTo(200);
    assertThat(http.get("/limited", Map.of("Forwarded", "for=198.51.100.3")).status()).isEqualTo(200);
  }
}
