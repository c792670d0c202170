package com.bazaar.platform.auth;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;

/**
 * The ownership rule every service applies to reads and writes of a user's rows: the caller owns the row, or
 * is an ADMIN. Only the service knows who owns a row, so the check lives there; this is the one way to do it.
 */
public final class Ownership {
  private Ownership() {
  }

  public static boolean isOwnerOrAdmin(Principal principal, String ownerId) {
    return principal.isAdmin() || principal.userId() != null && principal.userId().equals(ownerId);
  }

  public static void requireOwnerOrAdmin(Principal principal, String ownerId, String what) {
    if (!isOwnerOrAdmin(principal, ownerId)) {
      throw new ApiError(403, "NOT_OWNER", "This " + what + " belongs to another user");
    }
  }
}
