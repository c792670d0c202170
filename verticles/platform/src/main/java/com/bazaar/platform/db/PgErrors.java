package com.bazaar.platform.db;

import io.vertx.pgclient.PgException;

import java.util.Optional;

/** Recognises PostgreSQL errors that a service turns into a domain answer. */
public final class PgErrors {
  private PgErrors() {
  }

  /** The constraint name when the failure is a unique violation. */
  public static Optional<String> uniqueViolation(Throwable failure) {
    if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())) {
      return Optional.ofNullable(pg.getConstraint());
    }
    return Optional.empty();
  }

  /** The constraint name when the failure is a CHECK violation. */
  public static Optional<String> checkViolation(Throwable failure) {
    if (failure instanceof PgException pg && "23514".equals(pg.getSqlState())) {
      return Optional.ofNullable(pg.getConstraint());
    }
    return Optional.empty();
  }
}
