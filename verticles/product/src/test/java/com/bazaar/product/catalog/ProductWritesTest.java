package com.bazaar.product.catalog;

import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.testing.TestBus;
import com.bazaar.platform.testing.TestBus.Result;
import com.bazaar.platform.testing.TestStack;
import com.bazaar.product.ProductFixtures;
import com.bazaar.product.ProductVerticle;
import com.bazaar.product.api.ProductAddresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProductWritesTest {
  private static TestStack stack;
  private static TestBus bus;
  private static ProductFixtures products;

  @BeforeAll
  static void start() {
    stack = TestStack.start().migrate(ProductVerticle.SERVICE).deploy(ProductVerticle::new, 2);
    bus = stack.bus();
    products = new ProductFixtures(bus);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static String unique(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_full_product_create_round_trips_exactly() {
    JsonObject category = products.category(unique("Tops"));
    JsonObject input = ProductFixtures.shirt(unique("Oxford Shirt"), 49_900).put("categoryId", category.getString("id"))
      .put("sku", "OX-" + UUID.randomUUID().toString().substring(0, 6));

    JsonObject created = products.created(input);
    Result fetched = products.get(created.getString("id"), Principal.ANONYMOUS);

    assertThat(fetched.body()).isEqualTo(created);
    assertThat(created.getString("name")).isEqualTo(input.getString("name"));
    assertThat(created.getString("sku")).isEqualTo(input.getString("sku"));
    assertThat(created.getString("currency")).isEqualTo("INR");
    assertThat(created.getJsonObject("category").getString("id")).isEqualTo(category.getString("id"));
    assertThat(created.getLong("minPrice")).isEqualTo(49_900);
    assertThat(created.getLong("maxPrice")).isEqualTo(50_200);
    assertThat(created.getInteger("version")).isEqualTo(1);
    assertThat(created.getJsonArray("options").getJsonObject(0).getString("name")).isEqualTo("Color");
    assertThat(created.getJsonArray("options").getJsonObject(1).getJsonArray("values").stream()
      .map(v -> ((JsonObject) v).getString("value"))).containsExactly("M", "L");
    JsonArray variants = created.getJsonArray("variants");
    assertThat(variants).hasSize(4);
    for (int i = 0; i < 4; i++) {
      JsonObject want = input.getJsonArray("variants").getJsonObject(i);
      JsonObject got = variants.getJsonObject(i);
      assertThat(got.getLong("price")).isEqualTo(want.getLong("price"));
      assertThat(got.getInteger("stock")).isEqualTo(5);
      assertThat(got.getJsonObject("optionValues")).isEqualTo(want.getJsonObject("optionValues"));
    }
    assertThat(created.getJsonArray("images").getJsonObject(0).getBoolean("isPrimary")).isTrue();
    assertThat(products.get(created.getString("slug"), Principal.ANONYMOUS).body()).isEqualTo(created);
  }

  @Test
  void variants_that_do_not_fit_the_options_are_a_422_listing_every_problem() {
    JsonObject input = ProductFixtures.shirt(unique("Broken"), 1_000);
    JsonArray variants = input.getJsonArray("variants");
    variants.getJsonObject(0).getJsonObject("optionValues").put("Colour", "Red");
    variants.getJsonObject(1).getJsonObject("optionValues").put("Color", "Green");
    variants.getJsonObject(2).getJsonObject("optionValues").remove("Size");
    variants.add(new JsonObject().put("price", 10).put("stock", 1).put("currency", "USD")
      .put("optionValues", new JsonObject().put("Color", "Blue").put("Size", "L")));
    input.getJsonArray("images").getJsonObject(0).put("isPrimary", true);

    Result result = products.create(input);

    assertThat(result.status()).isEqualTo(422);
    assertThat(result.body().getJsonObject("error").getJsonObject("details").getJsonArray("problems").stream()
      .map(p -> ((JsonObject) p).getString("code")))
      .contains("UNKNOWN_OPTION", "UNKNOWN_OPTION_VALUE", "MISSING_OPTION_VALUE", "DUPLICATE_COMBINATION",
        "MIXED_CURRENCY", "MULTIPLE_PRIMARY_IMAGES");
    assertThat(products.get(input.getString("name").toLowerCase().replace(' ', '-'), TestBus.admin()).status())
      .isEqualTo(404);
  }

  @Test
  void a_duplicate_slug_or_sku_is_a_409_and_an_unknown_category_a_422() {
    JsonObject first = products.created(ProductFixtures.shirt(unique("Twin"), 1_000).put("sku", "TW-" + UUID.randomUUID().toString().substring(0, 6)));

    Result sameSlug = products.create(ProductFixtures.shirt(unique("Other"), 1_000).put("slug", first.getString("slug")));
    Result sameSku = products.create(ProductFixtures.shirt(unique("Other"), 1_000).put("sku", first.getString("sku")));
    Result noCategory = products.create(ProductFixtures.shirt(unique("Lost"), 1_000).put("categoryId", UUID.randomUUID().toString()));

    assertThat(sameSlug.status()).isEqualTo(409);
    assertThat(sameSlug.body().getJsonObject("error").getJsonObject("details").getString("field")).isEqualTo("slug");
    assertThat(sameSku.status()).isEqualTo(409);
    assertThat(sameSku.body().getJsonObject("error").getJsonObject("details").getString("field")).isEqualTo("sku");
    assertThat(noCategory.status()).isEqualTo(422);
  }

  @Test
  void a_patch_with_a_stale_if_match_is_a_412_and_a_current_one_applies_and_bumps_the_version() {
    JsonObject product = products.created(ProductFixtures.shirt(unique("Versioned"), 1_000));
    String id = product.getString("id");

    Result current = patch(id, "\"1\"", new JsonObject().put("name", "Renamed once"));
    Result stale = patch(id, "\"1\"", new JsonObject().put("name", "Renamed twice"));
    Result unconditional = patch(id, null, new JsonObject().put("description", (String) null));

    assertThat(current.status()).isEqualTo(200);
    assertThat(current.body().getInteger("version")).isEqualTo(2);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.body().getJsonObject("error").getJsonObject("details").getInteger("version")).isEqualTo(2);
    assertThat(unconditional.body().getString("name")).isEqualTo("Renamed once");
    assertThat(unconditional.body().getString("description")).isNull();
    assertThat(unconditional.body().getInteger("version")).isEqualTo(3);
  }

  @Test
  void an_inactive_product_is_hidden_from_the_public_but_not_from_an_admin() {
    JsonObject product = products.created(ProductFixtures.shirt(unique("Hidden"), 1_000).put("isActive", false));

    assertThat(products.get(product.getString("id"), Principal.ANONYMOUS).status()).isEqualTo(404);
    assertThat(products.get(product.getString("slug"), Principal.ANONYMOUS).status()).isEqualTo(404);
    assertThat(products.get(product.getString("id"), TestBus.admin()).status()).isEqualTo(200);
  }

  @Test
  void a_new_variant_must_be_a_new_combination_and_a_price_patch_shows_on_the_next_read() {
    JsonObject product = products.created(ProductFixtures.shirt(unique("Growing"), 1_000)
      .put("options", new JsonArray()
        .add(new JsonObject().put("name", "Color").put("values", new JsonArray().add("Red").add("Blue").add("Green")))
        .add(new JsonObject().put("name", "Size").put("values", new JsonArray().add("M").add("L")))));
    String id = product.getString("id");
    products.get(id, Principal.ANONYMOUS);

    Result added = bus.call(ProductAddresses.VARIANTS_ADD, Map.of("idOrSlug", id), Map.of(),
      new JsonObject().put("price", 900).put("stock", 2).put("optionValues", new JsonObject().put("Color", "Green").put("Size", "M")),
      TestBus.admin());
    Result repeated = bus.call(ProductAddresses.VARIANTS_ADD, Map.of("idOrSlug", id), Map.of(),
      new JsonObject().put("price", 900).put("stock", 2).put("optionValues", new JsonObject().put("Color", "Green").put("Size", "M")),
      TestBus.admin());
    Result patched = bus.call(ProductAddresses.VARIANTS_UPDATE, Map.of("id", added.body().getString("id")), Map.of(),
      new JsonObject().put("price", 700), TestBus.admin());
    JsonObject after = products.get(id, Principal.ANONYMOUS).body();

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.body().getJsonObject("optionValues")).isEqualTo(new JsonObject().put("Color", "Green").put("Size", "M"));
    assertThat(repeated.status()).isIn(409, 422);
    assertThat(patched.body().getLong("price")).isEqualTo(700);
    assertThat(after.getLong("minPrice")).isEqualTo(700);
    assertThat(after.getJsonArray("variants")).hasSize(5);
    assertThat(after.getInteger("version")).isEqualTo(3);
  }

  @Test
  void a_deleted_product_is_gone() {
    JsonObject product = products.created(ProductFixtures.shirt(unique("Doomed"), 1_000));
    String id = product.getString("id");
    products.get(id, Principal.ANONYMOUS);

    Result deleted = bus.call(ProductAddresses.PRODUCTS_DELETE, Map.of("idOrSlug", id), Map.of(), null, TestBus.admin());
    Result again = bus.call(ProductAddresses.PRODUCTS_DELETE, Map.of("idOrSlug", id), Map.of(), null, TestBus.admin());

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(again.status()).isEqualTo(404);
    assertThat(products.get(id, Principal.ANONYMOUS).status()).isEqualTo(404);
  }

  private static Result patch(String id, String ifMatch, JsonObject body) {
    JsonObject headers = ifMatch == null ? new JsonObject() : new JsonObject().put("if-match", ifMatch);
    BusRequest request = new BusRequest(new JsonObject().put("idOrSlug", id), new JsonObject(), headers, body,
      TestBus.admin(), "test");
    return bus.call(ProductAddresses.PRODUCTS_UPDATE, request);
  }
}
