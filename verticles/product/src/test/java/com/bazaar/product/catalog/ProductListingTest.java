package com.bazaar.product.catalog;

import com.bazaar.platform.testing.TestBus.Result;
import com.bazaar.platform.testing.TestStack;
import com.bazaar.product.ProductFixtures;
import com.bazaar.product.ProductVerticle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters, sorts, keyset paging and field selection of the product list, over a small known catalog. */
class ProductListingTest {
  private static TestStack stack;
  private static ProductFixtures products;
  private static final List<JsonObject> listed = new ArrayList<>();
  private static JsonObject shoes;
  private static JsonObject bags;

  @BeforeAll
  static void start() {
    stack = TestStack.start().migrate(ProductVerticle.SERVICE).deploy(ProductVerticle::new, 1);
    products = new ProductFixtures(stack.bus());
    shoes = products.category("Shoes");
    bags = products.category("Bags");
    String[] names = {"Canvas Sneaker", "Leather Boot", "Running Shoe", "Tote Bag", "Leather Satchel", "Canvas Backpack",
      "Trail Runner", "Evening Clutch"};
    long[] prices = {2_500, 9_900, 4_500, 1_800, 12_000, 3_200, 4_500, 6_600};
    for (int i = 0; i < names.length; i++) {
      JsonObject category = i < 3 || i == 6 ? shoes : bags;
      listed.add(products.created(ProductFixtures.shirt(names[i], prices[i]).put("categoryId", category.getString("id"))));
    }
    products.created(ProductFixtures.shirt("Inactive Loafer", 100).put("isActive", false));
    products.created(ProductFixtures.shirt("Variantless Sandal", 100).put("variants", new JsonArray()));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void every_sort_walked_page_by_page_returns_every_listed_product_once_in_order() {
    Map<String, Comparator<JsonObject>> sorts = new HashMap<>();
    sorts.put("newest", Comparator.comparing((JsonObject p) -> p.getString("createdAt")).reversed()
      .thenComparing(p -> p.getString("id"), Comparator.reverseOrder()));
    sorts.put("price_asc", Comparator.comparing((JsonObject p) -> p.getLong("minPrice")).thenComparing(p -> p.getString("id")));
    sorts.put("price_desc", Comparator.comparing((JsonObject p) -> p.getLong("minPrice")).reversed()
      .thenComparing(p -> p.getString("id"), Comparator.reverseOrder()));
    sorts.put("name", Comparator.comparing((JsonObject p) -> p.getString("name")).thenComparing(p -> p.getString("id")));

    sorts.forEach((sort, order) -> {
      List<String> expected = listed.stream().sorted(order).map(p -> p.getString("id")).toList();
      assertThat(walk(Map.of("sort", sort, "limit", 3))).as(sort).isEqualTo(expected);
    });
  }

  @Test
  void category_by_id_or_slug_name_search_and_price_range_filter_the_list() {
    assertThat(names(Map.of("category", shoes.getString("id"), "sort", "name")))
      .containsExactly("Canvas Sneaker", "Leather Boot", "Running Shoe", "Trail Runner");
    assertThat(names(Map.of("category", "bags", "sort", "name")))
      .containsExactly("Canvas Backpack", "Evening Clutch", "Leather Satchel", "Tote Bag");
    assertThat(names(Map.of("q", "leather", "sort", "name"))).containsExactly("Leather Boot", "Leather Satchel");
    assertThat(names(Map.of("q", "100%", "sort", "name"))).isEmpty();
    assertThat(names(Map.of("minPrice", 3_000L, "maxPrice", 6_600L, "sort", "price_asc"))).containsExactlyElementsOf(
      listed.stream().filter(p -> p.getLong("minPrice") >= 3_000 && p.getLong("minPrice") <= 6_600)
        .sorted(Comparator.comparing((JsonObject p) -> p.getLong("minPrice")).thenComparing(p -> p.getString("id")))
        .map(p -> p.getString("name")).toList());
    assertThat(names(Map.of("category", "shoes", "q", "run", "maxPrice", 4_500L, "sort", "name")))
      .containsExactly("Running Shoe", "Trail Runner");
  }

  @Test
  void items_carry_the_price_range_total_stock_and_primary_image_and_fields_selects_top_level_fields() {
    JsonObject item = products.list(Map.of("q", "Tote")).body().getJsonArray("items").getJsonObject(0);
    JsonObject slim = products.list(Map.of("q", "Tote", "fields", new JsonArray().add("name").add("minPrice")))
      .body().getJsonArray("items").getJsonObject(0);
    Result unknown = products.list(Map.of("fields", new JsonArray().add("name").add("secret")));

    assertThat(item.getLong("minPrice")).isEqualTo(1_800);
    assertThat(item.getLong("maxPrice")).isEqualTo(2_100);
    assertThat(item.getLong("totalStock")).isEqualTo(20);
    assertThat(item.getJsonObject("primaryImage").getString("url")).isEqualTo("https://img.example/Tote-Bag.jpg");
    assertThat(item.getJsonObject("category").getString("slug")).isEqualTo("bags");
    assertThat(slim.fieldNames()).containsExactlyInAnyOrder("name", "minPrice");
    assertThat(unknown.status()).isEqualTo(400);
  }

  @Test
  void inactive_products_and_products_without_variants_are_not_listed() {
    assertThat(names(Map.of("limit", 100))).doesNotContain("Inactive Loafer", "Variantless Sandal").hasSize(listed.size());
  }

  @Test
  void a_cursor_from_another_sort_or_a_forged_one_is_a_400() {
    String cursor = products.list(Map.of("sort", "name", "limit", 2)).body().getString("nextCursor");

    assertThat(products.list(Map.of("sort", "price_asc", "cursor", cursor)).status()).isEqualTo(400);
    assertThat(products.list(Map.of("cursor", "bm9wZQ")).status()).isEqualTo(400);
  }

  private static List<String> walk(Map<String, Object> query) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, Object> page = new HashMap<>(query);
      if (cursor != null) {
        page.put("cursor", cursor);
      }
      JsonObject body = products.list(page).body();
      body.getJsonArray("items").forEach(i -> ids.add(((JsonObject) i).getString("id")));
      cursor = body.getString("nextCursor");
    } while (cursor != null);
    return ids;
  }

  private static List<String> names(Map<String, Object> query) {
    return products.list(query).body().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("name")).toList();
  }
}
