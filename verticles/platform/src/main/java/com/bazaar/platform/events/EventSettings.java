package com.bazaar.platform.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code events} section of the config: the exchange, the relay, the consumers and the queues to declare. */
public record EventSettings(String exchange, Relay relay, Consumers consumers, Map<String, List<String>> queues) {

  public record Relay(int batchSize, long pollIntervalMs, long confirmTimeoutMs, int retentionHours,
                      long cleanupIntervalMs) {
  }

  /** @param retryDelaysMs one delay queue per entry; a message is delivered at most {@code retries + 1} times */
  public record Consumers(int prefetch, List<Long> retryDelaysMs, int inboxRetentionHours) {
    public int maxDeliveries() {
      return retryDelaysMs.size() + 1;
    }
  }

  public static EventSettings from(JsonObject config) {
    JsonObject events = config.getJsonObject("events");
    JsonObject relay = events.getJsonObject("relay");
    JsonObject consumers = events.getJsonObject("consumers");
    List<Long> delays = new ArrayList<>();
    for (Object delay : consumers.getJsonArray("retryDelaysMs")) {
      delays.add(((Number) delay).longValue());
    }
    Map<String, List<String>> queues = new TreeMap<>();
    events.getJsonObject("queues").forEach(entry -> {
      JsonArray keys = ((JsonObject) entry.getValue()).getJsonArray("bindings");
      queues.put(entry.getKey(), keys.stream().map(Object::toString).toList());
    });
    return new EventSettings(events.getString("exchange"),
      new Relay(relay.getInteger("batchSize"), relay.getLong("pollIntervalMs"), relay.getLong("confirmTimeoutMs"),
        relay.getInteger("retentionHours"), relay.getLong("cleanupIntervalMs")),
      new Consumers(consumers.getInteger("prefetch"), List.copyOf(delays), consumers.getInteger("inboxRetentionHours")),
      queues);
  }

  public static String retryQueue(String queue, int attempt) {
    return queue + ".retry." + attempt;
  }

  public static String deadLetterQueue(String queue) {
    return queue + ".dlq";
  }
}
