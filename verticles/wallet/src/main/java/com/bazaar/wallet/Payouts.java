package com.bazaar.wallet;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.db.PgErrors;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.Outbox;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.platform.paging.TimeCursor;
import com.bazaar.wallet.api.WalletEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/**
 * Payouts. A request holds the amount (AVAILABLE to PAYOUT_HOLD) in the transaction that records it, guarded by the
 * account's CHECK: a request over the available balance fails there, whatever runs beside it, and is 422 with the
 * balance. The ADMIN approves, rejects (the hold goes back) or processes (the hold is paid out), each move checked
 * against the payout's state under its row lock.
 */
final class Payouts {
  private final Ledger ledger;
  private final PayoutRepository payouts;
  private final PayoutRequest.Limits limits;

  Payouts(Ledger ledger, PayoutRepository payouts, PayoutRequest.Limits limits) {
    this.ledger = ledger;
    this.payouts = payouts;
    this.limits = limits;
  }

  Future<JsonObject> request(Principal caller, String key, JsonObject body) {
    if (key == null || key.isBlank()) {
      return Future.failedFuture(ApiError.badRequest("IDEMPOTENCY_KEY_REQUIRED",
        "Asking for a payout needs an Idempotency-Key header", null));
    }
    PayoutRequest request = PayoutRequest.from(body, limits);
    UUID reseller = UUID.fromString(caller.userId());
    return payouts.byKey(reseller, key).compose(existing -> existing != null ? replay(existing, request)
      : hold(reseller, key, request).recover(failure -> {
        if (PgErrors.uniqueViolation(failure).filter("payouts_idempotency"::equals).isPresent()) {
          return payouts.byKey(reseller, key).compose(first -> replay(first, request));
        }
        if (PgErrors.checkViolation(failure).filter("reseller_balance_never_negative"::equals).isPresent()) {
          return ledger.balances(ledger.db().write(), reseller, request.currency()).compose(balances ->
            Future.failedFuture(ApiError.unprocessable("INSUFFICIENT_BALANCE", "The payout is more than the "
              + "available balance", new JsonObject().put("requested", request.amount())
              .put("available", balances.get("AVAILABLE")).put("currency", request.currency()))));
        }
        return Future.failedFuture(failure);
      }));
  }

  private Future<JsonObject> hold(UUID reseller, String key, PayoutRequest request) {
    UUID id = UUID.randomUUID();
    return ledger.db().write().withTransaction(tx -> payouts.insert(tx, id, reseller, request.amount(),
        request.currency(), request.bankAccount(), request.notes(), key, request.hash())
      .compose(payout -> ledger.transfer(tx, UUID.randomUUID(), reseller, TransferKind.PAYOUT_HOLD,
          request.currency(), request.amount(), id.toString())
        .compose(moved -> Outbox.append(tx, EventEnvelope.of(WalletEvents.PAYOUT_REQUESTED, payout.eventData())))
        .map(payout.toJson())));
  }

  private static Future<JsonObject> replay(Payout existing, PayoutRequest request) {
    if (!existing.requestHash().equals(request.hash())) {
      return Future.failedFuture(ApiError.unprocessable("IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was used for another payout", null));
    }
    return Future.succeededFuture(existing.toJson());
  }

  /** The ADMIN's move; 409 {@code INVALID_TRANSITION} with the allowed moves when the payout cannot make it. */
  Future<JsonObject> decide(UUID payoutId, String target, String notes) {
    PayoutStatus to = parse(target);
    return ledger.db().write().withTransaction(tx -> payouts.lock(tx, payoutId).compose(payout -> {
      if (payout == null) {
        return Future.failedFuture(ApiError.notFound("payout"));
      }
      if (!payout.status().next().contains(to)) {
        return Future.failedFuture(ApiError.conflict("INVALID_TRANSITION", "A payout cannot move from "
          + payout.status() + " to " + to, new JsonObject().put("from", payout.status().name()).put("to", to.name())
          .put("allowed", new JsonArray(payout.status().next().stream().map(Enum::name).toList()))));
      }
      TransferKind kind = to.transfer();
      Future<Boolean> moved = kind == null ? Future.succeededFuture(false) : ledger.transfer(tx, UUID.randomUUID(),
        payout.resellerId(), kind, payout.currency(), payout.amount(), payoutId.toString());
      return moved.compose(v -> payouts.decide(tx, payoutId, to, notes))
        .compose(decided -> Outbox.append(tx, EventEnvelope.of(WalletEvents.PAYOUT_PROCESSED, decided.eventData()))
          .map(decided.toJson()));
    }));
  }

  Future<JsonObject> mine(Principal caller, PageRequest page) {
    return payouts.mine(UUID.fromString(caller.userId()), TimeCursor.decodeOrFirst(page.cursor()), page.fetchSize())
      .map(rows -> page(rows, page));
  }

  Future<JsonObject> all(String status, PageRequest page) {
    return payouts.all(status == null ? null : parse(status), TimeCursor.decodeOrFirst(page.cursor()),
      page.fetchSize()).map(rows -> page(rows, page));
  }

  private static JsonObject page(List<Payout> rows, PageRequest page) {
    return Page.of(rows, page, Payout::toJson, last -> TimeCursor.encode(last.createdAt(), last.id()));
  }

  private static PayoutStatus parse(String raw) {
    try {
      return PayoutStatus.valueOf(String.valueOf(raw));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("INVALID_STATUS", "Unknown payout status", new JsonObject().put("status", raw));
    }
  }
}
