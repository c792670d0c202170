package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import com.bazaar.platform.testing.TestStack;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

  @Test
  void with_its_consumer_gone_a_target_trips_its_breaker_serves_stale_copies_and_recovers_when_it_returns()
    throws InterruptedException {
    try (TestStack stack = EdgeFixture.start()) {
      BusBindings fragile = bindFragile(stack);
      stack.deploy(GatewayVerticle::new, 1);
      try (TestHttp http = stack.http()) {
        String cached = "c-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.get("/fragile/" + cached).header("X-Cache")).isEqualTo("MISS");
        Thread.sleep(1_100);

        fragile.unbindAll().await();
        for (int i = 0; i < 3; i++) {
          assertThat(http.get("/fragile/never-cached-" + i).status()).isEqualTo(503);
        }
        Response open = http.get("/fragile/never-cached");
        Response stale = http.get("/fragile/" + cached);
        CircuitBreakerState whileDown = stack.platform().bus().state("fragile");

        bindFragile(stack);
        Thread.sleep(800);
        Response recovered = http.get("/fragile/back-" + UUID.randomUUID());

        assertThat(whileDown).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(open.status()).isEqualTo(503);
        assertThat(open.header("Retry-After")).isEqualTo("1");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.header("X-Cache")).isEqualTo("STALE");
        assertThat(stale.json().getString("id")).isEqualTo(cached);
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(stack.platform().bus().state("fragile")).isEqualTo(CircuitBreakerState.CLOSED);
      }
    }
  }

  private static BusBindings bindFragile(TestStack stack) {
    BusBindings bindings = new BusBindings(stack.vertx().eventBus()).bind("fragile.get",
      request -> Future.succeededFuture(BusReply.ok(new JsonObject().put("id", request.param("id")))));
    bindings.ready().await();
    return bindings;
  }
}
