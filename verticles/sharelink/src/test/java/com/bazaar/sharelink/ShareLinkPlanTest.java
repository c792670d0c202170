package com.bazaar.sharelink;

import com.bazaar.platform.testing.TestStack;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot lookups of the share-link service, planned by PostgreSQL over 20,000 links of 200 resellers with a
 * year of daily clicks each: resolve by code, the owner's page and the stats' last 30 days read through indexes.
 */
class ShareLinkPlanTest {
  private static TestStack stack;
  private static UUID reseller;
  private static UUID link;
  private static String code;

  @BeforeAll
  static void seed() {
    stack = TestStack.start().migrate(ShareLinkVerticle.SERVICE);
    stack.database().execute("""
      SET search_path = sharelink;
      INSERT INTO share_links (id, code, reseller_id, product_id, seller_price, currency, expires_at, is_active,
                               created_at)
        SELECT md5('link' || i)::uuid, 'code' || lpad(i::text, 8, '0'), md5('reseller' || (i % 200))::uuid,
               md5('product' || (i % 500))::uuid, 1000 + i, 'INR',
               CASE WHEN i % 3 = 0 THEN now() + interval '1 day' END, i % 7 <> 0, now() - i * interval '1 minute'
          FROM generate_series(1, 20000) i;
      INSERT INTO link_clicks_daily (link_id, day, clicks)
        SELECT l.id, current_date - d, 1 + d FROM share_links l, generate_series(0, 364) d WHERE l.code < 'code00000200';
      ANALYZE;""");
    Row row = stack.platform().db(ShareLinkVerticle.SERVICE).write()
      .query("SELECT id, code, reseller_id FROM share_links WHERE code = 'code00000100'").execute().await()
      .iterator().next();
    link = row.getUUID("id");
    code = row.getString("code");
    reseller = row.getUUID("reseller_id");
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void resolving_a_code_reads_one_row_through_the_unique_index() {
    assertThat(explain(ShareLinkRepository.BY_CODE, Tuple.of(code))).contains("Index Scan using share_links_code_key")
      .doesNotContain("Seq Scan");
  }

  @Test
  void the_owners_page_reads_the_reseller_index_in_order_without_sorting() {
    String plan = explain(ShareLinkRepository.PAGE, Tuple.of(reseller, null, null, 21));
    assertThat(plan).contains("share_links_by_reseller").doesNotContain("Seq Scan").doesNotContain("Sort");
  }

  @Test
  void the_stats_read_only_the_last_thirty_days_of_a_link() {
    String plan = explain(ShareLinkRepository.DAILY, Tuple.of(link, LocalDate.now().minusDays(29)));
    assertThat(plan).contains("link_clicks_daily_pkey").doesNotContain("Seq Scan");
  }

  private static String explain(String sql, Tuple params) {
    StringBuilder plan = new StringBuilder();
    stack.platform().db(ShareLinkVerticle.SERVICE).write().preparedQuery("EXPLAIN " + sql).execute(params).await()
      .forEach(row -> plan.append(row.getString(0)).append('\n'));
    return plan.toString();
  }
}
