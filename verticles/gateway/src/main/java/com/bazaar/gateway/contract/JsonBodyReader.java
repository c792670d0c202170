package com.bazaar.gateway.contract;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a JSON body up to the limit, but refuses any other media type before reading a byte of it: a form or
 * multipart body never reaches Vert.x's form decoder, which answered a broken one with a bare 400. It wraps
 * {@link BodyHandler} rather than running before it because Vert.x Web lets nothing but platform and security
 * handlers precede a body handler on a route.
 */
public final class JsonBodyReader implements Handler<RoutingContext> {
  private static final String JSON = "application/json";

  private final BodyHandler reader;

  public JsonBodyReader(long limitBytes) {
    this.reader = BodyHandler.create(false).setBodyLimit(limitBytes);
  }

  @Override
  public void handle(RoutingContext rc) {
    String length = rc.request().getHeader("content-length");
    boolean hasBody = length == null ? rc.request().headers().contains("transfer-encoding") : !length.equals("0");
    String contentType = rc.request().getHeader("content-type");
    if (hasBody && (contentType == null || !contentType.split(";", 2)[0].trim().equalsIgnoreCase(JSON))) {
      rc.fail(new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "The body must be application/json"));
      return;
    }
    reader.handle(rc);
  }
}
