package com.bazaar.app;

import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestDatabase;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same jar split across two clustered nodes: the gateway on one, the product service on the other. */
class ClusterTest {

  @Test
  void a_gateway_node_serves_categories_from_a_product_node_over_the_clustered_bus() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      JsonObject productConfig = TestConfig.forDatabase(database.name());
      JsonObject gatewayConfig = TestConfig.forDatabase(database.name());
      Bazaar product = Bazaar.start(productConfig, LaunchOptions.parse(List.of("--cluster", "--services", "product")))
        .await();
      Bazaar gateway = Bazaar.start(gatewayConfig, LaunchOptions.parse(List.of("--cluster", "--services", "gateway")))
        .await();
      database.execute("INSERT INTO product.categories (name, slug) VALUES ('Clustered', 'clustered')");
      try (TestHttp http = new TestHttp(gateway.vertx(), gatewayConfig.getJsonObject("http").getInteger("port"))) {
        Response response = awaitServed(http);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getJsonArray("items").getJsonObject(0).getString("slug")).isEqualTo("clustered");
        assertThat(gateway.vertx().isClustered()).isTrue();
      } finally {
        gateway.close().await();
        product.close().await();
      }
    }
  }

  private static Response awaitServed(TestHttp http) throws InterruptedException {
    Response response = http.get("/api/v1/categories");
    for (int i = 0; i < 50 && response.status() == 503; i++) {
      Thread.sleep(100);
      response = http.get("/api/v1/categories");
    }
    return response;
  }
}
