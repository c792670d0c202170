package com.bazaar.app.guards;

/** What the contract lets a caller get from an operation, from {@code x-bazaar-auth} and {@code x-bazaar-owner}. */
enum Expected {
  ALLOWED, UNAUTHENTICATED, FORBIDDEN, NOT_OWNER;

  static Expected of(ContractOperations.Op op, Caller caller, Caller owner) {
    if (op.access().isPublic()) {
      return ALLOWED;
    }
    if (caller == Caller.ANONYMOUS) {
      return UNAUTHENTICATED;
    }
    if (!op.access().roles().isEmpty() && !op.access().roles().contains(caller.role)) {
      return FORBIDDEN;
    }
    if (op.ownedByAnother() && caller != Caller.ADMIN && caller != owner) {
      return NOT_OWNER;
    }
    return ALLOWED;
  }
}
