package com.bazaar.gateway.http;

import com.bazaar.gateway.contract.ValidatedRequest;
import com.bazaar.platform.bus.Principal;
import io.vertx.ext.web.RoutingContext;

/** What the gateway's handler chain learns about a request and hands down: the caller, and the validated input. */
public final class RequestState {
  private static final String PRINCIPAL = "bazaar.principal";
  private static final String VALIDATED = "bazaar.validated";

  private RequestState() {
  }

  /** The verified caller; anonymous until the auth handler has seen a valid token. */
  public static Principal principal(RoutingContext rc) {
    return rc.get(PRINCIPAL, Principal.ANONYMOUS);
  }

  public static void principal(RoutingContext rc, Principal principal) {
    rc.put(PRINCIPAL, principal);
  }

  /** The parameters and body as the contract typed them; null before validation. */
  public static ValidatedRequest validated(RoutingContext rc) {
    return rc.get(VALIDATED);
  }

  public static void validated(RoutingContext rc, ValidatedRequest request) {
    rc.put(VALIDATED, request);
  }
}
