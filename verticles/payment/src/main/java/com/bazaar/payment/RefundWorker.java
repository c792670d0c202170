package com.bazaar.payment;

import com.bazaar.payment.provider.PaymentProvider;
import com.bazaar.platform.SingleRound;
import com.bazaar.platform.events.Outbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per process, safe beside others: claims pending refunds ({@code FOR UPDATE SKIP LOCKED}), asks the provider
 * for each, and writes the outcome, the payment's REFUNDED state and {@code payment.refunded} in the claim's
 * transaction. A provider failure counts an attempt and leaves the refund pending for the next round. The claim is
 * held while the provider answers, so two processes never refund one payment twice.
 */
final class RefundWorker {
  private static final Logger LOG = LoggerFactory.getLogger(RefundWorker.class);
  private static final int BATCH = 20;

  private final Vertx vertx;
  private final PaymentRepository payments;
  private final RefundRepository refunds;
  private final PaymentProvider provider;
  private final long intervalMs;
  private final SingleRound rounds = new SingleRound(this::round);

  RefundWorker(Vertx vertx, PaymentRepository payments, RefundRepository refunds, PaymentProvider provider,
               long intervalMs) {
    this.vertx = vertx;
    this.payments = payments;
    this.refunds = refunds;
    this.provider = provider;
    this.intervalMs = intervalMs;
  }

  RefundWorker start() {
    rounds.every(vertx, intervalMs);
    return this;
  }

  /** A round now (after a refund was requested), or right after the one running, which may have missed it. */
  void wake() {
    vertx.runOnContext(v -> rounds.runAgain());
  }

  private Future<Void> round() {
    return payments.db().write().withTransaction(tx -> refunds.claimPending(tx, BATCH).compose(pending -> {
      Future<Void> chain = Future.succeededFuture();
      for (RefundRepository.Pending refund : pending) {
        chain = chain.compose(v -> settle(tx, refund));
      }
      return chain;
    })).onFailure(e -> LOG.warn("Refund round failed; the next one retries: {}", e.toString()));
  }

  private Future<Void> settle(SqlConnection tx, RefundRepository.Pending refund) {
    Payment payment = refund.payment();
    return provider.refund(payment.providerPaymentId(), refund.amount(), refund.refundId().toString())
      .compose(providerRefundId -> refunds.done(tx, refund, providerRefundId).compose(refunded -> Outbox.append(tx,
        PaymentEventData.refunded(refunded, refund, providerRefundId))))
      .recover(failure -> {
        LOG.warn("The provider did not refund payment {}: {}", payment.id(), failure.toString());
        return refunds.failedAttempt(tx, refund.refundId());
      });
  }
}
