package com.bazaar.app;

import com.bazaar.platform.testing.TestDatabase;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running app for the order tests: an admin, a reseller, two customers, and helpers to make priced products with
 * stock, links, and orders. Limits are too high to matter and the sweeper runs every 200 ms.
 */
final class OrderWorld implements AutoCloseable {
  static final long BASE = 40_000;

  final RunningApp app;
  final Map<String, String> admin;
  final Map<String, String> reseller;
  final Map<String, String> customer;
  final Map<String, String> otherCustomer;
  final String customerId;
  final String resellerId;

  OrderWorld(Map<String, String> extraEnv) {
    Map<String, String> env = RunningApp.unlimited("orders@bazaar.test", "orders admin pw");
    env.putAll(extraEnv);
    env.putIfAbsent("BAZAAR_ORDERS_SWEEP_INTERVAL_MS", "200");
    app = RunningApp.start(env);
    admin = AuthFlows.bearer(AuthFlows.login(app.http, "orders@bazaar.test", "orders admin pw"));
    JsonObject resellerSession = AuthFlows.registerAndLogin(app.http, "seller@orders.test", "RESELLER");
    JsonObject customerSession = AuthFlows.registerAndLogin(app.http, "buyer@orders.test", "CUSTOMER");
    reseller = AuthFlows.bearer(resellerSession);
    customer = AuthFlows.bearer(customerSession);
    otherCustomer = AuthFlows.bearer(AuthFlows.registerAndLogin(app.http, "other@orders.test", "CUSTOMER"));
    resellerId = resellerSession.getJsonObject("user").getString("id");
    customerId = customerSession.getJsonObject("user").getString("id");
  }

  /** A product with one variant per price, each with {@code stock}, priced by pricing at BASE (10% commission). */
  JsonObject product(int stock, long... prices) {
    JsonArray variants = new JsonArray();
    JsonArray sizes = new JsonArray();
    for (int i = 0; i < prices.length; i++) {
      sizes.add("S" + i);
      variants.add(new JsonObject().put("price", prices[i]).put("stock", stock)
        .put("optionValues", new JsonObject().put("Size", "S" + i)));
    }
    Response created = app.http.post("/api/v1/products", new JsonObject()
      .put("name", "Order Kurta " + UUID.randomUUID().toString().substring(0, 6))
      .put("options", new JsonArray().add(new JsonObject().put("name", "Size").put("values", sizes)))
      .put("variants", variants), admin);
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    JsonObject product = created.json();
    Map<String, String> json = new HashMap<>(admin);
    json.put("content-type", "application/json");
    Response put = app.http.send(HttpMethod.PUT, "/api/v1/pricing/products/" + product.getString("id"), json,
      new JsonObject().put("basePrice", BASE).put("resellerPrice", 50_000).put("commissionRateBps", 1_000)
        .put("minMarginBps", 1_500).toBuffer());
    assertThat(put.status()).isEqualTo(201);
    return product;
  }

  static String variant(JsonObject product, int index) {
    return product.getJsonArray("variants").getJsonObject(index).getString("id");
  }

  /** The reseller's live link for the product at {@code sellerPrice}; its code. */
  String link(JsonObject product, long sellerPrice) {
    Response created = app.http.post("/api/v1/share-links", new JsonObject().put("productId", product.getString("id"))
      .put("sellerPrice", sellerPrice), withKey(reseller, UUID.randomUUID().toString()));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.json().getString("code");
  }

  static JsonObject address() {
    return new JsonObject().put("name", "Asha Rao").put("phone", "+91 98450 12345").put("line1", "12 MG Road")
      .put("city", "Bengaluru").put("state", "KA").put("postalCode", "560001").put("country", "IN");
  }

  static JsonObject order(String... variantAndQuantity) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < variantAndQuantity.length; i += 2) {
      items.add(new JsonObject().put("variantId", variantAndQuantity[i])
        .put("quantity", Integer.parseInt(variantAndQuantity[i + 1])));
    }
    return new JsonObject().put("items", items).put("shippingAddress", address());
  }

  Response place(Map<String, String> caller, JsonObject body) {
    return app.http.post("/api/v1/orders", body, withKey(caller, UUID.randomUUID().toString()));
  }

  /** A placed order's JSON; fails the test unless it was placed. */
  JsonObject placed(Map<String, String> caller, JsonObject body) {
    Response response = place(caller, body);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.json();
  }

  Response move(String orderId, String status, Map<String, String> caller) {
    return app.http.patch("/api/v1/orders/" + orderId + "/status", new JsonObject().put("status", status), caller);
  }

  int stock(String variantId) {
    return (int) db().queryLong("SELECT stock FROM product.product_variants WHERE id = '" + variantId + "'");
  }

  long count(String sql) {
    return db().queryLong(sql);
  }

  TestDatabase db() {
    return TestDatabase.named(app.database.name());
  }

  static Map<String, String> withKey(Map<String, String> caller, String key) {
    Map<String, String> headers = new HashMap<>(caller);
    headers.put("Idempotency-Key", key);
    return headers;
  }

  @Override
  public void close() {
    app.close();
  }
}
