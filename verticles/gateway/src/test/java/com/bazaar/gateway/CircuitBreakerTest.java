package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.cache.CacheDomains;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import com.bazaar.platform.testing.TestStack;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
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
        assertThat(http.get("/fragile/" + cached).header("X-Cache")).as("asked again: admitted to Redis").isEqualTo("MISS");
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

  @Test
  void after_a_write_to_its_domain_a_last_good_copy_is_never_served_stale() throws InterruptedException {
    try (TestStack stack = EdgeFixture.start()) {
      BusBindings fragile = bindFragile(stack);
      stack.deploy(GatewayVerticle::new, 1);
      try (TestHttp http = stack.http()) {
        String deleted = "d-" + UUID.randomUUID().toString().substring(0, 8);
        http.get("/fragile/" + deleted);
        Thread.sleep(1_100);
        http.get("/fragile/" + deleted);
        Thread.sleep(1_100);

        CacheDomains.bump(stack.platform().redis(), stack.vertx().eventBus(), "test").await();
        fragile.unbindAll().await();
        for (int i = 0; i < 3; i++) {
          http.get("/fragile/never-cached-" + i);
        }
        Response afterWrite = http.get("/fragile/" + deleted);

        assertThat(stack.platform().bus().state("fragile")).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(afterWrite.status()).isEqualTo(503);
        assertThat(afterWrite.header("X-Cache")).isNotEqualTo("STALE");
      }
    }
  }

  @Test
  void a_hundred_500s_caused_by_one_clients_requests_leave_the_breaker_closed_for_everyone_else() {
    try (TestStack stack = EdgeFixture.start()) {
      bindFragile(stack);
      new BusBindings(stack.vertx().eventBus()).bind("fragile.buggy", request -> {
        throw new IllegalStateException("a bug this request found");
      }).ready().await();
      stack.deploy(GatewayVerticle::new, 1);
      try (TestHttp http = stack.http()) {
        List<Integer> bugs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          bugs.add(http.get("/buggy/" + i).status());
        }
        Response other = http.get("/fragile/other-" + UUID.randomUUID());

        assertThat(bugs).containsOnly(500);
        assertThat(stack.platform().bus().state("fragile")).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().getString("id")).startsWith("other-");
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
