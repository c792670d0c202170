package com.bazaar.order;

import io.vertx.core.json.JsonObject;

/**
 * The {@code orders} section of the configuration. {@code orphanGraceSec} is how long a reservation may stay
 * unconfirmed before the sweeper asks whether its order exists; an order create gives up before committing after
 * half of it, so the sweeper can never release the stock of an order that is about to commit.
 */
record OrderSettings(int paymentWindowMin, long sweepIntervalMs, int sweepBatchSize, int orphanGraceSec) {

  static OrderSettings from(JsonObject config) {
    JsonObject orders = config.getJsonObject("orders");
    OrderSettings settings = new OrderSettings(orders.getInteger("paymentWindowMin"), orders.getLong("sweepIntervalMs"),
      orders.getInteger("sweepBatchSize"), orders.getInteger("orphanGraceSec"));
    if (settings.paymentWindowMin < 1 || settings.sweepIntervalMs < 100 || settings.sweepBatchSize < 1
      || settings.orphanGraceSec < 10) {
      throw new IllegalArgumentException("orders: paymentWindowMin >= 1, sweepIntervalMs >= 100, sweepBatchSize >= 1 "
        + "and orphanGraceSec >= 10 are required");
    }
    return settings;
  }

  /** The longest an order create may take from its reservation to its commit. */
  long createDeadlineMs() {
    return orphanGraceSec * 1000L / 2;
  }
}
