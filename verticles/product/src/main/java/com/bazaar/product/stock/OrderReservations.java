package com.bazaar.product.stock;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventHandler;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.UUID;

/**
 * Follows orders' reservations from their events, through the platform's consumer and inbox: {@code order.created}
 * confirms an order's reservation (the order committed), and {@code order.cancelled} releases it. Releasing from the
 * event means a cancellation, committed with its event in the order's outbox, always gives its stock back, even if
 * the process that cancelled dies at once; the release is idempotent per order, so a redelivery gives back nothing.
 */
public final class OrderReservations implements EventHandler {
  public static final String QUEUE = "product.reservations";
  // The order service's event names, spelled here: orders call the product service, so it cannot depend on them.
  private static final String ORDER_CREATED = "order.created";
  private static final String ORDER_CANCELLED = "order.cancelled";

  private final StockService stock;

  public OrderReservations(StockService stock) {
    this.stock = stock;
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    UUID orderId = UUID.fromString(event.data().getString("orderId"));
    return switch (event.type()) {
      case ORDER_CREATED -> stock.confirmWithin(tx, orderId);
      case ORDER_CANCELLED -> stock.releaseWithin(tx, orderId);
      default -> Future.succeededFuture();
    };
  }
}
