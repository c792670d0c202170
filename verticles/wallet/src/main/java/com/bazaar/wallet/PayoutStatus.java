package com.bazaar.wallet;

import java.util.EnumSet;
import java.util.Set;

/** A payout's states and the ADMIN's moves between them, with the transfer each move makes (if any). */
enum PayoutStatus {
  REQUESTED, APPROVED, REJECTED, PROCESSED;

  Set<PayoutStatus> next() {
    return switch (this) {
      case REQUESTED -> EnumSet.of(APPROVED, REJECTED);
      case APPROVED -> EnumSet.of(PROCESSED, REJECTED);
      case REJECTED, PROCESSED -> EnumSet.noneOf(PayoutStatus.class);
    };
  }

  /** The transfer that arriving here makes: the hold goes back, or is paid out. */
  TransferKind transfer() {
    return switch (this) {
      case REJECTED -> TransferKind.PAYOUT_RELEASED;
      case PROCESSED -> TransferKind.PAYOUT_SETTLED;
      case REQUESTED, APPROVED -> null;
    };
  }
}
