package com.bazaar.app;

import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The first slice end to end: client → gateway → bus → product verticle → PostgreSQL → back. */
class CategoriesApiTest {
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start(Map.of());
    app.database.execute("""
      INSERT INTO product.categories (name, slug, is_active) VALUES
        ('Shoes', 'shoes', true), ('Bags', 'bags', true), ('Hats', 'hats', true), ('Secret', 'secret', false)""");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void the_list_returns_active_categories_as_json_in_pages() {
    Response first = app.http.get("/api/v1/categories?limit=2");
    Response second = app.http.get("/api/v1/categories?limit=2&cursor=" + first.json().getString("nextCursor"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("content-type")).isEqualTo("application/json");
    assertThat(first.json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("slug")))
      .containsExactly("bags", "hats");
    assertThat(second.json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("slug")))
      .containsExactly("shoes");
    assertThat(second.json().getValue("nextCursor")).isNull();
  }

  @Test
  void one_category_reads_by_slug_and_by_id_and_an_unknown_one_is_a_404() {
    Response bySlug = app.http.get("/api/v1/categories/shoes");
    Response byId = app.http.get("/api/v1/categories/" + bySlug.json().getString("id"));
    Response unknown = app.http.get("/api/v1/categories/boots");
    Response inactive = app.http.get("/api/v1/categories/secret");

    assertThat(bySlug.json().getString("name")).isEqualTo("Shoes");
    assertThat(byId.json()).isEqualTo(bySlug.json());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(inactive.status()).isEqualTo(404);
  }

  @Test
  void an_oversized_limit_and_a_forged_cursor_are_400s() {
    Response limit = app.http.get("/api/v1/categories?limit=101");
    Response cursor = app.http.get("/api/v1/categories?cursor=Zm9yZ2Vk");

    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.json().getJsonObject("error").getString("message")).contains("limit");
    assertThat(cursor.status()).isEqualTo(400);
    assertThat(cursor.errorCode()).isEqualTo("INVALID_CURSOR");
  }

  @Test
  void writes_without_an_admin_token_are_refused_with_401() {
    Response create = app.http.post("/api/v1/categories", new JsonObject().put("name", "Belts"));

    assertThat(create.status()).isEqualTo(401);
    assertThat(create.header("WWW-Authenticate")).isEqualTo("Bearer");
  }
}
