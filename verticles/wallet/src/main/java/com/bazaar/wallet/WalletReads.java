package com.bazaar.wallet;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.json.JsonArrays;
import com.bazaar.platform.paging.Cursor;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The reseller's wallet and transfers, and the ADMIN's audit of the whole ledger. */
final class WalletReads {
  static final int RECENT = 10;

  private final Ledger ledger;

  WalletReads(Ledger ledger) {
    this.ledger = ledger;
  }

  Future<JsonObject> wallet(Principal caller, String currency) {
    UUID reseller = UUID.fromString(caller.userId());
    return ledger.snapshot(connection -> Future.all(ledger.balances(connection, reseller, currency),
        ledger.history(connection, reseller, null, Long.MAX_VALUE, RECENT)))
      .map(both -> {
        Map<String, Long> balances = both.resultAt(0);
        return new JsonObject()
          .put("currency", currency)
          .put("pendingBalance", balances.get("PENDING"))
          .put("availableBalance", balances.get("AVAILABLE"))
          .put("heldBalance", balances.get("PAYOUT_HOLD"))
          .put("recentTransactions", JsonArrays.of(both.resultAt(1), Transfer::toJson));
      });
  }

  Future<JsonObject> transfers(Principal caller, String kind, PageRequest page) {
    return ledger.history(ledger.db().read(), UUID.fromString(caller.userId()), kind == null ? null : kind(kind),
      beforeSeq(page.cursor()), page.fetchSize()).map(rows -> Page.of(rows, page, Transfer::toJson, last -> Cursor.encode(last.seq())));
  }

  /**
   * Recomputes every account from its transfers, in one snapshot: the accounts whose balance differs, the sum of
   * every currency's accounts (zero when the books balance), and the reseller accounts below zero.
   */
  Future<JsonObject> audit() {
    return ledger.audit().map(rows -> {
      JsonArray mismatches = new JsonArray();
      Map<String, Long> totals = new HashMap<>();
      long negative = 0;
      long accounts = 0;
      long transfers = 0;
      for (Row row : rows) {
        accounts++;
        transfers = row.getLong("transfers");
        long balance = row.getLong("balance");
        totals.merge(row.getString("currency"), balance, Long::sum);
        if (row.getUUID("owner_id") != null && balance < 0) {
          negative++;
        }
        if (balance != row.getLong("from_transfers")) {
          mismatches.add(new JsonObject().put("accountId", row.getLong("id")).put("kind", row.getString("kind"))
            .put("currency", row.getString("currency")).put("balance", balance)
            .put("fromTransfers", row.getLong("from_transfers")));
        }
      }
      JsonObject sums = new JsonObject();
      totals.forEach(sums::put);
      boolean balanced = mismatches.isEmpty() && negative == 0 && totals.values().stream().allMatch(t -> t == 0);
      return new JsonObject().put("balanced", balanced).put("accounts", accounts).put("transfers", transfers)
        .put("mismatches", mismatches).put("totalsByCurrency", sums).put("negativeResellerAccounts", negative);
    });
  }

  private static TransferKind kind(String raw) {
    try {
      return TransferKind.valueOf(raw);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("INVALID_KIND", "Unknown transfer kind", new JsonObject().put("kind", raw));
    }
  }

  private static long beforeSeq(String cursor) {
    JsonArray keys = Cursor.decode(cursor, 1);
    if (keys == null) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(String.valueOf(keys.getValue(0)));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("INVALID_CURSOR", "The cursor is not one this list issued", null);
    }
  }
}
