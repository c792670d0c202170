package com.bazaar.product.catalog;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.testing.TestBus;
import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestStack;
import com.bazaar.product.ProductFixtures;
import com.bazaar.product.ProductVerticle;
import com.bazaar.product.api.ProductAddresses;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.eventbus.Message;
import com.bazaar.platform.bus.BusRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What reads cost in SQL statements: a list page is one whatever its size; a cached detail is none. */
class ProductQueryCostTest {
  private static TestStack stack;
  private static ProductFixtures products;
  private static JsonObject sample;

  @BeforeAll
  static void start() {
    stack = TestStack.start().migrate(ProductVerticle.SERVICE).deploy(ProductVerticle::new, 2);
    products = new ProductFixtures(stack.bus());
    for (int i = 0; i < 60; i++) {
      sample = products.created(ProductFixtures.shirt("Cost Shirt " + i, 1_000 + i));
    }
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @BeforeEach
  void clearLog() {
    stack.sql().clear();
  }

  @Test
  void a_page_of_50_products_costs_the_same_statements_as_a_page_of_5() {
    products.list(Map.of("limit", 5));
    long five = stack.sql().mentioning("FROM products");
    stack.sql().clear();
    JsonObject fifty = products.list(Map.of("limit", 50)).body();
    long fiftyStatements = stack.sql().all().size();

    assertThat(fifty.getJsonArray("items")).hasSize(50);
    assertThat(five).isEqualTo(1);
    assertThat(fiftyStatements).isEqualTo(1);
  }

  @Test
  void a_detail_costs_one_statement_cold_and_none_when_cached() {
    JsonObject fresh = products.created(ProductFixtures.shirt("Cached Shirt", 5_000));
    stack.sql().clear();

    products.get(fresh.getString("id"), Principal.ANONYMOUS);
    long cold = stack.sql().mentioning("FROM products");
    products.get(fresh.getString("id"), Principal.ANONYMOUS);
    long afterWarm = stack.sql().mentioning("FROM products");

    assertThat(cold).isEqualTo(1);
    assertThat(afterWarm).isEqualTo(1);
  }

  @Test
  void a_price_patch_is_seen_by_the_next_read() {
    JsonObject fresh = products.created(ProductFixtures.shirt("Repriced Shirt", 5_000));
    String variantId = fresh.getJsonArray("variants").getJsonObject(0).getString("id");
    products.get(fresh.getString("id"), Principal.ANONYMOUS);
    products.get(fresh.getString("slug"), Principal.ANONYMOUS);

    stack.bus().call(ProductAddresses.VARIANTS_UPDATE, Map.of("id", variantId), Map.of(), new JsonObject().put("price", 4_000),
      TestBus.admin());

    assertThat(products.get(fresh.getString("id"), Principal.ANONYMOUS).body().getLong("minPrice")).isEqualTo(4_000);
    assertThat(products.get(fresh.getString("slug"), Principal.ANONYMOUS).body().getLong("minPrice")).isEqualTo(4_000);
  }

  @Test
  void two_hundred_concurrent_cold_reads_of_one_product_load_it_once_per_process() {
    JsonObject fresh = products.created(ProductFixtures.shirt("Stampede Shirt", 5_000));
    stack.sql().clear();
    JsonObject request = new BusRequest(new JsonObject().put("idOrSlug", fresh.getString("id")), new JsonObject(),
      new JsonObject(), null, Principal.ANONYMOUS, "stampede").toJson();

    List<Future<Message<Buffer>>> reads = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      reads.add(stack.vertx().eventBus().request(ProductAddresses.PRODUCTS_GET, request));
    }
    Future.all(reads).await();

    assertThat(reads).allMatch(r -> r.result().body().toJsonObject().getString("id").equals(fresh.getString("id")));
    assertThat(stack.sql().mentioning("FROM products")).isEqualTo(1);
  }

  @Test
  void with_redis_unreachable_reads_still_answer_from_postgres() {
    try (TestStack noRedis = TestStack.start(Map.of("BAZAAR_REDIS_URL", "redis://127.0.0.1:" + TestConfig.closedPort()))) {
      noRedis.migrate(ProductVerticle.SERVICE).deploy(ProductVerticle::new, 1);
      ProductFixtures local = new ProductFixtures(noRedis.bus());
      JsonObject created = local.created(ProductFixtures.shirt("Offline Shirt", 2_000));

      assertThat(local.get(created.getString("id"), Principal.ANONYMOUS).status()).isEqualTo(200);
      assertThat(local.get(created.getString("slug"), Principal.ANONYMOUS).body()).isEqualTo(created);
      assertThat(local.list(Map.of()).body().getJsonArray("items")).hasSize(1);
    }
  }
}
