package com.bazaar.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The {@code http} section of the config, and the gateway's trusted proxies and CORS. */
public record GatewaySettings(String host, int port, String contractPath, String extraContractPath,
                              String eventsContractPath, int bodyLimitBytes,
                              long busTimeoutMs, long headerTimeoutMs, long shutdownGraceMs, boolean accessLog, boolean benchRoutes,
                              boolean compression, int compressionLevel, int compressionMinBytes,
                              JsonArray trustedProxies, JsonObject cors) {

  public static GatewaySettings from(JsonObject config) {
    JsonObject http = config.getJsonObject("http");
    JsonObject compression = http.getJsonObject("compression");
    return new GatewaySettings(http.getString("host"), http.getInteger("port"), http.getString("contract"),
      http.getString("extraContract"), http.getString("eventsContract"), http.getInteger("bodyLimitBytes"), http.getLong("busTimeoutMs"),
      http.getLong("headerTimeoutMs"), http.getLong("shutdownGraceMs"),
      http.getBoolean("accessLog"), http.getBoolean("benchRoutes"), compression.getBoolean("enabled"),
      compression.getInteger("level"), compression.getInteger("minBytes"),
      config.getJsonObject("gateway").getJsonArray("trustedProxies"), config.getJsonObject("gateway")
      .getJsonObject("cors"));
  }
}
