package com.bazaar.product.category;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.testing.TestBus;
import com.bazaar.platform.testing.TestBus.Result;
import com.bazaar.platform.testing.TestStack;
import com.bazaar.product.ProductVerticle;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.bazaar.product.api.ProductAddresses.CATEGORIES_CREATE;
import static com.bazaar.product.api.ProductAddresses.CATEGORIES_DELETE;
import static com.bazaar.product.api.ProductAddresses.CATEGORIES_GET;
import static com.bazaar.product.api.ProductAddresses.CATEGORIES_LIST;
import static com.bazaar.product.api.ProductAddresses.CATEGORIES_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

class CategoryServiceTest {
  private static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
  private static TestStack stack;
  private static TestBus bus;

  @BeforeAll
  static void start() {
    stack = TestStack.start().migrate(ProductVerticle.SERVICE).deploy(ProductVerticle::new, 1);
    bus = stack.bus();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @BeforeEach
  void clear() {
    stack.database().execute("DELETE FROM product.categories");
  }

  @Test
  void a_created_category_gets_a_slug_from_its_name_and_reads_back_by_id_and_slug() {
    Result created = create(new JsonObject().put("name", "  Crème Brûlée & Tarts ").put("description", "Sweet"));

    assertThat(created.status()).isEqualTo(201);
    JsonObject category = created.body();
    assertThat(category.getString("name")).isEqualTo("Crème Brûlée & Tarts");
    assertThat(category.getString("slug")).isEqualTo("creme-brulee-tarts");
    assertThat(category.getBoolean("isActive")).isTrue();
    assertThat(category.getString("createdAt")).endsWith("Z");
    assertThat(get(category.getString("id")).body()).isEqualTo(category);
    assertThat(get("creme-brulee-tarts").body()).isEqualTo(category);
  }

  @Test
  void a_duplicate_name_or_slug_is_a_409_naming_the_field() {
    create(new JsonObject().put("name", "Shoes").put("slug", "shoes"));

    Result sameName = create(new JsonObject().put("name", "SHOES").put("slug", "other"));
    Result sameSlug = create(new JsonObject().put("name", "Footwear").put("slug", "shoes"));

    assertThat(sameName.status()).isEqualTo(409);
    assertThat(sameName.body().getJsonObject("error").getJsonObject("details").getString("field")).isEqualTo("name");
    assertThat(sameSlug.status()).isEqualTo(409);
    assertThat(sameSlug.body().getJsonObject("error").getJsonObject("details").getString("field")).isEqualTo("slug");
  }

  @Test
  void the_list_holds_only_active_categories_by_name_and_pages_with_a_cursor() {
    for (String name : new String[]{"Delta", "Alpha", "Charlie", "Bravo", "Echo"}) {
      create(new JsonObject().put("name", name));
    }
    create(new JsonObject().put("name", "Aardvark").put("isActive", false));

    Result first = bus.call(CATEGORIES_LIST, Map.of(), Map.of("limit", 2), null, Principal.ANONYMOUS);
    String cursor = first.body().getString("nextCursor");
    Result second = bus.call(CATEGORIES_LIST, Map.of(), Map.of("limit", 2, "cursor", cursor), null, Principal.ANONYMOUS);
    Result third = bus.call(CATEGORIES_LIST, Map.of(), Map.of("limit", 2, "cursor", second.body().getString("nextCursor")),
      null, Principal.ANONYMOUS);

    assertThat(names(first)).containsExactly("Alpha", "Bravo");
    assertThat(names(second)).containsExactly("Charlie", "Delta");
    assertThat(names(third)).containsExactly("Echo");
    assertThat(third.body().getValue("nextCursor")).isNull();
  }

  @Test
  void an_inactive_category_is_not_found_by_the_public_but_is_by_an_admin() {
    String id = create(new JsonObject().put("name", "Hidden").put("isActive", false)).body().getString("id");

    assertThat(get(id).status()).isEqualTo(404);
    assertThat(bus.call(CATEGORIES_GET, Map.of("idOrSlug", id), Map.of(), null, TestBus.admin()).status()).isEqualTo(200);
  }

  @Test
  void a_patch_changes_only_the_given_fields_and_can_clear_the_description() {
    JsonObject created = create(new JsonObject().put("name", "Bags").put("description", "All bags")).body();

    Result patched = bus.call(CATEGORIES_UPDATE, Map.of("idOrSlug", created.getString("id")), Map.of(),
      new JsonObject().put("description", (String) null).put("isActive", false), TestBus.admin());

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body().getString("name")).isEqualTo("Bags");
    assertThat(patched.body().getString("description")).isNull();
    assertThat(patched.body().getBoolean("isActive")).isFalse();
  }

  @Test
  void patching_or_deleting_an_unknown_id_is_a_404_and_a_delete_removes_the_row() {
    String id = create(new JsonObject().put("name", "Temp")).body().getString("id");

    Result patchUnknown = bus.call(CATEGORIES_UPDATE, Map.of("idOrSlug", UNKNOWN_ID), Map.of(),
      new JsonObject().put("name", "X"), TestBus.admin());
    Result deleted = bus.call(CATEGORIES_DELETE, Map.of("idOrSlug", id), Map.of(), null, TestBus.admin());
    Result deletedAgain = bus.call(CATEGORIES_DELETE, Map.of("idOrSlug", id), Map.of(), null, TestBus.admin());

    assertThat(patchUnknown.status()).isEqualTo(404);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deletedAgain.status()).isEqualTo(404);
    assertThat(get(id).status()).isEqualTo(404);
  }

  private static Result create(JsonObject body) {
    return bus.call(CATEGORIES_CREATE, Map.of(), Map.of(), body, TestBus.admin());
  }

  private static Result get(String idOrSlug) {
    return bus.call(CATEGORIES_GET, Map.of("idOrSlug", idOrSlug), Map.of(), null, Principal.ANONYMOUS);
  }

  private static java.util.List<String> names(Result page) {
    return page.body().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("name")).toList();
  }
}
