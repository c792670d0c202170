package com.bazaar.payment;

import com.bazaar.platform.db.ServiceDb;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The payments' SQL, one prepared statement per query. */
final class PaymentRepository {
  private static final String INSERT = "INSERT INTO payments (id, order_id, user_id, method, provider, "
    + "provider_order_id, status, amount, currency, idempotency_key, request_hash) "
    + "VALUES ($1, $2, $3, $4, $5, $6, 'CREATED', $7, $8, $9, $10) RETURNING " + Payment.COLUMNS;
  private static final String BY_KEY = "SELECT " + Payment.COLUMNS + " FROM payments WHERE user_id = $1 "
    + "AND idempotency_key = $2";
  private static final String BY_ID = "SELECT " + Payment.COLUMNS + " FROM payments WHERE id = $1";
  private static final String BY_PROVIDER_ORDER = "SELECT " + Payment.COLUMNS + " FROM payments "
    + "WHERE provider_order_id = $1";
  private static final String LIVE_FOR_ORDER = "SELECT " + Payment.COLUMNS + " FROM payments WHERE order_id = $1 "
    + "AND status IN ('CREATED', 'SUCCEEDED')";
  private static final String OPEN_SINCE = "SELECT " + Payment.COLUMNS + " FROM payments WHERE status = 'CREATED' "
    + "AND method <> 'COD' AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2";
  private static final String CLAIM_EVENT = "INSERT INTO provider_events (event_id, payment_id, type) "
    + "VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING";
  private static final String SETTLE = "UPDATE payments SET status = $2, provider_payment_id = $3, "
    + "failure_reason = $4, updated_at = now() WHERE id = $1 AND status = 'CREATED' RETURNING " + Payment.COLUMNS;

  private static final String COLLECT_COD = "UPDATE payments SET status = 'SUCCEEDED', updated_at = now() "
    + "WHERE order_id = $1 AND method = 'COD' AND status = 'CREATED' RETURNING " + Payment.COLUMNS;
  private static final String CANCEL_COD = "UPDATE payments SET status = 'CANCELLED', failure_reason = $2, "
    + "updated_at = now() WHERE order_id = $1 AND method = 'COD' AND status = 'CREATED'";
  private static final String FOR_ORDER = "SELECT " + Payment.COLUMNS + " FROM payments WHERE order_id = $1 "
    + "ORDER BY created_at DESC LIMIT 50";

  private final ServiceDb db;

  PaymentRepository(ServiceDb db) {
    this.db = db;
  }

  ServiceDb db() {
    return db;
  }

  Future<Payment> insert(UUID id, UUID orderId, UUID userId, String method, String provider, String providerOrderId,
                         long amount, String currency, String key, String hash) {
    return db.write().preparedQuery(INSERT).execute(Tuple.tuple().addValue(id).addValue(orderId).addValue(userId)
      .addValue(method).addValue(provider).addValue(providerOrderId).addValue(amount).addValue(currency)
      .addValue(key).addValue(hash)).map(PaymentRepository::first);
  }

  Future<Payment> byKey(UUID userId, String key) {
    return db.write().preparedQuery(BY_KEY).execute(Tuple.of(userId, key)).map(PaymentRepository::first);
  }

  Future<Payment> byId(UUID id) {
    return db.write().preparedQuery(BY_ID).execute(Tuple.of(id)).map(PaymentRepository::first);
  }

  Future<Payment> byProviderOrder(String providerOrderId) {
    return db.write().preparedQuery(BY_PROVIDER_ORDER).execute(Tuple.of(providerOrderId))
      .map(PaymentRepository::first);
  }

  Future<Payment> liveForOrder(UUID orderId) {
    return db.write().preparedQuery(LIVE_FOR_ORDER).execute(Tuple.of(orderId)).map(PaymentRepository::first);
  }

  /** Payments still CREATED that were started more than {@code olderThanSec} ago, oldest first. */
  Future<List<Payment>> openSince(int olderThanSec, int limit) {
    return db.write().preparedQuery(OPEN_SINCE).execute(Tuple.of((double) olderThanSec, limit))
      .map(PaymentRepository::all);
  }

  /** Records a provider event as applied; false when it already was (a replay). */
  Future<Boolean> claimEvent(SqlClient tx, String eventId, UUID paymentId, String type) {
    return tx.preparedQuery(CLAIM_EVENT).execute(Tuple.of(eventId, paymentId, type)).map(rows -> rows.rowCount() == 1);
  }

  /** Moves a CREATED payment to its outcome; null when it was no longer CREATED. */
  Future<Payment> settle(SqlClient tx, UUID id, String status, String providerPaymentId, String reason) {
    return tx.preparedQuery(SETTLE).execute(Tuple.of(id, status, providerPaymentId, reason))
      .map(PaymentRepository::first);
  }

  /** The order's cash-on-delivery payment, now collected; null when it has none open. */
  Future<Payment> collectCashOnDelivery(SqlClient tx, UUID orderId) {
    return tx.preparedQuery(COLLECT_COD).execute(Tuple.of(orderId)).map(PaymentRepository::first);
  }

  Future<Void> cancelCashOnDelivery(SqlClient tx, UUID orderId, String reason) {
    return tx.preparedQuery(CANCEL_COD).execute(Tuple.of(orderId, reason)).mapEmpty();
  }

  /** The latest 50 attempts to pay the order, newest first; one live at a time keeps the real number small. */
  Future<List<Payment>> forOrder(UUID orderId) {
    return db.write().preparedQuery(FOR_ORDER).execute(Tuple.of(orderId)).map(PaymentRepository::all);
  }

  private static Payment first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : Payment.from(rows.iterator().next());
  }

  private static List<Payment> all(RowSet<Row> rows) {
    List<Payment> payments = new ArrayList<>(rows.size());
    rows.forEach(row -> payments.add(Payment.from(row)));
    return payments;
  }
}
