package com.bazaar.app;

import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Placing and reading orders through the public API: server prices, link commission, views, and refusals. */
class OrdersApiTest {
  private static OrderWorld world;

  @BeforeAll
  static void start() {
    world = new OrderWorld(Map.of());
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void an_order_is_priced_from_the_catalog_reserves_its_stock_and_announces_itself() {
    JsonObject product = world.product(5, 40_000, 45_000);
    String small = OrderWorld.variant(product, 0);
    String large = OrderWorld.variant(product, 1);
    JsonObject body = OrderWorld.order(small, "2", large, "1");
    body.getJsonArray("items").getJsonObject(0).put("unitPrice", 1);

    Response refused = world.place(world.customer, body);
    assertThat(refused.status()).as("a client price is not even accepted").isEqualTo(400);

    JsonObject order = world.placed(world.customer, OrderWorld.order(small, "2", large, "1"));

    assertThat(order.getString("status")).isEqualTo("PENDING");
    assertThat(order.getString("number")).matches("BZ-\\d{8}-\\d{7}");
    assertThat(order.getLong("totalAmount")).isEqualTo(2 * 40_000 + 45_000);
    assertThat(order.getString("currency")).isEqualTo("INR");
    assertThat(order.containsKey("commissionAmount")).isFalse();
    assertThat(order.getJsonArray("items").getJsonObject(0).getLong("lineTotal")).isEqualTo(80_000);
    assertThat(order.getJsonObject("shippingAddress").getString("city")).isEqualTo("Bengaluru");
    assertThat(order.getJsonArray("history")).hasSize(1);
    assertThat(order.getJsonArray("history").getJsonObject(0).getString("status")).isEqualTo("PENDING");
    assertThat(world.stock(small)).isEqualTo(3);
    assertThat(world.stock(large)).isEqualTo(4);
    assertThat(world.count("SELECT count(*) FROM \"order\".outbox WHERE type = 'order.created' AND body::jsonb "
      + "-> 'data' ->> 'orderId' = '" + order.getString("id") + "'")).isEqualTo(1);

    Response read = world.app.http.get("/api/v1/orders/" + order.getString("id"), world.customer);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getString("number")).isEqualTo(order.getString("number"));
    assertThat(read.json().getJsonArray("items")).isEqualTo(order.getJsonArray("items"));
  }

  @Test
  void an_order_through_a_link_sells_the_linked_product_at_the_seller_price_and_earns_the_reseller_commission() {
    JsonObject linked = world.product(5, 40_000);
    JsonObject other = world.product(5, 30_000);
    String code = world.link(linked, 52_345);
    JsonObject body = OrderWorld.order(OrderWorld.variant(linked, 0), "3", OrderWorld.variant(other, 0), "1")
      .put("shareLinkCode", code);

    JsonObject order = world.placed(world.customer, body);

    assertThat(order.getLong("totalAmount")).isEqualTo(3 * 52_345 + 30_000);
    assertThat(order.getString("shareLinkCode")).isEqualTo(code);
    assertThat(order.containsKey("commissionAmount")).as("the buyer does not see the reseller's cut").isFalse();
    assertThat(order.getJsonArray("items").getJsonObject(0).getLong("unitPrice")).isEqualTo(52_345);
    String id = order.getString("id");
    // 157,035 x 10% = 15,703.5, rounded half-even to 15,704.
    assertThat(world.count("SELECT commission_amount FROM \"order\".orders WHERE id = '" + id + "'")).isEqualTo(15_704);

    JsonObject sellerView = world.app.http.get("/api/v1/orders/" + id, world.reseller).json();
    assertThat(sellerView.getLong("commissionAmount")).isEqualTo(15_704);
    assertThat(sellerView.getJsonArray("items").getJsonObject(0).getLong("commission")).isEqualTo(15_704);
    assertThat(sellerView.getJsonArray("items").getJsonObject(1).getLong("commission")).isZero();
    assertThat(sellerView.containsKey("shippingAddress")).as("the reseller does not see the address").isFalse();
    assertThat(sellerView.getString("userId")).isNull();

    JsonArray attributed = world.app.http.get("/api/v1/seller/orders", world.reseller).json().getJsonArray("items");
    assertThat(attributed.stream().map(o -> ((JsonObject) o).getString("id"))).contains(id);
    assertThat(world.app.http.get("/api/v1/seller/orders", world.customer).status()).isEqualTo(403);
  }

  @Test
  void a_refused_order_names_its_line_and_writes_nothing_anywhere() {
    JsonObject product = world.product(3, 40_000);
    String variant = OrderWorld.variant(product, 0);
    JsonObject stranger = world.product(3, 40_000);
    String code = world.link(product, 52_000);
    String inactiveVariant = OrderWorld.variant(world.product(3, 40_000), 0);
    world.app.http.patch("/api/v1/variants/" + inactiveVariant, new JsonObject().put("isActive", false), world.admin);
    String deadCode = world.link(product, 52_000);
    world.app.http.patch("/api/v1/share-links/" + deadCode, new JsonObject().put("isActive", false), world.reseller);

    assertRefusedWithoutTrace(422, "DUPLICATE_VARIANT", () -> OrderWorld.order(variant, "1", variant, "1"), 1);
    assertRefusedWithoutTrace(422, "UNKNOWN_VARIANT", () -> OrderWorld.order(variant, "1",
      UUID.randomUUID().toString(), "1"), 1);
    assertRefusedWithoutTrace(422, "VARIANT_UNAVAILABLE", () -> OrderWorld.order(inactiveVariant, "1"), 0);
    assertRefusedWithoutTrace(409, "OUT_OF_STOCK", () -> OrderWorld.order(variant, "1",
      OrderWorld.variant(stranger, 0), "4"), null);
    assertRefusedWithoutTrace(422, "LINK_NOT_FOR_ITEMS", () -> OrderWorld.order(OrderWorld.variant(stranger, 0), "1")
      .put("shareLinkCode", code), null);
    assertRefusedWithoutTrace(422, "UNKNOWN_SHARE_LINK", () -> OrderWorld.order(variant, "1")
      .put("shareLinkCode", "NoSuchLink9"), null);
    assertRefusedWithoutTrace(410, "LINK_INACTIVE", () -> OrderWorld.order(variant, "1").put("shareLinkCode", deadCode),
      null);
    for (String quantity : List.of("0", "-1", "101")) {
      Response bad = world.place(world.customer, OrderWorld.order(variant, quantity));
      assertThat(bad.status()).as("quantity " + quantity).isEqualTo(400);
      assertThat(bad.body().toString()).contains("/items/0/quantity");
    }
    Response noKey = world.app.http.post("/api/v1/orders", OrderWorld.order(variant, "1"), world.customer);
    assertThat(noKey.status()).isEqualTo(400);
    assertThat(world.stock(variant)).isEqualTo(3);
  }

  private static void assertRefusedWithoutTrace(int status, String code, Supplier<JsonObject> body, Integer line) {
    long orders = world.count("SELECT count(*) FROM \"order\".orders");
    long held = world.count("SELECT count(*) FROM product.stock_reservations WHERE released_at IS NULL");
    long events = world.count("SELECT count(*) FROM \"order\".outbox");

    Response refused = world.place(world.customer, body.get());

    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(status);
    assertThat(refused.errorCode()).isEqualTo(code);
    if (line != null) {
      assertThat(refused.json().getJsonObject("error").getJsonObject("details").getInteger("line")).isEqualTo(line);
    }
    assertThat(world.count("SELECT count(*) FROM \"order\".orders")).isEqualTo(orders);
    assertThat(world.count("SELECT count(*) FROM product.stock_reservations WHERE released_at IS NULL")).isEqualTo(held);
    assertThat(world.count("SELECT count(*) FROM \"order\".outbox")).isEqualTo(events);
  }

  @Test
  void an_order_is_visible_to_its_buyer_its_reseller_and_admins_only() {
    JsonObject product = world.product(5, 40_000);
    JsonObject direct = world.placed(world.customer, OrderWorld.order(OrderWorld.variant(product, 0), "1"));
    String path = "/api/v1/orders/" + direct.getString("id");

    assertThat(world.app.http.get(path, world.customer).status()).isEqualTo(200);
    assertThat(world.app.http.get(path, world.admin).json().getLong("totalAmount")).isEqualTo(40_000);
    assertThat(world.app.http.get(path, world.otherCustomer).status()).isEqualTo(404);
    assertThat(world.app.http.get(path, world.reseller).status()).as("not attributed to this reseller").isEqualTo(404);
    assertThat(world.app.http.get(path + "/history", world.otherCustomer).status()).isEqualTo(404);
    assertThat(world.app.http.get("/api/v1/orders/" + UUID.randomUUID(), world.customer).status()).isEqualTo(404);
    assertThat(world.app.http.get("/api/v1/orders/not-an-id", world.customer).status()).isEqualTo(404);
    JsonArray others = world.app.http.get("/api/v1/orders", world.otherCustomer).json().getJsonArray("items");
    assertThat(others.stream().map(o -> ((JsonObject) o).getString("id"))).doesNotContain(direct.getString("id"));
  }

  @Test
  void the_callers_orders_page_newest_first_and_filter_by_status() {
    Map<String, String> buyer = AuthFlows.bearer(AuthFlows.registerAndLogin(world.app.http, "pager@orders.test",
      "CUSTOMER"));
    String variant = OrderWorld.variant(world.product(20, 40_000), 0);
    for (int i = 0; i < 7; i++) {
      world.placed(buyer, OrderWorld.order(variant, "1"));
    }
    String cancelled = world.app.http.get("/api/v1/orders?limit=1", buyer).json().getJsonArray("items")
      .getJsonObject(0).getString("id");
    assertThat(world.move(cancelled, "CANCELLED", buyer).status()).isEqualTo(200);

    Response first = world.app.http.get("/api/v1/orders?limit=3", buyer);
    Response second = world.app.http.get("/api/v1/orders?limit=3&cursor=" + first.json().getString("nextCursor"), buyer);
    Response third = world.app.http.get("/api/v1/orders?limit=3&cursor=" + second.json().getString("nextCursor"), buyer);
    JsonArray pending = world.app.http.get("/api/v1/orders?status=PENDING", buyer).json().getJsonArray("items");
    JsonArray gone = world.app.http.get("/api/v1/orders?status=CANCELLED", buyer).json().getJsonArray("items");

    assertThat(third.json().getJsonArray("items")).hasSize(1);
    assertThat(third.json().getString("nextCursor")).isNull();
    List<String> times = new java.util.ArrayList<>();
    for (Response page : List.of(first, second, third)) {
      page.json().getJsonArray("items").forEach(o -> times.add(((JsonObject) o).getString("createdAt")));
    }
    assertThat(times).hasSize(7).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(pending).hasSize(6);
    assertThat(gone).hasSize(1);
    assertThat(gone.getJsonObject(0).getString("id")).isEqualTo(cancelled);
    assertThat(world.app.http.get("/api/v1/orders?status=LOST", buyer).status()).isEqualTo(400);
  }
}
