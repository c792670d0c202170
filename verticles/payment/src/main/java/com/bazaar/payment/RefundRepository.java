package com.bazaar.payment;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The refunds' SQL. A payment has at most one refund, so asking twice (a redelivered event) asks once. */
final class RefundRepository {
  private static final String CAPTURED_FOR_ORDER = "SELECT " + Payment.COLUMNS + " FROM payments WHERE order_id = $1 "
    + "AND status = 'SUCCEEDED' FOR UPDATE";
  private static final String REQUEST = "INSERT INTO refunds (id, payment_id, amount, currency, reason, status) "
    + "VALUES ($1, $2, $3, $4, $5, 'PENDING') ON CONFLICT (payment_id) DO NOTHING";
  private static final String CLAIM_PENDING = "SELECT r.id AS refund_id, r.amount AS refund_amount, "
    + "r.currency AS refund_currency, r.reason AS refund_reason, " + prefixed("p.")
    + " FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE r.status = 'PENDING' ORDER BY r.created_at "
    + "LIMIT $1 FOR UPDATE OF r SKIP LOCKED";
  private static final String DONE = "UPDATE refunds SET status = 'DONE', provider_refund_id = $2, "
    + "attempts = attempts + 1, updated_at = now() WHERE id = $1";
  private static final String FAILED_ATTEMPT = "UPDATE refunds SET attempts = attempts + 1, updated_at = now() "
    + "WHERE id = $1";
  private static final String PAYMENT_REFUNDED = "UPDATE payments SET status = 'REFUNDED', updated_at = now() "
    + "WHERE id = $1 RETURNING " + Payment.COLUMNS;

  /** A refund waiting for the provider, with its payment. */
  record Pending(UUID refundId, long amount, String currency, String reason, Payment payment) {
  }

  Future<Payment> capturedForOrder(SqlClient tx, UUID orderId) {
    return tx.preparedQuery(CAPTURED_FOR_ORDER).execute(Tuple.of(orderId))
      .map(rows -> rows.size() == 0 ? null : Payment.from(rows.iterator().next()));
  }

  Future<Void> request(SqlClient tx, Payment payment, String reason) {
    return tx.preparedQuery(REQUEST).execute(Tuple.of(UUID.randomUUID(), payment.id(), payment.amount(),
      payment.currency(), reason)).mapEmpty();
  }

  Future<List<Pending>> claimPending(SqlClient tx, int limit) {
    return tx.preparedQuery(CLAIM_PENDING).execute(Tuple.of(limit)).map(rows -> {
      List<Pending> pending = new ArrayList<>(rows.size());
      for (Row row : rows) {
        pending.add(new Pending(row.getUUID("refund_id"), row.getLong("refund_amount"),
          row.getString("refund_currency"), row.getString("refund_reason"), Payment.from(row)));
      }
      return pending;
    });
  }

  Future<Payment> done(SqlClient tx, Pending refund, String providerRefundId) {
    return tx.preparedQuery(DONE).execute(Tuple.of(refund.refundId(), providerRefundId))
      .compose(v -> tx.preparedQuery(PAYMENT_REFUNDED).execute(Tuple.of(refund.payment().id())))
      .map(rows -> Payment.from(rows.iterator().next()));
  }

  Future<Void> failedAttempt(SqlClient tx, UUID refundId) {
    return tx.preparedQuery(FAILED_ATTEMPT).execute(Tuple.of(refundId)).mapEmpty();
  }

  /** The payment's columns qualified by the join's alias; the refund's own are renamed, so the two never clash. */
  private static String prefixed(String alias) {
    return alias + Payment.COLUMNS.replace(", ", ", " + alias);
  }
}
