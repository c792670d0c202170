package com.bazaar.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin access for browser storefronts ({@code gateway.cors}): the first handler of every route, so a
 * preflight is answered before auth, limits or validation, and costs nothing else. Off while no origin is allowed.
 * {@code *} allows any origin, and is refused at start together with credentials, as the Fetch standard refuses it.
 */
public final class Cors {
  /** What a browser script may read of an answer, beyond the CORS-safelisted headers. */
  static final Set<String> EXPOSED = Set.of("X-Request-Id", "ETag", "X-Cache", "RateLimit", "RateLimit-Policy",
    "Retry-After", "Idempotent-Replayed");

  private Cors() {
  }

  /** The handler, or null when no origin is allowed. */
  public static Handler<RoutingContext> handler(JsonObject cors) {
    List<String> origins = cors.getJsonArray("allowedOrigins").stream().map(String::valueOf).toList();
    if (origins.isEmpty()) {
      return null;
    }
    boolean credentials = cors.getBoolean("allowCredentials");
    if (origins.contains("*") && (credentials || origins.size() > 1)) {
      throw new IllegalArgumentException("gateway.cors.allowedOrigins: \"*\" must stand alone, and only without "
        + "allowCredentials");
    }
    CorsHandler handler = CorsHandler.create();
    if (!origins.contains("*")) {
      handler.addOrigins(origins);
    }
    Set<HttpMethod> methods = new LinkedHashSet<>();
    strings(cors.getJsonArray("allowedMethods")).forEach(m -> methods.add(HttpMethod.valueOf(m)));
    return handler.allowedMethods(methods).allowedHeaders(new LinkedHashSet<>(strings(cors.getJsonArray(
        "allowedHeaders")))).exposedHeaders(EXPOSED).allowCredentials(credentials)
      .maxAgeSeconds(cors.getInteger("maxAgeSec"));
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }
}
