package com.bazaar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The pgbench script of a webhook capture: the statements the payment and order services send for one, in order,
 * read from their classes (so a change of the SQL changes the baseline). The payment's lookup by provider order;
 * the order service's transaction (lock, move with its history row, {@code order.paid} in the outbox) and its read
 * of the lines; the payment service's transaction (the provider event claimed, the payment settled,
 * {@code payment.succeeded} in the outbox). Each picks one of the payments {@link WebhookSeed} left to pgbench at
 * random, so a few are picked twice and their second settle changes no row (a little cheaper than wrk's).
 */
final class WebhookPgbench {
  private WebhookPgbench() {
  }

  /** {@code first} and {@code last}: the seeded payments pgbench may use. */
  static void write(Path dir, int first, int last) throws IOException {
    String order = "md5('webhook-order:' || :i)::uuid";
    String payment = "md5('webhook-payment:' || :i)::uuid";
    String orderEvent = "'{\"type\": \"order.paid\",\"data\": {\"orderId\": \"x\",\"status\": \"PAID\","
      + "\"fromStatus\": \"PENDING\",\"totalAmount\": 50000,\"currency\": \"INR\"}}'";
    String paymentEvent = "'{\"type\": \"payment.succeeded\",\"data\": {\"paymentId\": \"x\",\"orderId\": \"x\","
      + "\"amount\": 50000,\"currency\": \"INR\",\"cause\": \"captured\",\"commissionAmount\": 0}}'";
    String append = OrderPgbench.sql("com.bazaar.platform.events.Outbox", "APPEND");
    List<String> statements = List.of(
      OrderPgbench.bind(payments("BY_PROVIDER_ORDER"), "'order_wh' || :i"),
      "BEGIN",
      OrderPgbench.bind(orders("LOCK"), order),
      OrderPgbench.bind(orders("MOVE"), order, "'PAID'", payment, "'PENDING'", "'service-payment'", "NULL::text"),
      OrderPgbench.bind(OrderPgbench.qualified(append, "\"order\""), "gen_random_uuid()", "'order.paid'", orderEvent),
      "COMMIT",
      OrderPgbench.bind(orders("ITEMS"), order),
      "BEGIN",
      OrderPgbench.bind(payments("CLAIM_EVENT"), "'pay_wh' || :i || '-captured'", payment, "'payment.captured'"),
      OrderPgbench.bind(payments("SETTLE"), payment, "'SUCCEEDED'", "'pay_wh' || :i", "NULL::text"),
      OrderPgbench.bind(OrderPgbench.qualified(append, "payment"), "gen_random_uuid()", "'payment.succeeded'", paymentEvent),
      "COMMIT");
    Files.writeString(dir.resolve("payment_webhook.sql"), OrderPgbench.script("\\set i random(" + first + ", " + last
      + ")", statements));
  }

  private static String orders(String field) {
    return OrderPgbench.sql("com.bazaar.order.OrderRepository", field);
  }

  private static String payments(String field) {
    return OrderPgbench.sql("com.bazaar.payment.PaymentRepository", field);
  }
}
