package com.bazaar.wallet;

import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One transfer of the ledger, as the reseller sees it: which of their accounts it debited and credited. */
record Transfer(long seq, UUID id, UUID resellerId, String debitKind, String creditKind, long amount,
                String currency, String kind, String cause, long debitBefore, long debitAfter, long creditBefore,
                long creditAfter, OffsetDateTime createdAt) {

  /** The columns of a transfer joined with its accounts' kinds as {@code d} and {@code c}. */
  static final String COLUMNS = "t.seq, t.id, t.reseller_id, d.kind AS debit_kind, c.kind AS credit_kind, t.amount, "
    + "t.currency, t.kind, t.cause, t.debit_before, t.debit_after, t.credit_before, t.credit_after, t.created_at";
  static final String FROM = " FROM transfers t JOIN accounts d ON d.id = t.debit_account "
    + "JOIN accounts c ON c.id = t.credit_account";

  static Transfer from(Row row) {
    return new Transfer(row.getLong("seq"), row.getUUID("id"), row.getUUID("reseller_id"),
      row.getString("debit_kind"), row.getString("credit_kind"), row.getLong("amount"), row.getString("currency"),
      row.getString("kind"), row.getString("cause"), row.getLong("debit_before"), row.getLong("debit_after"),
      row.getLong("credit_before"), row.getLong("credit_after"), row.getOffsetDateTime("created_at"));
  }

  JsonObject toJson() {
    return new JsonObject()
      .put("id", id.toString())
      .put("kind", kind)
      .put("amount", amount)
      .put("currency", currency)
      .put("from", new JsonObject().put("account", debitKind).put("before", debitBefore).put("after", debitAfter))
      .put("to", new JsonObject().put("account", creditKind).put("before", creditBefore).put("after", creditAfter))
      .put("cause", cause)
      .put("createdAt", IsoTime.format(createdAt));
  }
}
