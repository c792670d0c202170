package com.bazaar.platform.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code events} section of the config: the exchange, the relay, the consumers and the queues to declare. A
 * queue set to null (in a {@code --conf} file) is not declared by this process.
 */
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
      if (entry.getValue() instanceof JsonObject queue) {
        queues.put(entry.getKey(), queue.getJsonArray("bindings").stream().map(Object::toString).toList());
      }
    });
    return new EventSettings(events.getString("exchange"),
      new Relay(relay.getInteger("batchSize"), relay.getLong("pollIntervalMs"), relay.getLong("confirmTimeoutMs"),
        relay.getInteger("retentionHours"), relay.getLong("cleanupIntervalMs")),
      new Consumers(consumers.getInteger("prefetch"), List.copyOf(delays), consumers.getInteger("inboxRetentionHours")),
      queues);
  }

  /**
   * The delay queue of one backoff step. Its name carries the delay, because a queue's TTL cannot change once it is
   * declared: changing {@code retryDelaysMs} declares new queues, and the old ones drain into their main queue.
   */
  public static String retryQueue(String queue, long delayMs) {
    return queue + ".retry." + delayMs + "ms";
  }

  /** Every queue declared for {@code queue}: itself, its delay queues and its dead-letter queue. */
  public List<String> declaredQueues(String queue) {
    List<String> names = new ArrayList<>(List.of(queue, deadLetterQueue(queue)));
    consumers.retryDelaysMs().stream().distinct().forEach(delay -> names.add(retryQueue(queue, delay)));
    return names;
  }

  public static String deadLetterQueue(String queue) {
    return queue + ".dlq";
  }
}
