package com.bazaar.wallet;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventHandler;
import com.bazaar.platform.events.Outbox;
import com.bazaar.wallet.api.WalletEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.Set;
import java.util.UUID;

/**
 * Commissions from events, through the platform's consumer and inbox, each in the inbox's transaction and once per
 * order whatever the inbox lets through (a transfer's cause is the order id). {@code payment.succeeded} credits the
 * order's commission to the reseller's PENDING; {@code order.delivered} moves it to AVAILABLE; {@code
 * order.cancelled} before that reverses it. A cash-on-delivery collection follows its delivery, so it credits and
 * releases at once. A delivery or cancellation of an order whose commission the wallet has not seen fails, so the
 * consumer retries it and in the end dead-letters it: it is never guessed.
 */
final class CommissionEvents implements EventHandler {
  static final String QUEUE = "wallet.commissions";
  // Other services' event names, spelled here like the other consumers do; EventCatalogueTest checks them.
  private static final String PAYMENT_SUCCEEDED = "payment.succeeded";
  private static final String ORDER_DELIVERED = "order.delivered";
  private static final String ORDER_CANCELLED = "order.cancelled";
  private static final String COLLECTED_ON_DELIVERY = "collected_on_delivery";
  private static final Set<String> PAID_STATES = Set.of("PAID", "SHIPPED");

  private final Ledger ledger;

  CommissionEvents(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Only an order with a reseller and a commission; of the cancellations, only those of a paid order. */
  @Override
  public boolean concerns(EventEnvelope event) {
    JsonObject data = event.data();
    if (data.getString("sellerId") == null || data.getLong("commissionAmount", 0L) <= 0) {
      return false;
    }
    return !event.type().equals(ORDER_CANCELLED)
      || PAID_STATES.contains(data.getString("fromStatus")) && !data.getBoolean("cashOnDelivery", false);
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    JsonObject data = event.data();
    UUID reseller = UUID.fromString(data.getString("sellerId"));
    String orderId = data.getString("orderId");
    return switch (event.type()) {
      case PAYMENT_SUCCEEDED -> move(tx, reseller, orderId, TransferKind.COMMISSION_PENDING,
        data.getString("currency"), data.getLong("commissionAmount"))
        .compose(v -> COLLECTED_ON_DELIVERY.equals(data.getString("cause"))
          ? move(tx, reseller, orderId, TransferKind.COMMISSION_AVAILABLE, data.getString("currency"),
            data.getLong("commissionAmount")) : Future.succeededFuture());
      case ORDER_DELIVERED -> afterPending(tx, reseller, orderId, TransferKind.COMMISSION_AVAILABLE);
      case ORDER_CANCELLED -> afterPending(tx, reseller, orderId, TransferKind.COMMISSION_REVERSED);
      default -> Future.succeededFuture();
    };
  }

  /** Moves the commission credited to PENDING for this order onward; fails while that credit is unknown. */
  private Future<Void> afterPending(SqlConnection tx, UUID reseller, String orderId, TransferKind kind) {
    return ledger.moved(tx, TransferKind.COMMISSION_PENDING, orderId).compose(pending -> {
      if (pending == null) {
        return Future.failedFuture(new IllegalStateException("No commission of order " + orderId
          + " is pending yet; " + kind + " waits for it"));
      }
      TransferKind other = kind == TransferKind.COMMISSION_AVAILABLE ? TransferKind.COMMISSION_REVERSED
        : TransferKind.COMMISSION_AVAILABLE;
      return ledger.moved(tx, other, orderId).compose(done -> done != null ? Future.succeededFuture()
        : move(tx, reseller, orderId, kind, pending.currency(), pending.amount()));
    });
  }

  private Future<Void> move(SqlConnection tx, UUID reseller, String orderId, TransferKind kind, String currency,
                            long amount) {
    UUID transferId = UUID.randomUUID();
    return ledger.transfer(tx, transferId, reseller, kind, currency, amount, orderId).compose(moved -> {
      if (!moved || kind == TransferKind.COMMISSION_REVERSED) {
        return Future.succeededFuture();
      }
      return Outbox.append(tx, EventEnvelope.of(kind == TransferKind.COMMISSION_PENDING
        ? WalletEvents.COMMISSION_PENDING : WalletEvents.COMMISSION_AVAILABLE, new JsonObject()
        .put("resellerId", reseller.toString()).put("orderId", orderId).put("transferId", transferId.toString())
        .put("amount", amount).put("currency", currency)));
    });
  }
}
