package com.bazaar.wallet;

import com.bazaar.platform.Digests;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Currency;
import java.util.regex.Pattern;

/** A reseller's payout request, checked: a whole positive amount up to the cap, a known currency, a bank account. */
record PayoutRequest(long amount, String currency, String bankAccount, String notes) {
  private static final Pattern BANK_ACCOUNT = Pattern.compile("[A-Za-z0-9 ]{6,34}");

  /** The largest payout one request may ask for, and the currency of a request that names none. */
  record Limits(long maxAmount, String defaultCurrency) {
  }

  static PayoutRequest from(JsonObject body, Limits limits) {
    Object rawAmount = body.getValue("amount");
    if (!(rawAmount instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
      || number.longValue() <= 0 || number.longValue() > limits.maxAmount()) {
      throw ApiError.badRequest("INVALID_AMOUNT", "amount must be a whole number of minor units from 1 to "
        + limits.maxAmount(), new JsonObject().put("amount", String.valueOf(rawAmount)).put("max", limits.maxAmount()));
    }
    String currency = checkedCurrency(body.getString("currency"), limits.defaultCurrency());
    String bankAccount = body.getString("bankAccount");
    if (bankAccount == null || !BANK_ACCOUNT.matcher(bankAccount).matches()) {
      throw ApiError.badRequest("INVALID_BANK_ACCOUNT", "bankAccount must be 6 to 34 letters, digits or spaces", null);
    }
    return new PayoutRequest(number.longValue(), currency, bankAccount, body.getString("notes"));
  }

  /** What the request asked, to tell a replay under its key from another request. */
  String hash() {
    return Digests.sha256Hex(new JsonArray().add(amount).add(currency).add(bankAccount).add(notes).encode());
  }

  /** {@code raw}, or {@code fallback} when absent; 400 {@code UNKNOWN_CURRENCY} unless it is an ISO 4217 code. */
  static String checkedCurrency(String raw, String fallback) {
    String code = raw == null ? fallback : raw;
    try {
      if (Currency.getInstance(code).getCurrencyCode().equals(code)) {
        return code;
      }
    } catch (IllegalArgumentException e) {
      // not a currency: refused below
    }
    throw ApiError.badRequest("UNKNOWN_CURRENCY", "Not an ISO 4217 currency", new JsonObject().put("currency", code));
  }
}
