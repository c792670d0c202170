package com.bazaar.order;

import com.bazaar.platform.SingleRound;
import com.bazaar.product.api.StockClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One per process, safe to run in many at once. Each round cancels unpaid orders past {@code orders.paymentWindowMin}
 * (their stock comes back through {@code order.cancelled}), then releases orphaned reservations: stock reserved for an
 * order that never committed, because its process died between the reservation and the order's transaction.
 * The product service names the reservations no {@code order.created} has confirmed for {@code orphanGraceSec};
 * those whose order exists are only waiting for a late event and are left alone.
 */
final class OrderSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(OrderSweeper.class);

  private final Vertx vertx;
  private final OrderTransitions transitions;
  private final OrderRepository orders;
  private final StockClient stock;
  private final OrderSettings settings;
  private final Counter expired;
  private final Counter orphansReleased;
  private final SingleRound rounds = new SingleRound(this::round);

  OrderSweeper(Vertx vertx, OrderTransitions transitions, OrderRepository orders, StockClient stock,
               OrderSettings settings, MeterRegistry registry) {
    this.vertx = vertx;
    this.transitions = transitions;
    this.orders = orders;
    this.stock = stock;
    this.settings = settings;
    this.expired = Counter.builder("bazaar.orders.expired").description("Unpaid orders cancelled by the sweeper")
      .register(registry);
    this.orphansReleased = Counter.builder("bazaar.orders.orphan.reservations.released")
      .description("Reservations of orders that never committed, released by the sweeper").register(registry);
  }

  OrderSweeper start() {
    rounds.every(vertx, settings.sweepIntervalMs());
    return this;
  }

  /** One round; a round still running when the timer fires again is not doubled. */
  Future<Void> sweep() {
    return rounds.run();
  }

  private Future<Void> round() {
    return expire().compose(v -> releaseOrphans())
      .onFailure(e -> LOG.warn("Order sweep failed; the next round retries: {}", e.toString()));
  }

  private Future<Void> expire() {
    return transitions.expireUnpaid(settings.paymentWindowMin(), settings.sweepBatchSize()).compose(count -> {
      expired.increment(count);
      return count == settings.sweepBatchSize() ? expire() : Future.succeededFuture();
    });
  }

  private Future<Void> releaseOrphans() {
    return stock.unconfirmed(settings.orphanGraceSec(), settings.sweepBatchSize()).compose(candidates -> {
      if (candidates.isEmpty()) {
        return Future.succeededFuture();
      }
      return orders.existing(candidates).compose(placed -> {
        Set<UUID> orphans = new HashSet<>(candidates);
        orphans.removeAll(placed);
        Future<Void> chain = Future.succeededFuture();
        for (UUID orderId : orphans) {
          chain = chain.compose(v -> stock.release(orderId).map(released -> {
            LOG.info("Released the stock of order {}, which never committed: {}", orderId, released);
            orphansReleased.increment();
            return null;
          }));
        }
        return chain;
      });
    });
  }
}
