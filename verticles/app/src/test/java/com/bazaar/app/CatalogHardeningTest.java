package com.bazaar.app;

import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Adversarial input to the catalog and pricing, through the real gateway: every answer a 4xx, nothing leaks. */
class CatalogHardeningTest {
  private static RunningApp app;
  private static Map<String, String> admin;

  @BeforeAll
  static void start() {
    app = RunningApp.start(Map.of("BAZAAR_ADMIN_EMAIL", "hardening@bazaar.test", "BAZAAR_ADMIN_PASSWORD", "hardening pw 1"));
    admin = AuthFlows.bearer(AuthFlows.login(app.http, "hardening@bazaar.test", "hardening pw 1"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String unique(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObject product(String name, String categoryId) {
    JsonObject product = new JsonObject().put("name", name)
      .put("variants", new JsonArray().add(new JsonObject().put("price", 2_000).put("stock", 4)));
    return categoryId == null ? product : product.put("categoryId", categoryId);
  }

  private static JsonObject created(JsonObject body, String path) {
    Response response = app.http.post(path, body, admin);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.json();
  }

  @Test
  void a_cursor_beyond_the_databases_time_range_is_a_400_however_often_it_is_sent() {
    String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
      "[\"newest\",\"+294277-01-01T00:00:00Z\",\"00000000-0000-0000-0000-000000000000\"]".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 6; i++) {
      Response response = app.http.get("/api/v1/products?cursor=" + cursor);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.errorCode()).isEqualTo("INVALID_CURSOR");
    }
    assertThat(app.http.get("/api/v1/categories?limit=3").status()).isEqualTo(200);
  }

  @Test
  void a_number_beyond_a_double_and_a_value_with_a_trailing_newline_are_refused_by_the_contract() {
    Response huge = app.http.post("/api/v1/pricing/calculate", Buffer.buffer("{\"items\":[{\"productId\":\""
      + UUID.randomUUID() + "\",\"quantity\":1e400}]}"), admin);
    Response newlineCategory = app.http.post("/api/v1/products",
      product(unique("Newline"), UUID.randomUUID() + "\n"), admin);
    Response newlineCurrency = app.http.post("/api/v1/products",
      product(unique("Rupee"), null).put("currency", "INR\n"), admin);

    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.errorCode()).isEqualTo("INVALID_BODY");
    assertThat(newlineCategory.status()).isEqualTo(400);
    assertThat(newlineCurrency.status()).isEqualTo(400);
  }

  @Test
  void text_that_cannot_be_stored_as_sent_is_refused_and_a_surrogate_pair_survives_the_round_trip() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Response nul = app.http.post("/api/v1/products", rawProduct("Nul \\u0000 " + suffix), admin);
    Response lone = app.http.post("/api/v1/products", rawProduct("Lone \\ud800 " + suffix), admin);
    Response inKey = app.http.post("/api/v1/categories", Buffer.buffer("{\"name\":\"Key " + suffix
      + "\",\"\\udc00\":1}"), admin);
    Response inPath = app.http.get("/api/v1/products/%00");
    Response pair = app.http.post("/api/v1/products", rawProduct("Pair \\ud83d\\ude00 " + suffix), admin);

    for (Response refused : java.util.List.of(nul, lone, inKey, inPath)) {
      assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
      assertThat(refused.errorCode()).isEqualTo("INVALID_TEXT");
    }
    assertThat(pair.status()).as(pair.body().toString()).isEqualTo(201);
    assertThat(app.http.get("/api/v1/products/" + pair.json().getString("id")).json().getString("name"))
      .isEqualTo("Pair \ud83d\ude00 " + suffix);
  }

  private static Buffer rawProduct(String jsonEscapedName) {
    return Buffer.buffer("{\"name\":\"" + jsonEscapedName + "\",\"slug\":\"raw-" + UUID.randomUUID()
      + "\",\"variants\":[{\"price\":2000,\"stock\":4}]}");
  }

  @Test
  void a_name_in_an_indian_script_is_accepted_with_an_explicit_slug_and_a_blank_name_never() {
    Response hindi = app.http.post("/api/v1/categories", new JsonObject().put("name", "जूते " + UUID.randomUUID()
      .toString().substring(0, 4)).put("slug", "joote-" + UUID.randomUUID().toString().substring(0, 8)), admin);
    Response noSlug = app.http.post("/api/v1/categories", new JsonObject().put("name", "चप्पल"), admin);
    String productId = created(product(unique("Plain"), null), "/api/v1/products").getString("id");
    Response blank = app.http.patch("/api/v1/products/" + productId, new JsonObject().put("name", "   "), admin);

    assertThat(hindi.status()).isEqualTo(201);
    assertThat(noSlug.status()).isEqualTo(400);
    assertThat(noSlug.errorCode()).isEqualTo("INVALID_SLUG");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.errorCode()).isEqualTo("INVALID_NAME");
  }

  @Test
  void products_of_an_inactive_category_are_hidden_from_lists_details_and_search() {
    JsonObject category = created(new JsonObject().put("name", unique("Seasonal")), "/api/v1/categories");
    String name = unique("Monsoon Umbrella");
    JsonObject product = created(product(name, category.getString("id")), "/api/v1/products");
    String query = "/api/v1/products?q=" + name.substring(name.lastIndexOf(' ') + 1);
    assertThat(app.http.get(query).json().getJsonArray("items")).hasSize(1);

    app.http.patch("/api/v1/categories/" + category.getString("id"), new JsonObject().put("isActive", false), admin);

    assertThat(app.http.get(query).json().getJsonArray("items")).isEmpty();
    assertThat(app.http.get("/api/v1/products?category=" + category.getString("slug")).json().getJsonArray("items"))
      .isEmpty();
    assertThat(app.http.get("/api/v1/products/" + product.getString("slug")).status()).isEqualTo(404);
    assertThat(app.http.get("/api/v1/products/" + product.getString("slug"), admin).status())
      .as("an ADMIN still sees it").isEqualTo(200);
  }

  @Test
  void pricing_follows_its_product_out_of_the_catalog() {
    String productId = created(product(unique("Retired Saree"), null), "/api/v1/products").getString("id");
    String pricing = "/api/v1/pricing/products/" + productId;
    assertThat(app.http.put(pricing, new JsonObject().put("basePrice", 2_000).put("resellerPrice", 2_400)
      .put("commissionRateBps", 500).put("minMarginBps", 500), admin).status()).isEqualTo(201);
    JsonObject cart = new JsonObject().put("items", new JsonArray().add(new JsonObject().put("productId", productId)
      .put("quantity", 1)));
    assertThat(app.http.post("/api/v1/pricing/calculate", cart, admin).status()).isEqualTo(200);

    app.http.patch("/api/v1/products/" + productId, new JsonObject().put("isActive", false), admin);
    Response gone = Poll.until(Duration.ofSeconds(5), () -> app.http.get(pricing), r -> r.status() == 404);
    Response priced = app.http.post("/api/v1/pricing/calculate", cart, admin);

    assertThat(gone.status()).isEqualTo(404);
    assertThat(priced.status()).isEqualTo(422);
    assertThat(priced.errorCode()).isEqualTo("PRODUCT_INACTIVE");
  }

  @Test
  void a_list_parameter_given_twice_is_merged() {
    String name = unique("Merged Fields");
    created(product(name, null), "/api/v1/products");
    Response response = app.http.get("/api/v1/products?q=" + name.substring(name.lastIndexOf(' ') + 1)
      + "&fields=name&fields=minPrice");

    assertThat(response.json().getJsonArray("items").getJsonObject(0))
      .isEqualTo(new JsonObject().put("name", name).put("minPrice", 2_000));
  }
}
