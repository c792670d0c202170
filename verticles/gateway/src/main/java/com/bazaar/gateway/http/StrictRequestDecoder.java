package com.bazaar.gateway.http;

import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Vert.x's HTTP/1 request decoder, made to refuse a request with both {@code Content-Length} and
 * {@code Transfer-Encoding} (RFC 9112 §6.1; two framings are how requests are smuggled past proxies). Netty's
 * decoder would drop the length and let chunked win, and vertx-core gives no option for it, so this subclass
 * replaces the decoder in each new connection's pipeline (an internal Vert.x API, named {@code httpDecoder}),
 * before the connection has read anything. That needs the HTTP/1 pipeline built when the connection opens, so the
 * gateway does not offer the cleartext HTTP/2 upgrade (h2c), whose detection builds it during the first read.
 * The refusal reaches {@link InvalidRequests} as a decoder failure.
 */
public final class StrictRequestDecoder extends VertxHttpRequestDecoder {
  private static final String NAME = "httpDecoder";

  /** The decoder's verdict on a request with two framings. */
  public static final class AmbiguousFraming extends IllegalArgumentException {
    AmbiguousFraming() {
      super("Content-Length together with Transfer-Encoding");
    }
  }

  private StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  /** For {@code HttpServer.connectionHandler}: swaps the decoder of an HTTP/1 connection. */
  public static void install(HttpConnection connection, HttpServerOptions options) {
    if (connection instanceof ConnectionBase base && base.channel().pipeline().get(NAME) instanceof VertxHttpRequestDecoder) {
      base.channel().pipeline().replace(NAME, NAME, new StrictRequestDecoder(options));
    }
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw new AmbiguousFraming();
  }
}
