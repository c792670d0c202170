package com.bazaar.gateway.http;

import com.bazaar.gateway.contract.ValidatedRequest;
import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a validated request to its operation's bus address as the envelope, through the circuit breaker of the
 * target service, and answers the service's status and pre-encoded body.
 */
public final class BusForwarder {
  /** The envelope header that carries the client's address to operations that ask for it. */
  public static final String CLIENT_ADDRESS = "x-client-address";

  private final BusClient client;
  private final String address;
  private final long timeoutMs;
  private final boolean forwardsClientAddress;
  private final boolean rawBody;

  public BusForwarder(BusClient client, String address, long timeoutMs, boolean forwardsClientAddress,
                      boolean rawBody) {
    this.client = client;
    this.address = address;
    this.timeoutMs = timeoutMs;
    this.forwardsClientAddress = forwardsClientAddress;
    this.rawBody = rawBody;
  }

  public String address() {
    return address;
  }

  public Future<BusReply> forward(RoutingContext rc) {
    ValidatedRequest input = RequestState.validated(rc);
    JsonObject headers = input.headers();
    if (forwardsClientAddress) {
      headers = headers.copy().put(CLIENT_ADDRESS, ClientAddresses.of(rc));
    }
    Object body = rawBody && rc.body().buffer() != null ? BusRequest.encodeRaw(rc.body().buffer()) : input.body();
    BusRequest request = new BusRequest(input.params(), input.query(), headers, body, RequestState.principal(rc),
      RequestIdHandler.of(rc));
    return client.request(address, request, timeoutMs);
  }
}
