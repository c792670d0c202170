package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class GracefulShutdownTest {
  private record Answer(int status, Buffer body) {
  }

  @Test
  void undeploying_the_gateway_finishes_in_flight_requests_and_refuses_new_ones() {
    try (TestStack stack = TestStack.start(Map.of("BAZAAR_HTTP_CONTRACT", "test-openapi.yaml"))) {
      Promise<Void> arrived = Promise.promise();
      Promise<BusReply> release = Promise.promise();
      new BusBindings(stack.vertx().eventBus()).bind("test.slow", request -> {
        arrived.tryComplete();
        return release.future();
      }).ready().await();
      String gateway = stack.vertx().deployVerticle(() -> new GatewayVerticle(stack.platform()),
        new DeploymentOptions()).await();
      HttpClient client = stack.vertx().createHttpClient();

      Future<Answer> inFlight = client.request(HttpMethod.GET, stack.httpPort(), "127.0.0.1", "/slow")
        .compose(req -> req.send())
        .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
      arrived.future().await();
      Future<String> undeployed = stack.vertx().undeploy(gateway).map("undeployed");
      boolean stoppedListening = Poll.until(Duration.ofSeconds(5), () -> !accepts(stack.httpPort()));
      release.complete(BusReply.ok(new JsonObject().put("done", true)));

      Answer drained = inFlight.await();
      assertThat(stoppedListening).as("the port closes while the request is still in flight").isTrue();
      assertThat(drained.status()).isEqualTo(200);
      assertThat(drained.body().toJsonObject()).isEqualTo(new JsonObject().put("done", true));
      assertThat(undeployed.await()).isEqualTo("undeployed");
      assertThat(catchThrowable(() -> stack.http().get("/health"))).hasRootCauseInstanceOf(ConnectException.class);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
