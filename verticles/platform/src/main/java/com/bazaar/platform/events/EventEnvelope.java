package com.bazaar.platform.events;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A domain event as it travels: {@code {id, type, occurredAt, version, data}}. The type is the routing key, and
 * every type with its payload schema is listed in {@code conf/asyncapi.yaml}.
 */
public record EventEnvelope(UUID id, String type, Instant occurredAt, int version, JsonObject data) {
  public static final int CURRENT_VERSION = 1;

  public EventEnvelope {
    if (id == null || type == null || type.isBlank() || occurredAt == null || data == null || version < 1) {
      throw new InvalidEnvelope("an envelope needs an id, a type, occurredAt, a version of at least 1 and data");
    }
  }

  /** A new event of the current version, happening now. */
  public static EventEnvelope of(EventType type, JsonObject data) {
    return new EventEnvelope(UUID.randomUUID(), type.name(), Instant.now().truncatedTo(ChronoUnit.MICROS),
      CURRENT_VERSION, data);
  }

  public Buffer encode() {
    return new JsonObject()
      .put("id", id.toString())
      .put("type", type)
      .put("occurredAt", occurredAt.toString())
      .put("version", version)
      .put("data", data)
      .toBuffer();
  }

  /** @throws InvalidEnvelope naming what is wrong, for the dead-letter reason */
  public static EventEnvelope decode(Buffer body) {
    JsonObject json;
    try {
      json = body.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      throw new InvalidEnvelope("the body is not a JSON object");
    }
    try {
      Object version = json.getValue("version");
      if (!(version instanceof Integer || version instanceof Long)) {
        throw new InvalidEnvelope("version is not an integer");
      }
      return new EventEnvelope(UUID.fromString(json.getString("id")), json.getString("type"),
        Instant.parse(json.getString("occurredAt")), ((Number) version).intValue(), json.getJsonObject("data"));
    } catch (ClassCastException | IllegalArgumentException | NullPointerException | DateTimeParseException e) {
      throw e instanceof InvalidEnvelope invalid ? invalid : new InvalidEnvelope("not an envelope: " + e.getMessage());
    }
  }

  /** A message that is not an event Bazaar can read: it goes straight to the dead-letter queue. */
  public static final class InvalidEnvelope extends IllegalArgumentException {
    public InvalidEnvelope(String reason) {
      super(reason);
    }
  }
}
