package com.bazaar.app;

import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running app with an admin, two resellers and a customer, and a priced product (base 40,000, minimum margin
 * 15%: seller prices from 46,000 to 80,000 are valid), for the share-link tests.
 */
final class ShareLinkWorld implements AutoCloseable {
  static final long BASE = 40_000;

  final RunningApp app;
  final Map<String, String> admin;
  final Map<String, String> reseller;
  final Map<String, String> otherReseller;
  final Map<String, String> customer;
  final String productId;
  final String productSlug;
  final String variantId;

  ShareLinkWorld(Map<String, String> env) {
    Map<String, String> all = RunningApp.unlimited("links@bazaar.test", "links admin pw");
    all.putAll(env);
    app = RunningApp.start(all);
    admin = AuthFlows.bearer(AuthFlows.login(app.http, "links@bazaar.test", "links admin pw"));
    reseller = AuthFlows.bearer(AuthFlows.registerAndLogin(app.http, "seller@links.test", "RESELLER"));
    otherReseller = AuthFlows.bearer(AuthFlows.registerAndLogin(app.http, "rival@links.test", "RESELLER"));
    customer = AuthFlows.bearer(AuthFlows.registerAndLogin(app.http, "buyer@links.test", "CUSTOMER"));
    JsonObject product = app.http.post("/api/v1/products", new JsonObject().put("name", "Linked Kurta")
      .put("variants", new JsonArray().add(new JsonObject().put("price", BASE).put("stock", 9))), admin).json();
    productId = product.getString("id");
    productSlug = product.getString("slug");
    variantId = product.getJsonArray("variants").getJsonObject(0).getString("id");
    Map<String, String> json = new HashMap<>(admin);
    json.put("content-type", "application/json");
    Response put = app.http.send(HttpMethod.PUT, "/api/v1/pricing/products/" + productId, json, new JsonObject()
      .put("basePrice", BASE).put("resellerPrice", 50_000).put("commissionRateBps", 1_000).put("minMarginBps", 1_500)
      .toBuffer());
    assertThat(put.status()).isEqualTo(201);
  }

  Response create(Map<String, String> caller, JsonObject body) {
    return app.http.post("/api/v1/share-links", body, OrderWorld.withKey(caller, UUID.randomUUID().toString()));
  }

  /** A live link at 52,000; its JSON. */
  JsonObject link() {
    Response created = create(reseller, new JsonObject().put("productId", productId).put("sellerPrice", 52_000));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.json();
  }

  @Override
  public void close() {
    app.close();
  }
}
