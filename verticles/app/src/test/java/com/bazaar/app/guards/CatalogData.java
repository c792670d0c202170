package com.bazaar.app.guards;

import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Catalog rows the guards' fixtures need, created through the API as the ADMIN. */
final class CatalogData {
  private final Actors actors;

  CatalogData(Actors actors) {
    this.actors = actors;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  JsonObject category() {
    return created("/api/v1/categories", new JsonObject().put("name", unique("Guarded")));
  }

  /** A product with a Size option (S, M) and one variant for S, priced 1,000. */
  JsonObject product() {
    return created("/api/v1/products", new JsonObject().put("name", unique("Guarded Tee"))
      .put("options", new JsonArray().add(new JsonObject().put("name", "Size").put("values", new JsonArray().add("S").add("M"))))
      .put("variants", new JsonArray().add(new JsonObject().put("price", 1_000).put("stock", 5)
        .put("optionValues", new JsonObject().put("Size", "S")))));
  }

  /** A product with its pricing: base 1,000, reseller 1,200, 10% commission, 5% minimum margin. */
  JsonObject pricedProduct() {
    JsonObject product = product();
    Response put = actors.http().put("/api/v1/pricing/products/" + product.getString("id"), pricing(), actors.admin());
    assertThat(put.status()).as(put.body().toString()).isEqualTo(201);
    return product;
  }

  static JsonObject pricing() {
    return new JsonObject().put("basePrice", 1_000).put("resellerPrice", 1_200).put("commissionRateBps", 1_000)
      .put("minMarginBps", 500);
  }

  private JsonObject created(String path, JsonObject body) {
    Response response = actors.http().post(path, body, actors.admin());
    assertThat(response.status()).as(path + " " + response.body()).isEqualTo(201);
    return response.json();
  }
}
