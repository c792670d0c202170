package com.bazaar.payment;

import com.bazaar.payment.provider.PaymentProvider;
import com.bazaar.platform.SingleRound;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per process: payments still CREATED after {@code payment.reconcileAfterSec} are asked about at the provider,
 * and an outcome it reports is applied as its webhook would have been (once per provider payment, so a webhook that
 * arrives after all changes nothing). This covers a webhook that never arrives.
 */
final class Reconciliation {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
  private static final int BATCH = 50;

  private final Vertx vertx;
  private final PaymentRepository payments;
  private final PaymentProvider provider;
  private final WebhookHandling webhooks;
  private final PaymentSettings settings;
  private final SingleRound rounds = new SingleRound(this::round);

  Reconciliation(Vertx vertx, PaymentRepository payments, PaymentProvider provider, WebhookHandling webhooks,
                 PaymentSettings settings) {
    this.vertx = vertx;
    this.payments = payments;
    this.provider = provider;
    this.webhooks = webhooks;
    this.settings = settings;
  }

  Reconciliation start() {
    rounds.every(vertx, settings.reconcileIntervalMs());
    return this;
  }

  private Future<Void> round() {
    return payments.openSince(settings.reconcileAfterSec(), BATCH).compose(open -> {
      Future<Void> chain = Future.succeededFuture();
      for (Payment payment : open) {
        chain = chain.compose(v -> provider.fetch(payment.providerOrderId()).compose(outcome -> outcome == null
          ? Future.<Void>succeededFuture()
          : webhooks.apply(outcome, "reconciled:" + outcome.providerPaymentId())
            .onSuccess(answer -> LOG.info("Reconciled payment {}: {}", payment.id(), answer.getString("status")))
            .<Void>mapEmpty()));
      }
      return chain;
    }).onFailure(e -> LOG.warn("Payment reconciliation failed; the next round retries: {}", e.toString()));
  }
}
