package com.bazaar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The pgbench script of a payout request: the statements the wallet sends for one, in order, read from its classes.
 * {@code payout.sql}: the idempotency lookup, then one transaction: the payout row, the transfer (one call of the
 * schema's {@code transfer} function) and {@code wallet.payout.requested} in the outbox. Each picks one of the twenty
 * resellers run.sh gave a large available balance, as {@code wrk/payout.lua} does. {@code wallet_commission.sql}: the
 * consumer's transaction for a {@code payment.succeeded}: its inbox row, the commission's transfer to PENDING and
 * {@code wallet.commission.pending} in the outbox.
 */
final class WalletPgbench {
  private WalletPgbench() {
  }

  static void write(Path dir) throws IOException {
    String reseller = "md5('reseller:' || :r)::uuid";
    String payout = "md5('pgbench-payout-' || :client_id || '-' || :n)::uuid";
    String key = "('pgbench-' || :client_id || '-' || :n)";
    String event = "'{\"type\": \"wallet.payout.requested\",\"data\": {\"payoutId\": \"x\",\"resellerId\": \"x\","
      + "\"amount\": 1,\"currency\": \"INR\",\"status\": \"REQUESTED\"}}'";
    List<String> statements = List.of(
      OrderPgbench.bind(payouts("BY_KEY"), reseller, key),
      "BEGIN",
      OrderPgbench.bind(payouts("INSERT"), payout, reseller, "1", "'INR'", "'HDFC 0001 2345 67'", "NULL::text", key,
        "'h'"),
      OrderPgbench.bind(OrderPgbench.sql("com.bazaar.wallet.Ledger", "TRANSFER"), "gen_random_uuid()", reseller,
        reseller, "'AVAILABLE'", reseller, "'PAYOUT_HOLD'", "'INR'", "1", "'PAYOUT_HOLD'", "(" + payout + ")::text"),
      OrderPgbench.bind(OrderPgbench.qualified(OrderPgbench.sql("com.bazaar.platform.events.Outbox", "APPEND"),
        "wallet"), "gen_random_uuid()", "'wallet.payout.requested'", event),
      "COMMIT");
    Files.writeString(dir.resolve("payout.sql"), OrderPgbench.script("\\set r random(1, 20)\n"
      + "\\set n random(1, 4000000000000000000)", statements));
    writeCommission(dir);
  }

  private static void writeCommission(Path dir) throws IOException {
    String reseller = "md5('reseller:' || :r)::uuid";
    String event = "'{\"type\": \"wallet.commission.pending\",\"data\": {\"resellerId\": \"x\",\"orderId\": \"x\","
      + "\"transferId\": \"x\",\"amount\": 1000,\"currency\": \"INR\"}}'";
    List<String> statements = List.of(
      "BEGIN",
      OrderPgbench.bind(OrderPgbench.qualified(OrderPgbench.sql("com.bazaar.platform.events.Inbox", "CLAIM"),
        "wallet"), "'wallet.commissions'", "gen_random_uuid()"),
      OrderPgbench.bind(OrderPgbench.sql("com.bazaar.wallet.Ledger", "TRANSFER"), "gen_random_uuid()", reseller,
        "NULL::uuid", "'COMMISSION_EXPENSE'", reseller, "'PENDING'", "'INR'", "1000", "'COMMISSION_PENDING'",
        "gen_random_uuid()::text"),
      OrderPgbench.bind(OrderPgbench.qualified(OrderPgbench.sql("com.bazaar.platform.events.Outbox", "APPEND"),
        "wallet"), "gen_random_uuid()", "'wallet.commission.pending'", event),
      "COMMIT");
    Files.writeString(dir.resolve("wallet_commission.sql"), OrderPgbench.script("\\set r random(1, 20)",
      statements));
  }

  private static String payouts(String field) {
    return OrderPgbench.sql("com.bazaar.wallet.PayoutRepository", field);
  }
}
