package com.bazaar.wallet.api;

/** The wallet service's bus addresses, which the gateway routes to. */
public final class WalletAddresses {
  public static final String GET = "wallet.get";
  public static final String TRANSFERS = "wallet.transfers";
  public static final String REQUEST_PAYOUT = "wallet.payout.request";
  public static final String MY_PAYOUTS = "wallet.payouts";
  public static final String ALL_PAYOUTS = "wallet.admin.payouts";
  public static final String DECIDE_PAYOUT = "wallet.admin.payout.decide";
  public static final String AUDIT = "wallet.admin.audit";

  private WalletAddresses() {
  }
}
