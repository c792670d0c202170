package com.bazaar.gateway.http;

import com.bazaar.gateway.contract.ValidatedRequest;
import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a validated request to its operation's bus address as the envelope, through the circuit breaker of the
 * target service, and answers the service's status and pre-encoded body.
 */
public final class BusForwarder {
  private final BusClient client;
  private final String address;
  private final long timeoutMs;

  public BusForwarder(BusClient client, String address, long timeoutMs) {
    this.client = client;
    this.address = address;
    this.timeoutMs = timeoutMs;
  }

  public String address() {
    return address;
  }

  public Future<BusReply> forward(RoutingContext rc) {
    ValidatedRequest input = rc.get(BusProxyHandler.VALIDATED);
    Principal principal = rc.get(BusProxyHandler.PRINCIPAL, Principal.ANONYMOUS);
    JsonObject envelope = new JsonObject()
      .put("params", input.params())
      .put("query", input.query())
      .put("headers", input.headers())
      .put("body", input.body())
      .put("principal", principal.toJson())
      .put("requestId", RequestIdHandler.of(rc));
    return client.request(address, envelope, timeoutMs).map(reply -> {
      String status = reply.headers().get(BusReply.STATUS_HEADER);
      return new BusReply(status == null ? 200 : Integer.parseInt(status), reply.body());
    });
  }
}
