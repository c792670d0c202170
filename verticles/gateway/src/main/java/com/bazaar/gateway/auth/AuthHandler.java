package com.bazaar.gateway.auth;

import com.bazaar.gateway.contract.AccessRule;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Enforces {@code x-bazaar-auth}. Until token verification lands, every operation that is not public is refused
 * with 401, so the contract is already right.
 */
public final class AuthHandler implements Handler<RoutingContext> {
  private final AccessRule rule;

  public AuthHandler(AccessRule rule) {
    this.rule = rule;
  }

  @Override
  public void handle(RoutingContext rc) {
    if (rule.isPublic()) {
      rc.next();
      return;
    }
    rc.fail(ApiError.unauthorized("A valid bearer token is required"));
  }
}
