package com.bazaar.gateway.auth;

import com.bazaar.gateway.contract.AccessRule;
import com.bazaar.gateway.http.RequestState;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Enforces {@code x-bazaar-auth}: a missing or invalid token is 401 (with {@code WWW-Authenticate: Bearer}),
 * a valid token without the role is 403. On public operations a token is optional, but when sent it must be
 * valid, so an ADMIN sees what the public does not.
 */
public final class AuthHandler implements Handler<RoutingContext> {
  private static final String BEARER = "Bearer ";

  private final AccessRule rule;
  private final TokenVerifier verifier;

  public AuthHandler(AccessRule rule, TokenVerifier verifier) {
    this.rule = rule;
    this.verifier = verifier;
  }

  @Override
  public void handle(RoutingContext rc) {
    String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      if (rule.isPublic()) {
        rc.next();
      } else {
        rc.fail(ApiError.unauthorized("A bearer token is required"));
      }
      return;
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.length() <= BEARER.length()) {
      rc.fail(ApiError.unauthorized("The Authorization header must be 'Bearer <token>'"));
      return;
    }
    verifier.verify(header.substring(BEARER.length()).trim()).onComplete(ar -> {
      if (ar.failed()) {
        rc.fail(ar.cause());
      } else if (!rule.allows(ar.result())) {
        rc.fail(ApiError.forbidden("This operation needs the role " + String.join(" or ", rule.roles())));
      } else {
        RequestState.principal(rc, ar.result());
        rc.next();
      }
    });
  }
}
