package com.bazaar.gateway.http;

import com.bazaar.gateway.contract.ValidatedRequest;
import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import io.vertx.core.Future;
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
    ValidatedRequest input = RequestState.validated(rc);
    BusRequest request = new BusRequest(input.params(), input.query(), input.headers(), input.body(),
      RequestState.principal(rc), RequestIdHandler.of(rc));
    return client.request(address, request, timeoutMs);
  }
}
