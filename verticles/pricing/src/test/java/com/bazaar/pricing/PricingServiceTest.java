package com.bazaar.pricing;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.testing.TestBus;
import com.bazaar.platform.testing.TestBus.Result;
import com.bazaar.platform.testing.TestStack;
import com.bazaar.pricing.api.PricingAddresses;
import com.bazaar.product.ProductFixtures;
import com.bazaar.product.ProductVerticle;
import io.vertx.core.json.JsonArray;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PricingServiceTest {
  private static TestStack stack;
  private static TestBus bus;
  private static ProductFixtures products;

  @BeforeAll
  static void start() {
    stack = TestStack.start().migrate(ProductVerticle.SERVICE, PricingVerticle.SERVICE)
      .deploy(ProductVerticle::new, 1).deploy(PricingVerticle::new, 2);
    bus = stack.bus();
    products = new ProductFixtures(bus);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static String product() {
    return products.created(ProductFixtures.shirt("Priced " + UUID.randomUUID().toString().substring(0, 8), 1_000))
      .getString("id");
  }

  private static Result put(TestBus via, String productId, long base, Integer minMargin, int commissionBps) {
    JsonObject body = new JsonObject().put("basePrice", base).put("resellerPrice", base + base / 5)
      .put("commissionRateBps", commissionBps).put("minMarginBps", minMargin);
    return via.call(PricingAddresses.PUT, Map.of("productId", productId), Map.of(), body, TestBus.admin());
  }

  private static Result margin(String productId, long sellerPrice) {
    return bus.call(PricingAddresses.VALIDATE_MARGIN, Map.of(), Map.of(),
      new JsonObject().put("productId", productId).put("sellerPrice", sellerPrice), Principal.ANONYMOUS);
  }

  private static Result calculate(TestBus via, JsonArray items) {
    return via.call(PricingAddresses.CALCULATE, Map.of(), Map.of(), new JsonObject().put("items", items),
      Principal.ANONYMOUS);
  }

  private static JsonObject line(String productId, int quantity, Long sellerPrice) {
    return new JsonObject().put("productId", productId).put("quantity", quantity).put("sellerPrice", sellerPrice);
  }

  @Test
  void a_put_creates_then_replaces_and_needs_an_existing_product_and_a_sane_reseller_price() {
    String id = product();

    Result created = put(bus, id, 10_000, 1000, 800);
    Result replaced = put(bus, id, 12_000, 1000, 800);
    Result unknown = put(bus, UUID.randomUUID().toString(), 10_000, null, 800);
    Result below = bus.call(PricingAddresses.PUT, Map.of("productId", id), Map.of(), new JsonObject()
      .put("basePrice", 10_000).put("resellerPrice", 9_000).put("commissionRateBps", 500), TestBus.admin());
    Result foreign = bus.call(PricingAddresses.PUT, Map.of("productId", id), Map.of(), new JsonObject()
      .put("basePrice", 10_000).put("resellerPrice", 12_000).put("commissionRateBps", 500).put("currency", "USD"),
      TestBus.admin());

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().getInteger("version")).isEqualTo(1);
    assertThat(created.body().getString("currency")).isEqualTo("INR");
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.body().getInteger("version")).isEqualTo(2);
    assertThat(replaced.body().getLong("basePrice")).isEqualTo(12_000);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(below.status()).isEqualTo(422);
    assertThat(foreign.status()).isEqualTo(422);
  }

  @Test
  void margin_edges_equal_to_base_at_the_minimum_one_unit_below_and_without_a_minimum() {
    String ruled = product();
    String unruled = product();
    put(bus, ruled, 10_000, 1000, 500);
    put(bus, unruled, 10_000, null, 500);

    JsonObject equal = margin(ruled, 10_000).body();
    JsonObject atMinimum = margin(ruled, 11_000).body();
    JsonObject justBelow = margin(ruled, 10_999).body();
    JsonObject noMinimum = margin(unruled, 10_001).body();

    assertThat(equal.getBoolean("valid")).isFalse();
    assertThat(equal.getString("reason")).isEqualTo("AT_OR_BELOW_BASE_PRICE");
    assertThat(atMinimum.getBoolean("valid")).isTrue();
    assertThat(atMinimum.getLong("marginBps")).isEqualTo(1000);
    assertThat(justBelow.getBoolean("valid")).isFalse();
    assertThat(justBelow.getLong("marginBps")).isEqualTo(999);
    assertThat(justBelow.getString("reason")).isEqualTo("BELOW_MIN_MARGIN");
    assertThat(noMinimum.getBoolean("valid")).isTrue();
    assertThat(noMinimum.getLong("marginBps")).isEqualTo(1);
  }

  @Test
  void commission_rounds_half_even_and_repeated_products_are_summed() {
    String id = product();
    put(bus, id, 50, null, 500);

    JsonObject cart = calculate(bus, new JsonArray()
      .add(line(id, 3, null))
      .add(line(id, 5, null))
      .add(line(id, 7, null))).body();

    JsonArray lines = cart.getJsonArray("items");
    assertThat(lines.getJsonObject(0).getLong("lineTotal")).isEqualTo(150);
    assertThat(lines.getJsonObject(0).getLong("commission")).as("7.5 -> 8").isEqualTo(8);
    assertThat(lines.getJsonObject(1).getLong("commission")).as("12.5 -> 12").isEqualTo(12);
    assertThat(lines.getJsonObject(2).getLong("commission")).as("17.5 -> 18").isEqualTo(18);
    JsonObject summary = cart.getJsonObject("summary");
    assertThat(summary.getLong("totalAmount")).isEqualTo(750);
    assertThat(summary.getLong("totalCommission")).isEqualTo(38);
    assertThat(summary.getLong("netAmount")).isEqualTo(712);
    assertThat(summary.getString("currency")).isEqualTo("INR");
  }

  @Test
  void a_seller_price_is_checked_and_every_failing_line_is_reported() {
    String priced = product();
    put(bus, priced, 10_000, 1000, 1000);
    String unpriced = product();

    Result ok = calculate(bus, new JsonArray().add(line(priced, 2, 12_000L)));
    Result failing = calculate(bus, new JsonArray()
      .add(line(priced, 1, 10_500L))
      .add(line(unpriced, 1, null))
      .add(line(priced, 1, null)));

    assertThat(ok.body().getJsonObject("summary").getLong("totalAmount")).isEqualTo(24_000);
    assertThat(ok.body().getJsonObject("summary").getLong("totalCommission")).isEqualTo(2_400);
    assertThat(failing.status()).isEqualTo(422);
    assertThat(failing.body().getJsonObject("error").getJsonObject("details").getJsonArray("items").stream()
      .map(p -> ((JsonObject) p).getInteger("index") + ":" + ((JsonObject) p).getString("code")))
      .containsExactly("0:BELOW_MIN_MARGIN", "1:UNKNOWN_PRODUCT");
  }

  @Test
  void a_cart_of_100_lines_is_priced_and_101_is_refused() {
    String id = product();
    put(bus, id, 100, null, 0);
    JsonArray hundred = new JsonArray();
    for (int i = 0; i < 100; i++) {
      hundred.add(line(id, 1, null));
    }

    Result accepted = calculate(bus, hundred);
    Result refused = calculate(bus, hundred.copy().add(line(id, 1, null)));

    assertThat(accepted.body().getJsonObject("summary").getLong("totalAmount")).isEqualTo(10_000);
    assertThat(refused.status()).isEqualTo(400);
  }

  @Test
  void a_cold_20_item_cart_costs_one_statement_and_a_warm_one_none() {
    JsonArray cart = new JsonArray();
    Request forget = Request.cmd(Command.DEL);
    for (int i = 0; i < 20; i++) {
      String id = product();
      put(bus, id, 1_000 + i, null, 300);
      cart.add(line(id, 1 + i % 3, null));
      forget.arg("pricing:" + id);
    }
    stack.platform().redis().send(forget).await();
    stack.sql().clear();

    Result cold = calculate(bus, cart);
    long coldStatements = stack.sql().mentioning("product_pricing");
    Result warm = calculate(bus, cart);
    long warmStatements = stack.sql().mentioning("product_pricing") - coldStatements;

    assertThat(cold.body()).isEqualTo(warm.body());
    assertThat(cold.body().getJsonObject("summary").getInteger("itemCount")).isEqualTo(20);
    assertThat(coldStatements).isEqualTo(1);
    assertThat(warmStatements).isZero();
  }

  @Test
  void after_a_put_the_next_calculate_uses_the_new_price_in_every_process() throws InterruptedException {
    String id = product();
    put(bus, id, 1_000, null, 0);
    try (TestStack other = stack.anotherProcess().deploy(PricingVerticle::new, 2)) {
      TestBus otherBus = other.bus();
      JsonArray cart = new JsonArray().add(line(id, 1, null));
      assertThat(calculate(otherBus, cart).body().getJsonObject("summary").getLong("totalAmount")).isEqualTo(1_000);
      assertThat(calculate(bus, cart).body().getJsonObject("summary").getLong("totalAmount")).isEqualTo(1_000);

      put(bus, id, 2_000, null, 0);
      List<Long> seen = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 1_000;
      long total;
      do {
        total = calculate(otherBus, cart).body().getJsonObject("summary").getLong("totalAmount");
        seen.add(total);
      } while (total != 2_000 && System.currentTimeMillis() < deadline && sleep());

      assertThat(total).as("seen by the other process within 1 s: %s", seen).isEqualTo(2_000);
      for (int i = 0; i < 4; i++) {
        assertThat(calculate(bus, cart).body().getJsonObject("summary").getLong("totalAmount")).isEqualTo(2_000);
      }
    }
  }

  private static boolean sleep() throws InterruptedException {
    Thread.sleep(20);
    return true;
  }
}
