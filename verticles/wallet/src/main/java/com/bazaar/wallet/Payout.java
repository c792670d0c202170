package com.bazaar.wallet;

import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A payout's row. The bank account leaves the service only masked: its last four characters. */
record Payout(UUID id, UUID resellerId, long amount, String currency, String bankAccount, String notes,
              String adminNotes, PayoutStatus status, String requestHash, OffsetDateTime createdAt,
              OffsetDateTime updatedAt) {
  static final String COLUMNS = "id, reseller_id, amount, currency, bank_account, notes, admin_notes, status, "
    + "request_hash, created_at, updated_at";

  static Payout from(Row row) {
    return new Payout(row.getUUID("id"), row.getUUID("reseller_id"), row.getLong("amount"), row.getString("currency"),
      row.getString("bank_account"), row.getString("notes"), row.getString("admin_notes"),
      PayoutStatus.valueOf(row.getString("status")), row.getString("request_hash"),
      row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
  }

  static String mask(String bankAccount) {
    String compact = bankAccount.replaceAll("\\s", "");
    return "XXXX" + compact.substring(Math.max(0, compact.length() - 4));
  }

  JsonObject toJson() {
    return new JsonObject()
      .put("id", id.toString())
      .put("resellerId", resellerId.toString())
      .put("amount", amount)
      .put("currency", currency)
      .put("bankAccount", mask(bankAccount))
      .put("notes", notes)
      .put("adminNotes", adminNotes)
      .put("status", status.name())
      .put("createdAt", IsoTime.format(createdAt))
      .put("updatedAt", IsoTime.format(updatedAt));
  }

  /** The payload of {@code wallet.payout.requested} and {@code wallet.payout.processed}. */
  JsonObject eventData() {
    return new JsonObject().put("payoutId", id.toString()).put("resellerId", resellerId.toString())
      .put("amount", amount).put("currency", currency).put("status", status.name());
  }
}
