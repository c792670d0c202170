package com.bazaar.platform.events.admin;

import com.bazaar.platform.events.EventConsumer;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.json.IsoTime;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.RabbitMQMessage;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** A message that a consumer gave up on, parked for inspection and replay. */
record DeadLetter(UUID id, String queue, UUID eventId, String type, String reason, int deliveries, Buffer body,
                  OffsetDateTime deadAt, OffsetDateTime replayedAt) {

  /** From a message on a {@code .dlq} queue; {@code fallbackQueue} when it lacks the header (put there by hand). */
  static DeadLetter from(RabbitMQMessage message, String fallbackQueue) {
    Map<String, Object> headers = message.properties().getHeaders() == null ? Map.of()
      : message.properties().getHeaders();
    UUID eventId = null;
    String type = message.properties().getType();
    try {
      EventEnvelope event = EventEnvelope.decode(message.body());
      eventId = event.id();
      type = event.type();
    } catch (EventEnvelope.InvalidEnvelope e) {
      // Kept as it came: the reason header says why it could not be read.
    }
    Object deliveries = headers.get(EventConsumer.DELIVERIES);
    return new DeadLetter(idOf(message), text(headers.get(EventConsumer.ORIGIN_QUEUE), fallbackQueue), eventId, type,
      text(headers.get(EventConsumer.REASON), "no reason given"),
      deliveries instanceof Number n ? n.intValue() : 0, message.body(),
      message.properties().getTimestamp() == null ? OffsetDateTime.now(ZoneOffset.UTC)
        : message.properties().getTimestamp().toInstant().atOffset(ZoneOffset.UTC), null);
  }

  static DeadLetter from(Row row) {
    return new DeadLetter(row.getUUID("id"), row.getString("queue"), row.getUUID("event_id"), row.getString("type"),
      row.getString("reason"), row.getInteger("deliveries"), row.getBuffer("body"), row.getOffsetDateTime("dead_at"),
      row.getOffsetDateTime("replayed_at"));
  }

  JsonObject summary() {
    return new JsonObject()
      .put("id", id.toString())
      .put("queue", queue)
      .put("eventId", eventId == null ? null : eventId.toString())
      .put("type", type)
      .put("reason", reason)
      .put("deliveries", deliveries)
      .put("deadAt", IsoTime.format(deadAt))
      .put("replayedAt", IsoTime.format(replayedAt));
  }

  /** The summary with the message body as it was received (UTF-8). */
  JsonObject detail() {
    return summary().put("body", body.toString());
  }

  private static UUID idOf(RabbitMQMessage message) {
    try {
      return UUID.fromString(message.properties().getMessageId());
    } catch (IllegalArgumentException | NullPointerException e) {
      return UUID.randomUUID();
    }
  }

  private static String text(Object header, String fallback) {
    return header == null ? fallback : header.toString();
  }
}
