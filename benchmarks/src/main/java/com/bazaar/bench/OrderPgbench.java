package com.bazaar.bench;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * pgbench scripts that place an order with the statements the order and product services send for one, in order,
 * read from their own classes (by reflection, so a change of the SQL changes the baseline): the idempotency lookup,
 * the variant lookup, the reservation (order lock, held lines, row locks, conditional take, record), the order with
 * its lines and first status (one statement) and the outbox row. The services run them as two reads and two
 * transactions; here they are one transaction, with no HTTP, bus, JSON, Redis or token check around them. Run
 * pgbench with {@code PGOPTIONS='-c search_path=product,order'}.
 *
 * <p>pgbench takes {@code :name} as a variable anywhere, even in a string literal, so literals here never put a
 * letter or digit right after a colon. Variants are picked with the seed's own id formula ({@code md5('<seed>:var:' || i || ':' || k)}, seed 42,
 * four variants per product), three distinct products per order; customers are the seed's first twenty.
 */
final class OrderPgbench {
  private static final String SEED = "42";

  private OrderPgbench() {
  }

  static void write(Path dir, int products) throws IOException {
    Files.writeString(dir.resolve("order_create.sql"), script(products, false));
    Files.writeString(dir.resolve("order_create_link.sql"), script(products, true));
  }

  private static String script(int products, boolean linked) {
    int third = Math.max(1, products / 3);
    String variables = String.join("\n",
      "\\set n random(1, 4000000000000000000)",
      "\\set u random(1, 20)",
      "\\set p1 random(1, " + third + ")",
      "\\set p2 :p1 + " + third,
      "\\set p3 :p1 + " + 2 * third,
      "\\set k1 random(1, 4)",
      "\\set k2 random(1, 4)",
      "\\set k3 random(1, 4)");
    String order = "md5(:client_id || '-' || :n)::uuid";
    String user = "md5('customer:' || :u)::uuid";
    String key = "('pgbench-' || :client_id || '-' || :n)";
    String variants = "ARRAY[" + variant(1) + ", " + variant(2) + ", " + variant(3) + "]";
    String ones = "ARRAY[1, 1, 1]";
    String productIds = "ARRAY[" + product(1) + ", " + product(2) + ", " + product(3) + "]";
    String seller = linked ? "md5('reseller:1')::uuid" : "NULL::uuid";
    String link = linked ? "md5('" + SEED + ":' || 'link:' || :p1)::uuid" : "NULL::uuid";
    String code = linked ? "('L' || lpad(:p1::text, 9, '0'))" : "NULL::text";
    String address = "'{\"name\": \"Bench Buyer\",\"phone\": \"+91 98450 00000\",\"line1\": \"1 Load Street\","
      + "\"city\": \"Bengaluru\",\"postalCode\": \"560001\",\"country\": \"IN\"}'::jsonb";
    String event = "'{\"id\": \"00000000-0000-0000-0000-000000000000\",\"type\": \"order.created\",\"occurredAt\":"
      + "\"2026-11-30\",\"version\": 1,\"data\": {\"orderId\": \"x\",\"orderNumber\": \"BZ-20261130-0000001\","
      + "\"userId\": \"x\",\"totalAmount\": 150000,\"commissionAmount\": 5000,\"currency\": \"INR\",\"status\": \"PENDING\","
      + "\"items\": [{\"variantId\": \"x\",\"productId\": \"x\",\"quantity\": 1,\"unitPrice\": 50000,\"lineTotal\": 50000,"
      + "\"commissionRateBps\": 1000,\"commission\": 5000},{\"variantId\": \"x\",\"productId\": \"x\",\"quantity\": 1,"
      + "\"unitPrice\": 50000,\"lineTotal\": 50000,\"commissionRateBps\": 0,\"commission\": 0},{\"variantId\": \"x\","
      + "\"productId\": \"x\",\"quantity\": 1,\"unitPrice\": 50000,\"lineTotal\": 50000,\"commissionRateBps\": 0,"
      + "\"commission\": 0}],\"createdAt\": \"2026-11-30\"}}'";
    List<String> statements = List.of(
      bind(sql("com.bazaar.order.OrderRepository", "BY_KEY"), user, key),
      bind(sql("com.bazaar.product.stock.StockRepository", "LOOKUP"), variants),
      "BEGIN",
      bind(sql("com.bazaar.product.stock.StockRepository", "LOCK_ORDER"), order),
      bind(sql("com.bazaar.product.stock.StockRepository", "HELD"), order),
      bind(sql("com.bazaar.product.stock.StockRepository", "LOCK"), variants),
      bind(sql("com.bazaar.product.stock.StockRepository", "TAKE"), variants, ones),
      bind(sql("com.bazaar.product.stock.StockRepository", "RECORD"), order, variants, ones),
      bind(sql("com.bazaar.order.OrderRepository", "INSERT"), order, user, key, "'h'", seller, link, code, "'INR'",
        "150000", linked ? "5000" : "0", address, variants, productIds, "ARRAY['A', 'B', 'C']",
        "ARRAY['S1', 'S2', 'S3']", ones, "ARRAY[50000, 50000, 50000]::bigint[]",
        "ARRAY[50000, 50000, 50000]::bigint[]", linked ? "ARRAY[1000, 0, 0]" : "ARRAY[0, 0, 0]",
        linked ? "ARRAY[5000, 0, 0]::bigint[]" : "ARRAY[0, 0, 0]::bigint[]", "(" + user + ")::text"),
      bind(sql("com.bazaar.platform.events.Outbox", "APPEND"), "gen_random_uuid()", "'order.created'", event),
      "COMMIT");
    return script(variables, statements);
  }

  /** A pgbench script: its {@code \\set} lines, then each statement on one line. */
  static String script(String variables, List<String> statements) {
    StringBuilder out = new StringBuilder(variables).append('\n');
    statements.forEach(statement -> out.append(statement.replaceAll("\\s+", " ").trim()).append(";\n"));
    return out.toString();
  }

  private static String variant(int line) {
    return "md5('" + SEED + ":' || 'var:' || :p" + line + " || ':' || :k" + line + ")::uuid";
  }

  private static String product(int line) {
    return "md5('" + SEED + ":' || 'product:' || :p" + line + ")::uuid";
  }

  /** Replaces $1..$n with the expressions, highest first so that $1 never eats the start of $12. */
  static String bind(String sql, String... expressions) {
    String bound = sql;
    for (int i = expressions.length; i >= 1; i--) {
      bound = bound.replace("$" + i, "(" + expressions[i - 1] + ")");
    }
    if (bound.matches("(?s).*\\$\\d.*")) {
      throw new IllegalStateException("a parameter was left unbound in " + bound);
    }
    return bound;
  }

  /** A SQL constant of a service's repository, read where it is defined. */
  static String sql(String owner, String field) {
    try {
      Field constant = Class.forName(owner).getDeclaredField(field);
      constant.setAccessible(true);
      return (String) constant.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The benchmark's pgbench script reads " + owner + "." + field, e);
    }
  }

  /** Each service's outbox and inbox are its schema's; a script that runs several services' names them. */
  static String qualified(String sql, String schema) {
    if (!sql.matches("INSERT INTO (outbox|inbox) .*")) {
      throw new IllegalStateException("the event kit's statement no longer starts INSERT INTO outbox or inbox: " + sql);
    }
    return sql.replaceFirst("INSERT INTO (outbox|inbox) ", "INSERT INTO " + schema + ".$1 ");
  }
}
