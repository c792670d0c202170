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

/** The catalog through the real HTTP gateway, with a real ADMIN token. */
class ProductsApiTest {
  private static RunningApp app;
  private static Map<String, String> admin;

  @BeforeAll
  static void start() {
    app = RunningApp.start(Map.of("BAZAAR_ADMIN_EMAIL", "catalog@bazaar.test", "BAZAAR_ADMIN_PASSWORD", "catalog admin pw"));
    admin = AuthFlows.bearer(AuthFlows.login(app.http, "catalog@bazaar.test", "catalog admin pw"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject product(String name) {
    return new JsonObject().put("name", name)
      .put("options", new JsonArray().add(new JsonObject().put("name", "Size").put("values", new JsonArray().add("S").add("M"))))
      .put("variants", new JsonArray()
        .add(new JsonObject().put("price", 1_500).put("stock", 3).put("optionValues", new JsonObject().put("Size", "S")))
        .add(new JsonObject().put("price", 1_700).put("stock", 3).put("optionValues", new JsonObject().put("Size", "M"))))
      .put("images", new JsonArray().add(new JsonObject().put("url", "https://img.example/" + name.length() + ".jpg")));
  }

  @Test
  void an_admin_creates_a_product_that_the_public_then_reads_and_lists() {
    Response created = app.http.post("/api/v1/products", product("Linen Kurta"), admin);
    Response anonymousCreate = app.http.post("/api/v1/products", product("Sneaky"));
    Response read = app.http.get("/api/v1/products/linen-kurta");
    Response list = app.http.get("/api/v1/products?q=linen&fields=name,minPrice,maxPrice,totalStock");

    assertThat(created.status()).isEqualTo(201);
    assertThat(anonymousCreate.status()).isEqualTo(401);
    assertThat(read.json()).isEqualTo(created.json());
    assertThat(list.json().getJsonArray("items").getJsonObject(0)).isEqualTo(new JsonObject()
      .put("name", "Linen Kurta").put("minPrice", 1_500).put("maxPrice", 1_700).put("totalStock", 6));
  }

  @Test
  void the_contract_refuses_bad_list_parameters_and_bad_product_bodies_before_the_service() {
    assertThat(app.http.get("/api/v1/products?fields=name,password").status()).isEqualTo(400);
    assertThat(app.http.get("/api/v1/products?q=ab").status()).isEqualTo(400);
    assertThat(app.http.get("/api/v1/products?sort=cheapest").status()).isEqualTo(400);
    assertThat(app.http.get("/api/v1/products?minPrice=-1").status()).isEqualTo(400);
    assertThat(app.http.post("/api/v1/products", product("Negative").put("variants", new JsonArray()
      .add(new JsonObject().put("price", -5).put("stock", 1))), admin).status()).isEqualTo(400);
    assertThat(app.http.post("/api/v1/products", new JsonObject().put("name", "Priced").put("price", 10), admin).status())
      .isEqualTo(400);
  }

  @Test
  void after_a_price_patch_no_reader_of_the_cached_detail_or_list_sees_the_old_price() {
    JsonObject created = app.http.post("/api/v1/products", product("Cached Stole"), admin).json();
    String variant = created.getJsonArray("variants").getJsonObject(0).getString("id");
    String detail = "/api/v1/products/" + created.getString("slug");
    String list = "/api/v1/products?q=stole&fields=name,minPrice";
    app.http.get(detail);
    app.http.get(list);
    Response cachedDetail = app.http.get(detail);
    Map<String, String> json = new HashMap<>(admin);
    json.put("content-type", "application/json");

    app.http.send(HttpMethod.PATCH, "/api/v1/variants/" + variant, json, new JsonObject().put("price", 999).toBuffer());
    Response afterDetail = app.http.get(detail);
    Response afterList = app.http.get(list);

    assertThat(cachedDetail.header("X-Cache")).isEqualTo("HIT");
    assertThat(afterDetail.json().getLong("minPrice")).isEqualTo(999);
    assertThat(afterList.json().getJsonArray("items").getJsonObject(0).getLong("minPrice")).isEqualTo(999);
  }

  @Test
  void if_match_makes_a_patch_conditional_through_the_gateway() {
    String id = app.http.post("/api/v1/products", product("Conditional Cap"), admin).json().getString("id");
    Map<String, String> headers = new HashMap<>(admin);
    headers.put("content-type", "application/json");
    headers.put("If-Match", "\"1\"");

    Response first = app.http.send(HttpMethod.PATCH, "/api/v1/products/" + id, headers,
      new JsonObject().put("name", "Conditional Cap II").toBuffer());
    Response second = app.http.send(HttpMethod.PATCH, "/api/v1/products/" + id, headers,
      new JsonObject().put("name", "Conditional Cap III").toBuffer());

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(412);
    assertThat(second.errorCode()).isEqualTo("VERSION_MISMATCH");
  }
}
