package com.bazaar.bench;

import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The buffers one page of a reseller's transfer history touches (EXPLAIN ANALYZE, BUFFERS) at 10,000 and at
 * 1,000,000 transfers over 1,000 resellers, on the first page and on a page in the middle reached by keyset, all
 * kinds and one kind. The statements are the wallet's own ({@code Ledger}, read by reflection).
 *
 * <p>Usage: {@code WalletPageCost}, with {@code BAZAAR_PG_*} naming a database the wallet has migrated. It replaces
 * the ledger there. Prints one {@code WALLET_PAGE_COST {json}} line per size.
 */
public final class WalletPageCost {
  private static final int RESELLERS = 1_000;
  private static final int PAGE = 20;
  private static final String LEDGER = "com.bazaar.wallet.Ledger";

  private WalletPageCost() {
  }

  public static void main(String[] args) throws SQLException {
    try (Connection db = BenchDatabase.connect(BenchDatabase.url() + "?currentSchema=wallet")) {
      for (int size : new int[] {10_000, 1_000_000}) {
        long seeded = seed(db, size);
        JsonObject costs = new JsonObject().put("transfers", size).put("seed_ms", seeded);
        for (int sample = 1; sample <= 3; sample++) {
          UUID reseller = reseller(db, sample);
          long middle = middleSeq(db, reseller);
          max(costs, "history_first", PlanBuffers.of(db, OrderPgbench.sql(LEDGER, "HISTORY"), reseller,
            Long.MAX_VALUE, PAGE + 1));
          max(costs, "history_middle", PlanBuffers.of(db, OrderPgbench.sql(LEDGER, "HISTORY"), reseller, middle,
            PAGE + 1));
          max(costs, "kind_first", PlanBuffers.of(db, OrderPgbench.sql(LEDGER, "HISTORY_OF_KIND"), reseller,
            Long.MAX_VALUE, PAGE + 1, "COMMISSION_PENDING"));
          max(costs, "kind_middle", PlanBuffers.of(db, OrderPgbench.sql(LEDGER, "HISTORY_OF_KIND"), reseller, middle,
            PAGE + 1, "COMMISSION_PENDING"));
        }
        System.out.println("WALLET_PAGE_COST " + costs.encode());
      }
    }
  }

  /**
   * Replaces the ledger with {@code size} transfers, commissions credited and released in turn, spread over the
   * resellers in time order; returns the milliseconds it took. Triggers are off for the seed (the ledger refuses
   * TRUNCATE otherwise).
   */
  private static long seed(Connection db, int size) throws SQLException {
    long started = System.nanoTime();
    try (Statement sql = db.createStatement()) {
      sql.execute("SET session_replication_role = replica");
      sql.execute("TRUNCATE transfers, payouts, accounts RESTART IDENTITY");
      sql.execute("INSERT INTO accounts (owner_id, kind, currency) VALUES (NULL, 'COMMISSION_EXPENSE', 'INR')");
      sql.execute("INSERT INTO accounts (owner_id, kind, currency) SELECT md5('pc-reseller:' || r)::uuid, k, 'INR' "
        + "FROM generate_series(1, " + RESELLERS + ") r, unnest(ARRAY['PENDING', 'AVAILABLE', 'PAYOUT_HOLD']) k "
        + "ORDER BY r");
      sql.execute("CREATE TEMP TABLE pc_accounts AS SELECT r, md5('pc-reseller:' || r)::uuid AS owner, "
        + "(SELECT id FROM accounts WHERE owner_id = md5('pc-reseller:' || r)::uuid AND kind = 'PENDING') AS pending, "
        + "(SELECT id FROM accounts WHERE owner_id = md5('pc-reseller:' || r)::uuid AND kind = 'AVAILABLE') AS available "
        + "FROM generate_series(1, " + RESELLERS + ") r");
      sql.execute("INSERT INTO transfers (id, reseller_id, debit_account, credit_account, amount, currency, kind, "
        + "cause, debit_before, debit_after, credit_before, credit_after, created_at) "
        + "SELECT md5('pc-transfer:' || i)::uuid, a.owner, CASE WHEN i % 2 = 0 THEN 1 ELSE a.pending END, "
        + "CASE WHEN i % 2 = 0 THEN a.pending ELSE a.available END, 100, 'INR', "
        + "CASE WHEN i % 2 = 0 THEN 'COMMISSION_PENDING' ELSE 'COMMISSION_AVAILABLE' END, 'pc-' || i, 100, 0, 0, "
        + "100, now() - (" + size + " - i) * interval '1 second' "
        + "FROM generate_series(1, " + size + ") i JOIN pc_accounts a ON a.r = 1 + i % " + RESELLERS + " ORDER BY i");
      sql.execute("DROP TABLE pc_accounts");
      sql.execute("SET session_replication_role = DEFAULT");
      sql.execute("VACUUM ANALYZE transfers");
      sql.execute("VACUUM ANALYZE accounts");
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static UUID reseller(Connection db, int sample) throws SQLException {
    try (Statement sql = db.createStatement();
         ResultSet row = sql.executeQuery("SELECT md5('pc-reseller:" + sample + "')::uuid")) {
      row.next();
      return row.getObject(1, UUID.class);
    }
  }

  /** The keyset of the page in the middle of the reseller's history: the seq of the row before it. */
  private static long middleSeq(Connection db, UUID reseller) throws SQLException {
    try (Statement sql = db.createStatement();
         ResultSet row = sql.executeQuery("SELECT seq FROM transfers WHERE reseller_id = '" + reseller + "' "
           + "ORDER BY seq DESC OFFSET (SELECT count(*) / 2 FROM transfers WHERE reseller_id = '" + reseller
           + "') LIMIT 1")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static void max(JsonObject costs, String key, long buffers) {
    costs.put(key, Math.max(costs.getLong(key, 0L), buffers));
  }
}
