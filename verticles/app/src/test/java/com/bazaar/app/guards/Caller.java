package com.bazaar.app.guards;

/** The kinds of caller every operation is tried as. The "other" ones own nothing that a fixture creates. */
enum Caller {
  ANONYMOUS(null), CUSTOMER("CUSTOMER"), RESELLER("RESELLER"), OTHER_CUSTOMER("CUSTOMER"), OTHER_RESELLER("RESELLER"),
  ADMIN("ADMIN");

  final String role;

  Caller(String role) {
    this.role = role;
  }

  /** The caller that owns nothing of what a resource owned by this caller holds, with the same role. */
  Caller other() {
    return switch (this) {
      case CUSTOMER -> OTHER_CUSTOMER;
      case RESELLER -> OTHER_RESELLER;
      default -> throw new IllegalArgumentException(this + " owns nothing");
    };
  }
}
