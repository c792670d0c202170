package com.bazaar.bench;

import com.bazaar.payment.provider.WebhookSignature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Seeds PENDING orders, each with one line and a CREATED sandbox payment, for the webhook scenario: the first
 * {@code WEBHOOKS} are captured by wrk through {@code webhooks.txt} (one signed capture per line: signature, tab,
 * body, as the sandbox would sign it), the rest by pgbench ({@code payment_webhook.sql}), so neither settles a
 * payment the other already did. Run after the server has migrated the database.
 *
 * <pre>WebhookSeed WEBHOOKS PGBENCH OUT_DIR</pre>
 */
public final class WebhookSeed {
  static final long AMOUNT = 50_000;
  private static final String ORDERS = "INSERT INTO \"order\".orders (id, user_id, idempotency_key, request_hash, "
    + "status, currency, total_amount, shipping_address) SELECT md5('webhook-order:' || i)::uuid, "
    + "md5('customer:' || (i % 20 + 1))::uuid, 'webhook-' || i, 'h', 'PENDING', 'INR', ?, "
    + "'{\"name\": \"Bench Buyer\", \"city\": \"Pune\"}'::jsonb FROM generate_series(1, ?) i";
  private static final String LINES = "INSERT INTO \"order\".order_lines (order_id, line_no, variant_id, product_id, "
    + "product_name, quantity, unit_price, line_total) SELECT md5('webhook-order:' || i)::uuid, 0, "
    + "md5('webhook-variant:' || i)::uuid, md5('webhook-product:' || i)::uuid, 'Bench Kurta', 1, ?, ? "
    + "FROM generate_series(1, ?) i";
  private static final String PAYMENTS = "INSERT INTO payment.payments (id, order_id, user_id, method, provider, "
    + "provider_order_id, status, amount, currency, idempotency_key, request_hash) SELECT "
    + "md5('webhook-payment:' || i)::uuid, md5('webhook-order:' || i)::uuid, md5('customer:' || (i % 20 + 1))::uuid, "
    + "'UPI', 'sandbox', 'order_wh' || i, 'CREATED', ?, 'INR', 'webhook-' || i, 'h' FROM generate_series(1, ?) i";

  private WebhookSeed() {
  }

  public static void main(String[] args) throws Exception {
    int webhooks = Integer.parseInt(args[0]);
    int pgbench = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    int total = webhooks + pgbench;
    try (Connection db = BenchDatabase.connect(BenchDatabase.url())) {
      run(db, ORDERS, AMOUNT, total);
      run(db, LINES, AMOUNT, AMOUNT, total);
      run(db, PAYMENTS, AMOUNT, total);
    }
    WebhookSignature signature = new WebhookSignature(sandboxSecret());
    try (Writer lines = Files.newBufferedWriter(out.resolve("webhooks.txt"))) {
      for (int i = 1; i <= webhooks; i++) {
        Buffer body = capture(i).toBuffer();
        lines.write(signature.sign(body) + "\t" + body + "\n");
      }
    }
    System.out.printf("seeded %d payments for webhooks: %d for wrk, %d for pgbench%n", total, webhooks, pgbench);
  }

  /** The capture the sandbox would send for seeded payment {@code i}. */
  static JsonObject capture(long i) {
    return new JsonObject().put("event", "payment.captured").put("payload", new JsonObject().put("payment",
      new JsonObject().put("entity", new JsonObject().put("id", "pay_wh" + i).put("order_id", "order_wh" + i)
        .put("amount", AMOUNT).put("currency", "INR").put("status", "captured"))));
  }

  /** The sandbox's secret as the server reads it: the base configuration, unless the environment overrides it. */
  private static String sandboxSecret() throws IOException {
    String override = System.getenv("BAZAAR_PAYMENT_SANDBOX_WEBHOOK_SECRET");
    return override != null ? override : new JsonObject(Files.readString(Path.of("conf/bazaar.json")))
      .getJsonObject("payment").getJsonObject("sandbox").getString("webhookSecret");
  }

  private static void run(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
