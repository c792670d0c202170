package com.bazaar.gateway.http;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before the router sees it, what a request must never be: HTTP/1.1 without {@code Host} (the router
 * would fail on it with a 500), or a path or query whose percent-encoding is broken (the router would fail
 * decoding a path parameter). Each refusal has the standard error body.
 */
public final class RequestGuard implements Handler<HttpServerRequest> {
  private final Handler<HttpServerRequest> next;

  public RequestGuard(Handler<HttpServerRequest> next) {
    this.next = next;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (request.authority() == null && request.version() == HttpVersion.HTTP_1_1) {
      InvalidRequests.refuse(request, ApiError.badRequest("HOST_REQUIRED", "An HTTP/1.1 request needs a Host header", null));
    } else if (!wellEncoded(request.uri())) {
      InvalidRequests.refuse(request, ApiError.badRequest("INVALID_ENCODING",
        "The path or query has a broken percent-encoding", null));
    } else {
      next.handle(request);
    }
  }

  /** Every {@code %} starts two hex digits, and the bytes they spell are valid UTF-8. */
  public static boolean wellEncoded(String uri) {
    if (uri.indexOf('%') < 0) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '%') {
        if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0 || Character.digit(uri.charAt(i + 2), 16) < 0) {
          return false;
        }
        bytes.write(Character.digit(uri.charAt(i + 1), 16) * 16 + Character.digit(uri.charAt(i + 2), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
