package com.bazaar.gateway.http;

import com.bazaar.gateway.contract.ValidatedRequest;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ErrorMapper;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The last handler of every bus-backed operation: sends the envelope to the operation's address with the
 * configured timeout and writes the service's pre-encoded reply through untouched.
 */
public final class BusProxyHandler implements Handler<RoutingContext> {
  public static final String VALIDATED = "validated";
  public static final String PRINCIPAL = "principal";

  private final EventBus bus;
  private final String address;
  private final DeliveryOptions options;

  public BusProxyHandler(EventBus bus, String address, long timeoutMs) {
    this.bus = bus;
    this.address = address;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  @Override
  public void handle(RoutingContext rc) {
    ValidatedRequest input = rc.get(VALIDATED);
    Principal principal = rc.get(PRINCIPAL, Principal.ANONYMOUS);
    JsonObject envelope = new JsonObject()
      .put("params", input.params())
      .put("query", input.query())
      .put("headers", input.headers())
      .put("body", input.body())
      .put("principal", principal.toJson())
      .put("requestId", RequestIdHandler.of(rc));
    bus.<Buffer>request(address, envelope, options).onComplete(ar -> {
      if (ar.succeeded()) {
        write(rc, ar.result());
      } else {
        ErrorResponder.send(rc, ErrorMapper.map(ar.cause()));
      }
    });
  }

  private static void write(RoutingContext rc, Message<Buffer> reply) {
    HttpServerResponse response = rc.response();
    if (response.closed() || response.ended()) {
      return;
    }
    String status = reply.headers().get(BusReply.STATUS_HEADER);
    int code = status == null ? 200 : Integer.parseInt(status);
    response.setStatusCode(code);
    if (code == 204) {
      response.end();
    } else {
      response.putHeader(HttpHeaders.CONTENT_TYPE, ErrorResponder.JSON).end(reply.body());
    }
  }
}
