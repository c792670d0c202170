package com.bazaar.wallet;

/**
 * Every way money moves, from which account to which. A reseller's accounts are PENDING, AVAILABLE and PAYOUT_HOLD;
 * the platform's are COMMISSION_EXPENSE and PAYOUTS_SETTLED.
 */
enum TransferKind {
  /** A paid order's commission: COMMISSION_EXPENSE to PENDING; the cause is the order id. */
  COMMISSION_PENDING("COMMISSION_EXPENSE", "PENDING"),
  /** The order was delivered: PENDING to AVAILABLE; the order id. */
  COMMISSION_AVAILABLE("PENDING", "AVAILABLE"),
  /** The order was cancelled before delivery: PENDING back to COMMISSION_EXPENSE; the order id. */
  COMMISSION_REVERSED("PENDING", "COMMISSION_EXPENSE"),
  /** A payout was requested: AVAILABLE to PAYOUT_HOLD; the payout id. */
  PAYOUT_HOLD("AVAILABLE", "PAYOUT_HOLD"),
  /** A payout was rejected: PAYOUT_HOLD back to AVAILABLE; the payout id. */
  PAYOUT_RELEASED("PAYOUT_HOLD", "AVAILABLE"),
  /** A payout was paid: PAYOUT_HOLD to PAYOUTS_SETTLED; the payout id. */
  PAYOUT_SETTLED("PAYOUT_HOLD", "PAYOUTS_SETTLED");

  private final String debit;
  private final String credit;

  TransferKind(String debit, String credit) {
    this.debit = debit;
    this.credit = credit;
  }

  String debit() {
    return debit;
  }

  String credit() {
    return credit;
  }

  static boolean isPlatformAccount(String account) {
    return account.equals("COMMISSION_EXPENSE") || account.equals("PAYOUTS_SETTLED");
  }
}
