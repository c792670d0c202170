package com.bazaar.app;

import com.bazaar.platform.testing.Poll;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Clicks are counted in memory and written in batches: none is lost by the batching, nor by a graceful stop. */
class ShareLinkClicksTest {
  private static final int RESOLVES = 10_000;
  private static final int CLIENTS = 50;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void ten_thousand_resolves_from_fifty_clients_add_up_to_exactly_ten_thousand_clicks() {
    try (ShareLinkWorld world = new ShareLinkWorld(Map.of())) {
      String code = world.link().getString("code");
      ResolveLoad load = new ResolveLoad(world.app.config.getJsonObject("http").getInteger("port"), CLIENTS);
      try {
        load.run(RESOLVES, CLIENTS, "/api/v1/share-links/" + code, i -> Map.of()).await();
      } finally {
        load.close();
      }
      assertThat(load.count(200)).isEqualTo(RESOLVES);

      long total = Poll.until(Duration.ofSeconds(15), () -> clicks(world, code), n -> n >= RESOLVES);
      assertThat(total).isEqualTo(RESOLVES);
      assertThat(world.app.database.queryLong("SELECT sum(clicks) FROM sharelink.link_clicks_minute")).isEqualTo(RESOLVES);
      assertThat(world.app.database.queryLong("SELECT sum(clicks) FROM sharelink.link_clicks_daily")).isEqualTo(RESOLVES);
      assertThat(world.app.database.queryLong("SELECT count(*) FROM sharelink.link_clicks_minute"))
        .as("one row per link and minute, not per click").isLessThanOrEqualTo(3);
      assertThat(world.app.database.queryLong("SELECT coalesce(sum((click->>'count')::bigint), 0) FROM sharelink.outbox, "
        + "jsonb_array_elements(body::jsonb->'data'->'clicks') click WHERE type = 'sharelink.clicked'"))
        .as("the sharelink.clicked events of the flushes").isEqualTo(RESOLVES);
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void a_graceful_stop_in_the_middle_of_the_load_writes_every_click_it_answered() {
    ShareLinkWorld world = new ShareLinkWorld(Map.of());
    try {
      String code = world.link().getString("code");
      ResolveLoad load = new ResolveLoad(world.app.config.getJsonObject("http").getInteger("port"), CLIENTS);
      try {
        Future<Void> running = load.run(RESOLVES, CLIENTS, "/api/v1/share-links/" + code, i -> Map.of());
        Poll.until(Duration.ofSeconds(60), () -> load.answered.get() >= RESOLVES / 2);
        world.app.bazaar.close().await();
        running.await();
      } finally {
        load.close();
      }
      int ok = load.count(200);
      System.out.printf("[sharelink] stopped mid-load: %d answered 200 of %d sent, by status %s%n", ok, RESOLVES,
        load.byStatus);
      assertThat(ok).isBetween(RESOLVES / 2, RESOLVES - 1);
      assertThat(world.app.database.queryLong("SELECT clicks FROM sharelink.share_links WHERE code = '" + code + "'"))
        .isEqualTo(ok);
      assertThat(world.app.database.queryLong("SELECT sum(clicks) FROM sharelink.link_clicks_minute")).isEqualTo(ok);
    } finally {
      world.app.database.close();
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void unique_visitors_are_counted_within_hyperloglog_error() {
    try (ShareLinkWorld world = new ShareLinkWorld(Map.of())) {
      String many = world.link().getString("code");
      String one = world.link().getString("code");
      int port = world.app.config.getJsonObject("http").getInteger("port");
      ResolveLoad load = new ResolveLoad(port, 20);
      try {
        load.run(1_000, 20, "/api/v1/share-links/" + many, i -> Map.of("X-Visitor-Id", "visitor-" + i + "-fuzz"))
          .await();
      } finally {
        load.close();
      }
      ResolveLoad same = new ResolveLoad(port, 20);
      try {
        same.run(1_000, 20, "/api/v1/share-links/" + one, i -> Map.of("User-Agent", "the same phone")).await();
      } finally {
        same.close();
      }
      JsonObject distinct = Poll.until(Duration.ofSeconds(15), () -> stats(world, many),
        s -> s.getJsonObject("clicks").getLong("total") >= 1_000);
      JsonObject repeated = Poll.until(Duration.ofSeconds(15), () -> stats(world, one),
        s -> s.getJsonObject("clicks").getLong("total") >= 1_000);
      System.out.printf("[sharelink] 1000 distinct visitors counted as %d; 1000 visits of one as %d%n",
        distinct.getLong("uniqueVisitors"), repeated.getLong("uniqueVisitors"));
      assertThat(distinct.getLong("uniqueVisitors")).isBetween(970L, 1_030L);
      assertThat(repeated.getLong("uniqueVisitors")).isEqualTo(1L);
    }
  }

  private static JsonObject stats(ShareLinkWorld world, String code) {
    return world.app.http.get("/api/v1/share-links/" + code + "/stats", world.reseller).json();
  }

  private static long clicks(ShareLinkWorld world, String code) {
    return world.app.database.queryLong("SELECT clicks FROM sharelink.share_links WHERE code = '" + code + "'");
  }
}
