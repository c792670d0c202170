package com.bazaar.wallet.api;

import com.bazaar.platform.events.EventType;

/** The events the wallet service publishes; their payloads are described in {@code conf/asyncapi.yaml}. */
public final class WalletEvents {
  public static final EventType COMMISSION_PENDING = EventType.of("wallet.commission.pending");
  public static final EventType COMMISSION_AVAILABLE = EventType.of("wallet.commission.available");
  public static final EventType PAYOUT_REQUESTED = EventType.of("wallet.payout.requested");
  public static final EventType PAYOUT_PROCESSED = EventType.of("wallet.payout.processed");

  private WalletEvents() {
  }
}
