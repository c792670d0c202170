package com.bazaar.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The last handler of a bus-backed operation that is not cached: forwards, then writes the service's reply
 * through untouched, marked as not storable (user data must not land in a shared cache).
 */
public final class BusProxyHandler implements Handler<RoutingContext> {
  private static final CharSequence PRIVATE = HttpHeaders.createOptimized("private, no-store");
  private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

  private final BusForwarder forwarder;

  public BusProxyHandler(BusForwarder forwarder) {
    this.forwarder = forwarder;
  }

  @Override
  public void handle(RoutingContext rc) {
    forwarder.forward(rc).onComplete(ar -> {
      if (ar.failed()) {
        ErrorResponder.send(rc, com.bazaar.platform.error.ErrorMapper.map(ar.cause()));
        return;
      }
      rc.response().putHeader(HttpHeaders.CACHE_CONTROL,
        rc.request().headers().contains(HttpHeaders.AUTHORIZATION) ? PRIVATE : NO_STORE);
      ReplyWriter.write(rc, ar.result().status(), ar.result().body());
    });
  }
}
