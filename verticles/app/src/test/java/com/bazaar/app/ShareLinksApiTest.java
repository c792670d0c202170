package com.bazaar.app;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import com.bazaar.platform.testing.Poll;
import com.bazaar.sharelink.api.LinkTerms;
import com.bazaar.sharelink.api.ShareLinkClient;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ShareLinksApiTest {
  private static ShareLinkWorld world;

  @BeforeAll
  static void start() {
    world = new ShareLinkWorld(Map.of());
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void a_reseller_shares_a_product_at_its_own_price_and_anyone_resolves_it_at_that_price() {
    JsonObject link = world.link();
    assertThat(link.getString("code")).matches("[0-9A-Za-z]{10}");
    assertThat(link.getString("url")).isEqualTo("http://localhost:8080/s/" + link.getString("code"));
    assertThat(link.getLong("sellerPrice")).isEqualTo(52_000);
    assertThat(link.getString("currency")).isEqualTo("INR");

    Response resolved = world.app.http.get("/api/v1/share-links/" + link.getString("code"));
    assertThat(resolved.status()).isEqualTo(200);
    assertThat(resolved.json().getJsonObject("product").getLong("price")).isEqualTo(52_000);
    assertThat(resolved.json().getJsonObject("product").getString("id")).isEqualTo(world.productId);

    Response opened = world.app.http.get("/s/" + link.getString("code"));
    assertThat(opened.status()).isEqualTo(302);
    assertThat(opened.header("Location"))
      .isEqualTo("http://localhost:3000/products/" + world.productSlug + "?ref=" + link.getString("code"));
  }

  @Test
  void a_price_outside_the_margin_rules_is_a_422_with_the_lowest_and_highest_allowed_prices() {
    for (long price : new long[] {40_000, 45_999, 80_001}) {
      Response refused = world.create(world.reseller, new JsonObject().put("productId", world.productId)
        .put("sellerPrice", price));
      assertThat(refused.status()).as("price %d", price).isEqualTo(422);
      assertThat(refused.errorCode()).isEqualTo("PRICE_OUTSIDE_MARGIN");
      JsonObject details = refused.json().getJsonObject("error").getJsonObject("details");
      assertThat(details.getLong("minPrice")).isEqualTo(46_000);
      assertThat(details.getLong("maxPrice")).isEqualTo(80_000);
    }
    assertThat(world.create(world.reseller, new JsonObject().put("productId", world.productId).put("sellerPrice", 46_000))
      .status()).isEqualTo(201);
    assertThat(world.create(world.reseller, new JsonObject().put("productId", world.productId).put("sellerPrice", 80_000))
      .status()).isEqualTo(201);
  }

  @Test
  void bad_input_is_refused_with_the_right_status() {
    JsonObject base = new JsonObject().put("productId", world.productId);
    assertThat(world.create(world.reseller, base.copy().put("sellerPrice", "52000")).status()).isEqualTo(400);
    assertThat(world.create(world.reseller, base.copy().put("sellerPrice", -5)).status()).isEqualTo(400);
    assertThat(world.create(world.reseller, base.copy().put("sellerPrice", 100_000_000_001L)).status()).isEqualTo(400);
    assertThat(world.create(world.reseller, base.copy().put("sellerPrice", 52.5)).status()).isEqualTo(400);
    Response past = world.create(world.reseller, base.copy().put("sellerPrice", 52_000)
      .put("expiresAt", "2020-01-01T00:00:00Z"));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.errorCode()).isEqualTo("EXPIRY_IN_PAST");
    Response unknown = world.create(world.reseller, new JsonObject().put("productId", UUID.randomUUID().toString())
      .put("sellerPrice", 52_000));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.errorCode()).isEqualTo("UNKNOWN_PRODUCT");
    assertThat(world.create(world.customer, base.copy().put("sellerPrice", 52_000)).status()).isEqualTo(403);
    assertThat(world.app.http.post("/api/v1/share-links", base.copy().put("sellerPrice", 52_000), world.reseller)
      .status()).as("no Idempotency-Key").isEqualTo(400);
  }

  @Test
  void a_retry_with_the_same_idempotency_key_gets_the_same_link() {
    Map<String, String> headers = OrderWorld.withKey(world.reseller, "retry-" + UUID.randomUUID());
    JsonObject body = new JsonObject().put("productId", world.productId).put("sellerPrice", 60_000);
    Response first = world.app.http.post("/api/v1/share-links", body, headers);
    Response again = world.app.http.post("/api/v1/share-links", body, headers);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().getString("code")).isEqualTo(first.json().getString("code"));
  }

  @Test
  void unknown_codes_are_404_and_deactivated_or_expired_links_are_410_at_once() {
    assertThat(world.app.http.get("/api/v1/share-links/NoSuchCode1").status()).isEqualTo(404);
    assertThat(world.app.http.get("/api/v1/share-links/bad!code").status()).isEqualTo(400);

    String code = world.link().getString("code");
    assertThat(world.app.http.get("/api/v1/share-links/" + code).status()).isEqualTo(200);
    Response off = world.app.http.patch("/api/v1/share-links/" + code, new JsonObject().put("isActive", false),
      world.reseller);
    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().getBoolean("isActive")).isFalse();
    Response gone = world.app.http.get("/api/v1/share-links/" + code);
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.errorCode()).isEqualTo("LINK_INACTIVE");
    assertThat(world.app.http.get("/s/" + code).status()).isEqualTo(410);

    String soon = world.create(world.reseller, new JsonObject().put("productId", world.productId)
      .put("sellerPrice", 52_000).put("expiresAt", Instant.now().plusSeconds(2).toString())).json().getString("code");
    assertThat(world.app.http.get("/api/v1/share-links/" + soon).status()).isEqualTo(200);
    Response expired = Poll.until(Duration.ofSeconds(10), () -> world.app.http.get("/api/v1/share-links/" + soon),
      r -> r.status() != 200);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.errorCode()).isEqualTo("LINK_EXPIRED");
  }

  @Test
  void another_reseller_gets_404_for_stats_and_patch_and_cannot_tell_whether_the_code_exists() {
    String code = world.link().getString("code");
    Response stats = world.app.http.get("/api/v1/share-links/" + code + "/stats", world.otherReseller);
    Response patch = world.app.http.patch("/api/v1/share-links/" + code, new JsonObject().put("isActive", false),
      world.otherReseller);
    Response missing = world.app.http.get("/api/v1/share-links/NoSuchCode2/stats", world.otherReseller);
    assertThat(stats.status()).isEqualTo(404);
    assertThat(patch.status()).isEqualTo(404);
    assertThat(stats.json().getJsonObject("error").getString("message"))
      .isEqualTo(missing.json().getJsonObject("error").getString("message"));
    assertThat(world.app.http.get("/api/v1/share-links/" + code).status()).as("still live").isEqualTo(200);
    assertThat(world.app.http.get("/api/v1/share-links/" + code + "/stats", world.admin).status()).isEqualTo(200);
  }

  @Test
  void a_reseller_lists_only_its_own_links_newest_first_in_pages() {
    for (int i = 0; i < 3; i++) {
      world.link();
    }
    world.create(world.otherReseller, new JsonObject().put("productId", world.productId).put("sellerPrice", 52_000));
    Response first = world.app.http.get("/api/v1/share-links?limit=2", world.reseller);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().getJsonArray("items")).hasSize(2);
    String cursor = first.json().getString("nextCursor");
    assertThat(cursor).isNotNull();
    Response second = world.app.http.get("/api/v1/share-links?limit=100&cursor=" + cursor, world.reseller);
    var all = new java.util.ArrayList<JsonObject>();
    first.json().getJsonArray("items").forEach(o -> all.add((JsonObject) o));
    second.json().getJsonArray("items").forEach(o -> all.add((JsonObject) o));
    assertThat(all).extracting(o -> o.getString("code")).doesNotHaveDuplicates();
    assertThat(all).extracting(o -> o.getString("createdAt")).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    Response theirs = world.app.http.get("/api/v1/share-links?limit=100", world.otherReseller);
    assertThat(theirs.json().getJsonArray("items")).hasSize(1);
  }

  @Test
  void orders_learn_the_terms_of_a_link_over_the_bus_and_why_a_link_cannot_be_used() {
    ShareLinkClient links = new ShareLinkClient(world.app.bazaar.platform().bus(), Principal.service("order"));
    JsonObject link = world.link();
    LinkTerms terms = links.terms(link.getString("code")).await();
    assertThat(terms.sellerPrice()).isEqualTo(52_000);
    assertThat(terms.commissionRateBps()).isEqualTo(1_000);
    assertThat(terms.linkId().toString()).isEqualTo(link.getString("id"));
    assertThat(terms.productId().toString()).isEqualTo(world.productId);

    assertThat(failure(() -> links.terms("NoSuchCode3").await())).startsWith("404");
    world.app.http.patch("/api/v1/share-links/" + link.getString("code"), new JsonObject().put("isActive", false),
      world.reseller);
    assertThat(failure(() -> links.terms(link.getString("code")).await())).isEqualTo("410 LINK_INACTIVE");
  }

  private static String failure(Runnable call) {
    try {
      call.run();
      return "no failure";
    } catch (RuntimeException e) {
      ApiError error = ErrorMapper.map(e);
      return error.status() + " " + error.code();
    }
  }

  @Test
  void the_owner_reads_clicks_per_day_once_they_are_flushed() {
    String code = world.link().getString("code");
    for (int i = 0; i < 7; i++) {
      world.app.http.get("/api/v1/share-links/" + code, Map.of("X-Visitor-Id", "visitor-" + (i % 3) + "-abcdef"));
    }
    JsonObject stats = Poll.until(Duration.ofSeconds(10),
      () -> world.app.http.get("/api/v1/share-links/" + code + "/stats", world.reseller).json(),
      s -> s.getJsonObject("clicks").getLong("total") == 7).copy();
    assertThat(stats.getJsonObject("clicks").getLong("total")).isEqualTo(7);
    assertThat(stats.getJsonObject("clicks").getJsonArray("days")).hasSize(30);
    JsonObject today = stats.getJsonObject("clicks").getJsonArray("days").getJsonObject(29);
    assertThat(today.getLong("clicks")).isEqualTo(7);
    assertThat(stats.getLong("uniqueVisitors")).isEqualTo(3);
    assertThat(stats.getLong("orders")).isZero();
  }
}
