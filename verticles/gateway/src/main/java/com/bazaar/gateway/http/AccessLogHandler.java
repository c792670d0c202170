package com.bazaar.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one access-log line per request when the response ends: method, path, status, bytes, ms, request id. */
public final class AccessLogHandler implements Handler<RoutingContext> {
  private static final Logger ACCESS = LoggerFactory.getLogger("bazaar.access");

  @Override
  public void handle(RoutingContext rc) {
    long start = System.nanoTime();
    rc.addEndHandler(ignored -> {
      HttpServerRequest request = rc.request();
      ACCESS.info("{} {} {} {}B {}ms rid={} ip={}", request.method(), request.path(), rc.response().getStatusCode(),
        rc.response().bytesWritten(), (System.nanoTime() - start) / 1_000_000, RequestIdHandler.of(rc),
        ClientAddresses.of(rc));
    });
    rc.next();
  }
}
