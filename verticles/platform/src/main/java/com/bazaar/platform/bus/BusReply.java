package com.bazaar.platform.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A service's answer: an HTTP status and the JSON body, encoded once so the gateway passes it through. On the bus
 * the body is the message and a status other than 200 travels in the {@value #STATUS_HEADER} header; this record
 * is the one place that reads and writes that header.
 */
public record BusReply(int status, Buffer body) {
  public static final String STATUS_HEADER = "status";
  private static final Buffer EMPTY = Buffer.buffer();
  private static final DeliveryOptions[] STATUS_OPTIONS = new DeliveryOptions[600];

  static {
    for (int status = 100; status < STATUS_OPTIONS.length; status++) {
      STATUS_OPTIONS[status] = new DeliveryOptions().addHeader(STATUS_HEADER, Integer.toString(status));
    }
  }

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

  /** The reply carried by a bus message. */
  public static BusReply from(Message<Buffer> message) {
    String status = message.headers().get(STATUS_HEADER);
    return new BusReply(status == null ? 200 : Integer.parseInt(status), message.body());
  }

  /** Answers a bus message with this reply. */
  void sendTo(Message<?> message) {
    if (status == 200) {
      message.reply(body);
    } else {
      message.reply(body, STATUS_OPTIONS[status]);
    }
  }

  public JsonObject bodyAsJson() {
    return body.length() == 0 ? null : body.toJsonObject();
  }
}
