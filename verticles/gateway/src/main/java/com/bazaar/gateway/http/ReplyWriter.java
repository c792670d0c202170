package com.bazaar.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes a service's status and JSON body; a 204 has no body, and a redirect (3xx) is sent with the
 * {@code Location} its body names ({@code {"location": "…"}}) and no body.
 */
public final class ReplyWriter {
  private ReplyWriter() {
  }

  public static void write(RoutingContext rc, int status, Buffer body) {
    HttpServerResponse response = rc.response();
    if (response.closed() || response.ended()) {
      return;
    }
    response.setStatusCode(status);
    if (status == 204) {
      response.end();
    } else if (status >= 300 && status < 400) {
      response.putHeader(HttpHeaders.LOCATION, body.toJsonObject().getString("location")).end();
    } else {
      response.putHeader(HttpHeaders.CONTENT_TYPE, ErrorResponder.JSON).end(body);
    }
  }
}
