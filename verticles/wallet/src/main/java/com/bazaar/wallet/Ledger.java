package com.bazaar.wallet;

import com.bazaar.platform.db.ServiceDb;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The ledger's SQL. A transfer is one call of the schema's {@code transfer} function: one round trip that creates
 * missing accounts, locks both in id order, moves the amount under the accounts' CHECK and writes the transfer with
 * both balances before and after.
 */
final class Ledger {
  private static final String TRANSFER = "SELECT t.seq FROM transfer($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) t";
  private static final String MOVED = "SELECT " + Transfer.COLUMNS + Transfer.FROM + " WHERE t.kind = $1 "
    + "AND t.cause = $2";
  private static final String BALANCES = "SELECT kind, balance FROM accounts WHERE owner_id = $1 AND currency = $2";
  static final String HISTORY = "SELECT " + Transfer.COLUMNS + Transfer.FROM + " WHERE t.reseller_id = $1 "
    + "AND t.seq < $2 ORDER BY t.seq DESC LIMIT $3";
  static final String HISTORY_OF_KIND = "SELECT " + Transfer.COLUMNS + Transfer.FROM + " WHERE t.reseller_id = $1 "
    + "AND t.kind = $4 AND t.seq < $2 ORDER BY t.seq DESC LIMIT $3";
  private static final String AUDIT = "WITH moved AS (SELECT account, sum(delta) AS total FROM ("
    + "SELECT credit_account AS account, amount AS delta FROM transfers "
    + "UNION ALL SELECT debit_account, -amount FROM transfers) m GROUP BY account) "
    + "SELECT a.id, a.owner_id, a.kind, a.currency, a.balance, coalesce(m.total, 0)::bigint AS from_transfers, "
    + "(SELECT count(*) FROM transfers) AS transfers FROM accounts a LEFT JOIN moved m ON m.account = a.id ORDER BY a.id";

  private static final String BEGIN_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

  private final ServiceDb db;

  Ledger(ServiceDb db) {
    this.db = db;
  }

  ServiceDb db() {
    return db;
  }

  /**
   * Moves {@code amount} as {@code kind} between {@code reseller}'s accounts (or the platform's) for {@code cause};
   * false when that cause already moved. A reseller account that would go below zero fails the transaction with a
   * check violation.
   */
  Future<Boolean> transfer(SqlClient tx, UUID id, UUID reseller, TransferKind kind, String currency, long amount,
                           String cause) {
    return tx.preparedQuery(TRANSFER).execute(Tuple.tuple().addValue(id).addValue(reseller)
      .addValue(owner(kind.debit(), reseller)).addValue(kind.debit()).addValue(owner(kind.credit(), reseller))
      .addValue(kind.credit()).addValue(currency).addValue(amount).addValue(kind.name()).addValue(cause))
      .map(rows -> rows.size() == 1);
  }

  /** The transfer of this kind for this cause; null when there is none. */
  Future<Transfer> moved(SqlClient client, TransferKind kind, String cause) {
    return client.preparedQuery(MOVED).execute(Tuple.of(kind.name(), cause))
      .map(rows -> rows.size() == 0 ? null : Transfer.from(rows.iterator().next()));
  }

  /** The reseller's balances in a currency, by account kind (0 for an account not opened yet). */
  Future<Map<String, Long>> balances(SqlClient client, UUID reseller, String currency) {
    return client.preparedQuery(BALANCES).execute(Tuple.of(reseller, currency)).map(rows -> {
      Map<String, Long> balances = new LinkedHashMap<>();
      for (String kind : List.of("PENDING", "AVAILABLE", "PAYOUT_HOLD")) {
        balances.put(kind, 0L);
      }
      rows.forEach(row -> balances.put(row.getString("kind"), row.getLong("balance")));
      return balances;
    });
  }

  /** The reseller's transfers before {@code beforeSeq}, newest first; of one kind when {@code kind} is not null. */
  Future<List<Transfer>> history(SqlClient client, UUID reseller, TransferKind kind, long beforeSeq, int fetch) {
    Tuple args = Tuple.of(reseller, beforeSeq, fetch);
    if (kind != null) {
      args.addValue(kind.name());
    }
    return client.preparedQuery(kind == null ? HISTORY : HISTORY_OF_KIND).execute(args).map(Ledger::transfers);
  }

  /**
   * Runs {@code reads} in one snapshot (a read-only REPEATABLE READ transaction), so that balances and transfers
   * read together agree: a transfer that commits between two reads is in both or in neither.
   */
  <T> Future<T> snapshot(Function<SqlConnection, Future<T>> reads) {
    return db.read().withConnection(connection -> connection.query(BEGIN_SNAPSHOT).execute()
      .compose(begun -> reads.apply(connection))
      .eventually(() -> connection.query("COMMIT").execute()));
  }

  /** Every account with its balance and the balance its transfers add up to, in one snapshot. */
  Future<RowSet<Row>> audit() {
    return db.write().preparedQuery(AUDIT).execute();
  }

  private static UUID owner(String account, UUID reseller) {
    return TransferKind.isPlatformAccount(account) ? null : reseller;
  }

  private static List<Transfer> transfers(RowSet<Row> rows) {
    List<Transfer> out = new ArrayList<>(rows.size());
    rows.forEach(row -> out.add(Transfer.from(row)));
    return out;
  }
}
