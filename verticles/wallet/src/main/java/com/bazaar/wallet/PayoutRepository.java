package com.bazaar.wallet;

import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.paging.TimeCursor;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The payouts' SQL. Lists are keyset pages, newest first. */
final class PayoutRepository {
  private static final String INSERT = "INSERT INTO payouts (id, reseller_id, amount, currency, bank_account, notes, "
    + "status, idempotency_key, request_hash) VALUES ($1, $2, $3, $4, $5, $6, 'REQUESTED', $7, $8) RETURNING "
    + Payout.COLUMNS;
  private static final String BY_KEY = "SELECT " + Payout.COLUMNS + " FROM payouts WHERE reseller_id = $1 "
    + "AND idempotency_key = $2";
  private static final String LOCK = "SELECT " + Payout.COLUMNS + " FROM payouts WHERE id = $1 FOR UPDATE";
  private static final String DECIDE = "UPDATE payouts SET status = $2, admin_notes = $3, updated_at = now() "
    + "WHERE id = $1 RETURNING " + Payout.COLUMNS;
  private static final String MINE = "SELECT " + Payout.COLUMNS + " FROM payouts WHERE reseller_id = $1 "
    + "AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4";
  private static final String BY_STATUS = "SELECT " + Payout.COLUMNS + " FROM payouts WHERE status = $1 "
    + "AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4";
  private static final String ALL = "SELECT " + Payout.COLUMNS + " FROM payouts "
    + "WHERE (created_at, id) < ($1, $2) ORDER BY created_at DESC, id DESC LIMIT $3";

  private final ServiceDb db;

  PayoutRepository(ServiceDb db) {
    this.db = db;
  }

  Future<Payout> insert(SqlClient tx, UUID id, UUID reseller, long amount, String currency, String bankAccount,
                        String notes, String key, String hash) {
    return tx.preparedQuery(INSERT).execute(Tuple.tuple().addValue(id).addValue(reseller).addValue(amount)
      .addValue(currency).addValue(bankAccount).addValue(notes).addValue(key).addValue(hash))
      .map(PayoutRepository::first);
  }

  Future<Payout> byKey(UUID reseller, String key) {
    return db.write().preparedQuery(BY_KEY).execute(Tuple.of(reseller, key)).map(PayoutRepository::first);
  }

  Future<Payout> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id)).map(PayoutRepository::first);
  }

  Future<Payout> decide(SqlClient tx, UUID id, PayoutStatus status, String notes) {
    return tx.preparedQuery(DECIDE).execute(Tuple.of(id, status.name(), notes)).map(PayoutRepository::first);
  }

  Future<List<Payout>> mine(UUID reseller, TimeCursor after, int fetch) {
    return db.read().preparedQuery(MINE).execute(Tuple.of(reseller, after.time(), after.id(), fetch))
      .map(PayoutRepository::all);
  }

  /** Every reseller's payouts, or those in one status; for the ADMIN. */
  Future<List<Payout>> all(PayoutStatus status, TimeCursor after, int fetch) {
    return status == null
      ? db.read().preparedQuery(ALL).execute(Tuple.of(after.time(), after.id(), fetch)).map(PayoutRepository::all)
      : db.read().preparedQuery(BY_STATUS).execute(Tuple.of(status.name(), after.time(), after.id(), fetch))
        .map(PayoutRepository::all);
  }

  private static Payout first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : Payout.from(rows.iterator().next());
  }

  private static List<Payout> all(RowSet<Row> rows) {
    List<Payout> out = new ArrayList<>(rows.size());
    rows.forEach(row -> out.add(Payout.from(row)));
    return out;
  }
}
