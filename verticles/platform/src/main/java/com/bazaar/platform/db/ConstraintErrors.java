package com.bazaar.platform.db;

import com.bazaar.platform.error.ApiError;
import io.vertx.pgclient.PgException;

import java.util.Map;
import java.util.Optional;

/**
 * What a service's named constraints mean to a client. A violated constraint found here is answered with its own
 * error (for example {@code categories_slug_key} as 409 {@code DUPLICATE_CATEGORY} on the field slug); any other
 * violation gets {@link com.bazaar.platform.error.ErrorMapper}'s generic answer for its SQL state. A service hands
 * its table to {@link com.bazaar.platform.bus.BusBindings}, so this mapping happens once, where replies are sent.
 */
public final class ConstraintErrors {
  public static final ConstraintErrors NONE = new ConstraintErrors(Map.of());

  private final Map<String, ApiError> byConstraint;

  private ConstraintErrors(Map<String, ApiError> byConstraint) {
    this.byConstraint = Map.copyOf(byConstraint);
  }

  public static ConstraintErrors of(Map<String, ApiError> byConstraint) {
    return new ConstraintErrors(byConstraint);
  }

  /** The answer for an integrity violation (SQL state class 23) of a constraint named here. */
  public Optional<ApiError> answer(PgException failure) {
    String state = failure.getSqlState();
    if (state == null || !state.startsWith("23") || failure.getConstraint() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byConstraint.get(failure.getConstraint()));
  }
}
