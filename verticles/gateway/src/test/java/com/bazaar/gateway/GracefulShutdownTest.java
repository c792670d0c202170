package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class GracefulShutdownTest {

  @Test
  void undeploying_the_gateway_finishes_in_flight_requests_and_refuses_new_ones() throws Exception {
    try (TestStack stack = TestStack.start(Map.of("BAZAAR_HTTP_CONTRACT", "test-openapi.yaml"))) {
      new BusBindings(stack.vertx().eventBus()).bind("test.slow", request -> {
        Promise<BusReply> late = Promise.promise();
        stack.vertx().setTimer(600, id -> late.complete(BusReply.ok(new JsonObject().put("done", true))));
        return late.future();
      }).ready().await();
      String gateway = stack.vertx().deployVerticle(() -> new GatewayVerticle(stack.platform()),
        new DeploymentOptions()).await();
      HttpClient client = stack.vertx().createHttpClient();

      Future<Integer> inFlight = client.request(HttpMethod.GET, stack.httpPort(), "127.0.0.1", "/slow")
        .compose(req -> req.send()).map(HttpClientResponse::statusCode);
      Thread.sleep(200);
      Future<String> undeployed = stack.vertx().undeploy(gateway).map("undeployed");
      Thread.sleep(100);
      Throwable refused = catchThrowable(() -> stack.http().get("/health"));

      assertThat(inFlight.await()).isEqualTo(200);
      assertThat(undeployed.await()).isEqualTo("undeployed");
      assertThat(refused).isNotNull();
    }
  }
}
