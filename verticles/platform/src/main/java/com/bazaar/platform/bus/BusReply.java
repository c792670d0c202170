package com.bazaar.platform.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A service's answer: an HTTP status and the JSON body, encoded once so the gateway passes it through. */
public record BusReply(int status, Buffer body) {
  public static final String STATUS_HEADER = "status";
  private static final Buffer EMPTY = Buffer.buffer();

  public static BusReply ok(Buffer body) {
    return new BusReply(200, body);
  }

  public static BusReply ok(JsonObject body) {
    return new BusReply(200, body.toBuffer());
  }

  public static BusReply ok(JsonArray body) {
    return new BusReply(200, body.toBuffer());
  }

  public static BusReply created(JsonObject body) {
    return new BusReply(201, body.toBuffer());
  }

  public static BusReply noContent() {
    return new BusReply(204, EMPTY);
  }

  public JsonObject bodyAsJson() {
    return body.length() == 0 ? null : body.toJsonObject();
  }
}
