package com.bazaar.app.guards;

import io.vertx.core.buffer.Buffer;

import java.util.Map;

/**
 * One generated request: what it is ({@code kind}), whether the contract accepts it ({@code valid}: a valid
 * request must never be refused with 400), and the request as sent.
 */
record FuzzCase(String operationId, String kind, boolean valid, Caller caller, String method, String uri,
                Map<String, String> headers, Buffer body, boolean revokesCaller) {

  @Override
  public String toString() {
    String shown = body == null ? "" : body.length() > 300 ? body.getString(0, 300) + "… (" + body.length() + " bytes)"
      : body.toString();
    return operationId + " [" + kind + "] " + method + " " + (uri.length() > 200 ? uri.substring(0, 200) + "…" : uri)
      + " " + headers.getOrDefault("content-type", "") + " " + shown;
  }
}
