package com.bazaar.app;

import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pricing through the real HTTP gateway: roles, the contract's limits, and a priced cart. */
class PricingApiTest {
  private static RunningApp app;
  private static Map<String, String> admin;
  private static Map<String, String> reseller;
  private static Map<String, String> customer;
  private static String productId;

  @BeforeAll
  static void start() {
    app = RunningApp.start(Map.of("BAZAAR_ADMIN_EMAIL", "pricing@bazaar.test", "BAZAAR_ADMIN_PASSWORD", "pricing admin pw"));
    admin = AuthFlows.bearer(AuthFlows.login(app.http, "pricing@bazaar.test", "pricing admin pw"));
    reseller = AuthFlows.bearer(AuthFlows.registerAndLogin(app.http, "seller@bazaar.test", "RESELLER"));
    customer = AuthFlows.bearer(AuthFlows.registerAndLogin(app.http, "buyer@bazaar.test", "CUSTOMER"));
    productId = app.http.post("/api/v1/products", new JsonObject().put("name", "Priced Dupatta")
      .put("variants", new JsonArray().add(new JsonObject().put("price", 40_000).put("stock", 9))), admin).json().getString("id");
    Map<String, String> json = new HashMap<>(admin);
    json.put("content-type", "application/json");
    Response put = app.http.send(HttpMethod.PUT, "/api/v1/pricing/products/" + productId, json, new JsonObject()
      .put("basePrice", 40_000).put("resellerPrice", 50_000).put("commissionRateBps", 750).put("minMarginBps", 1500).toBuffer());
    assertThat(put.status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void anyone_reads_pricing_only_a_reseller_validates_a_margin() {
    Response pricing = app.http.get("/api/v1/pricing/products/" + productId);
    JsonObject check = new JsonObject().put("productId", productId).put("sellerPrice", 46_000);
    Response asReseller = app.http.post("/api/v1/pricing/validate-margin", check, reseller);
    Response asCustomer = app.http.post("/api/v1/pricing/validate-margin", check, customer);

    assertThat(pricing.json().getInteger("commissionRateBps")).isEqualTo(750);
    assertThat(asReseller.json().getBoolean("valid")).isTrue();
    assertThat(asReseller.json().getLong("marginBps")).isEqualTo(1500);
    assertThat(asCustomer.status()).isEqualTo(403);
  }

  @Test
  void a_user_prices_a_cart_and_the_contract_caps_it_at_100_lines() {
    JsonArray items = new JsonArray().add(new JsonObject().put("productId", productId).put("quantity", 2).put("sellerPrice", 48_000));
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 101; i++) {
      tooMany.add(new JsonObject().put("productId", productId).put("quantity", 1));
    }

    Response priced = app.http.post("/api/v1/pricing/calculate", new JsonObject().put("items", items), customer);
    Response anonymous = app.http.post("/api/v1/pricing/calculate", new JsonObject().put("items", items));
    Response capped = app.http.post("/api/v1/pricing/calculate", new JsonObject().put("items", tooMany), customer);

    assertThat(priced.json().getJsonObject("summary")).isEqualTo(new JsonObject().put("totalAmount", 96_000)
      .put("totalCommission", 7_200).put("netAmount", 88_800).put("currency", "INR").put("itemCount", 1));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(capped.status()).isEqualTo(400);
  }

  @Test
  void rates_outside_0_to_10000_basis_points_are_refused_by_the_contract() {
    Map<String, String> json = new HashMap<>(admin);
    json.put("content-type", "application/json");

    Response response = app.http.send(HttpMethod.PUT, "/api/v1/pricing/products/" + productId, json, new JsonObject()
      .put("basePrice", 1).put("resellerPrice", 2).put("commissionRateBps", 10_001).toBuffer());

    assertThat(response.status()).isEqualTo(400);
  }
}
