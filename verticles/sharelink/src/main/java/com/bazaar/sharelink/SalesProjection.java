package com.bazaar.sharelink;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventHandler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * Orders, revenue and commission per link, from {@code order.paid} and {@code order.cancelled}, applied through the
 * platform's consumer and inbox. A cash-on-delivery order is never PAID: it counts when its cash is collected
 * ({@code payment.succeeded} of cause {@code collected_on_delivery}), and is counted once either way (so a redelivered event counts once). Each order has a row: a cancellation reverses
 * only what a payment counted, and a payment that arrives after its order's cancellation counts nothing. Events are
 * handled concurrently and in any order, so the two of one order are serialized by a transaction-scoped advisory
 * lock on the order id: without it, a cancellation racing its payment's uncommitted row would be lost.
 */
final class SalesProjection implements EventHandler {
  static final String QUEUE = "sharelink.sales";
  // The order service's event names, spelled here: orders call share links over the bus, so share links cannot
  // depend on the order module. EventCatalogueTest checks both against conf/asyncapi.yaml.
  private static final String ORDER_PAID = "order.paid";
  private static final String ORDER_CANCELLED = "order.cancelled";
  private static final String PAYMENT_SUCCEEDED = "payment.succeeded";
  private static final String COLLECTED_ON_DELIVERY = "collected_on_delivery";
  private static final String LOCK_ORDER = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7))";
  private static final String PAID = "INSERT INTO link_orders (order_id, link_id, amount, commission, currency, state) "
    + "VALUES ($1, $2, $3, $4, $5, 'PAID') ON CONFLICT (order_id) DO NOTHING RETURNING link_id";
  private static final String ADD = "INSERT INTO link_sales (link_id, orders, revenue, commission) VALUES ($1, 1, $2, $3) "
    + "ON CONFLICT (link_id) DO UPDATE SET orders = link_sales.orders + 1, revenue = link_sales.revenue + $2, "
    + "commission = link_sales.commission + $3";
  private static final String CANCEL_PAID = "UPDATE link_orders SET state = 'CANCELLED_AFTER_PAID', updated_at = now() "
    + "WHERE order_id = $1 AND state = 'PAID' RETURNING link_id, amount, commission";
  private static final String SUBTRACT = "UPDATE link_sales SET orders = orders - 1, revenue = revenue - $2, "
    + "commission = commission - $3 WHERE link_id = $1";
  private static final String CANCEL_FIRST = "INSERT INTO link_orders (order_id, link_id, amount, commission, currency, "
    + "state) VALUES ($1, $2, 0, 0, NULL, 'CANCELLED') ON CONFLICT (order_id) DO NOTHING";

  /** Only sales through a link, and of the payment events only a collection on delivery. */
  @Override
  public boolean concerns(EventEnvelope event) {
    return event.data().getString("shareLinkId") != null && (!event.type().equals(PAYMENT_SUCCEEDED)
      || COLLECTED_ON_DELIVERY.equals(event.data().getString("cause")));
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    JsonObject data = event.data();
    UUID orderId = UUID.fromString(data.getString("orderId"));
    UUID link = UUID.fromString(data.getString("shareLinkId"));
    return tx.preparedQuery(LOCK_ORDER).execute(Tuple.of(orderId.toString()))
      .compose(locked -> apply(tx, event.type(), data, orderId, link));
  }

  private static Future<Void> apply(SqlConnection tx, String type, JsonObject data, UUID orderId, UUID link) {
    boolean collected = type.equals(PAYMENT_SUCCEEDED);
    if (type.equals(ORDER_PAID) || collected) {
      long amount = data.getLong(collected ? "amount" : "totalAmount");
      long commission = data.getLong("commissionAmount", 0L);
      return tx.preparedQuery(PAID).execute(Tuple.of(orderId, link, amount, commission, data.getString("currency")))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture()
          : tx.preparedQuery(ADD).execute(Tuple.of(link, amount, commission)).mapEmpty());
    }
    if (type.equals(ORDER_CANCELLED)) {
      return tx.preparedQuery(CANCEL_PAID).execute(Tuple.of(orderId)).compose(rows -> {
        if (rows.size() == 0) {
          return tx.preparedQuery(CANCEL_FIRST).execute(Tuple.of(orderId, link)).mapEmpty();
        }
        var row = rows.iterator().next();
        return tx.preparedQuery(SUBTRACT).execute(Tuple.of(link, row.getLong("amount"), row.getLong("commission")))
          .mapEmpty();
      });
    }
    return Future.succeededFuture();
  }
}
