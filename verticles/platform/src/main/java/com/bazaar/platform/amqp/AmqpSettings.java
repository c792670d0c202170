package com.bazaar.platform.amqp;

import io.vertx.core.json.JsonObject;

/** The {@code amqp} section of the config. */
public record AmqpSettings(String host, int port, String user, String password, String virtualHost,
                           int connectTimeoutMs, int reconnectIntervalMs) {
  public static AmqpSettings from(JsonObject config) {
    JsonObject amqp = config.getJsonObject("amqp");
    return new AmqpSettings(amqp.getString("host"), amqp.getInteger("port"), amqp.getString("user"),
      amqp.getString("password"), amqp.getString("virtualHost"), amqp.getInteger("connectTimeoutMs"),
      amqp.getInteger("reconnectIntervalMs"));
  }

  public String address() {
    return host + ":" + port;
  }
}
