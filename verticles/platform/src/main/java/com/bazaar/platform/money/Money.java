package com.bazaar.platform.money;

import com.bazaar.platform.error.ApiError;

/**
 * Money arithmetic in integer minor units. Rates are basis points (1/100 of a percent). Commission rounds
 * half-even (banker's rounding), so that rounding errors do not drift one way over many lines.
 */
public final class Money {
  public static final int BPS = 10_000;

  private Money() {
  }

  /** {@code price x quantity}, refusing to overflow. */
  public static long times(long price, int quantity) {
    try {
      return Math.multiplyExact(price, quantity);
    } catch (ArithmeticException e) {
      throw ApiError.badRequest("AMOUNT_TOO_LARGE", "price x quantity is too large", null);
    }
  }

  /** {@code amount x rateBps / 10000}, rounded half-even. */
  public static long share(long amount, int rateBps) {
    long product;
    try {
      product = Math.multiplyExact(amount, rateBps);
    } catch (ArithmeticException e) {
      throw ApiError.badRequest("AMOUNT_TOO_LARGE", "the amount is too large", null);
    }
    long quotient = product / BPS;
    long remainder = product % BPS;
    if (remainder * 2 > BPS || remainder * 2 == BPS && (quotient & 1) == 1) {
      quotient++;
    }
    return quotient;
  }

  /** The margin of a seller price over a base price, in basis points, rounded down. */
  public static long marginBps(long sellerPrice, long basePrice) {
    return Math.floorDiv(Math.multiplyExact(sellerPrice - basePrice, (long) BPS), basePrice);
  }
}
