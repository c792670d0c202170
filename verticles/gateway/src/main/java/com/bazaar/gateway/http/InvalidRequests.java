package com.bazaar.gateway.http;

import com.bazaar.platform.error.ApiError;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Answers requests that Netty's decoder could not read (a request line or headers too long, a malformed start
 * line, two framings) with the standard error body instead of Vert.x's empty one, then closes the connection:
 * after a decoding error the connection's framing cannot be trusted.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {
  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiError error = cause instanceof StrictRequestDecoder.AmbiguousFraming
      ? ApiError.badRequest("AMBIGUOUS_FRAMING", "A request may not carry both Content-Length and Transfer-Encoding", null)
      : cause instanceof TooLongHttpLineException
      ? new ApiError(414, "URI_TOO_LONG", "The request line is longer than the server accepts")
      : cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException
      ? new ApiError(431, "HEADERS_TOO_LARGE", "The request headers are larger than the server accepts")
      : ApiError.badRequest("MALFORMED_REQUEST", "The request could not be read as HTTP", null);
    refuse(request, error);
  }

  /** Answers a request that never reached the router with the standard error body, and closes its connection. */
  static void refuse(HttpServerRequest request, ApiError error) {
    JsonObject body = error.toJson();
    body.getJsonObject("error").put("requestId", RequestIdHandler.newId());
    request.response().setStatusCode(error.status())
      .putHeader(HttpHeaders.CONTENT_TYPE, ErrorResponder.JSON)
      .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
      .end(body.toBuffer())
      .onComplete(done -> request.connection().close());
  }
}
