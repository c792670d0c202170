package com.bazaar.platform.events;

import com.bazaar.platform.amqp.Broker;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestStack;
import com.bazaar.platform.amqp.OutgoingMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A test's own exchange and queues on the real broker, and a database with the {@code eventstest} schema (an outbox,
 * an inbox and an {@code applied} log). The exchange and queues are deleted on close.
 */
final class EventTestBed implements AutoCloseable {
  static final String SCHEMA = "eventstest";
  static final EventType HAPPENED = EventType.of("test.happened");

  final TestStack stack;
  final String exchange;
  final String queue;
  private final JsonObject overlay;
  private final Map<String, String> env;

  private EventTestBed(TestStack stack, String exchange, String queue, JsonObject overlay, Map<String, String> env) {
    this.stack = stack;
    this.exchange = exchange;
    this.queue = queue;
    this.overlay = overlay;
    this.env = env;
  }

  /** @param retryDelaysMs the delay queues of the test queue; a message is delivered at most one more time */
  static EventTestBed start(List<Long> retryDelaysMs, int batchSize) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String exchange = "bazaar.events.test." + suffix;
    String queue = "test-" + suffix + ".applier";
    JsonObject overlay = new JsonObject().put("events", new JsonObject()
      .put("exchange", exchange)
      .put("relay", new JsonObject().put("batchSize", batchSize))
      .put("consumers", new JsonObject().put("retryDelaysMs", new JsonArray(new ArrayList<>(retryDelaysMs))))
      .put("queues", new JsonObject().putNull("sharelink.sales")
        .put(queue, new JsonObject().put("bindings", new JsonArray().add(HAPPENED.name())))));
    Map<String, String> env = Map.of("BAZAAR_AMQP_RECONNECT_INTERVAL_MS", "500", "BAZAAR_EVENTS_RELAY_POLL_INTERVAL_MS", "500");
    TestStack stack = TestStack.start(env, overlay).migrate(SCHEMA);
    EventTestBed bed = new EventTestBed(stack, exchange, queue, overlay, env);
    bed.awaitBroker(bed.stack);
    return bed;
  }

  /** The config overlay naming this bed's exchange and queue, for another process. */
  JsonObject overlay() {
    return overlay;
  }

  /** Another process on the same database, broker, exchange and queues. */
  TestStack anotherProcess() {
    TestStack other = stack.anotherProcess(env, overlay);
    awaitBroker(other);
    return other;
  }

  Events events() {
    return stack.platform().events();
  }

  /** Appends {@code count} events in transactions of {@code perTransaction}; returns their ids in order. */
  List<UUID> append(int count, int perTransaction) {
    List<UUID> ids = new ArrayList<>(count);
    for (int start = 0; start < count; start += perTransaction) {
      List<EventEnvelope> batch = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + perTransaction); i++) {
        EventEnvelope event = EventEnvelope.of(HAPPENED, new JsonObject().put("n", i));
        batch.add(event);
        ids.add(event.id());
      }
      stack.platform().db(SCHEMA).write().withTransaction(tx -> Outbox.appendAll(tx, batch)).await();
    }
    return ids;
  }

  /** A handler that logs each event it applies, in the consumer's transaction. */
  static EventHandler logging(String consumer) {
    return (tx, event) -> tx.preparedQuery("INSERT INTO applied (event_id, consumer) VALUES ($1, $2)")
      .execute(Tuple.of(event.id(), consumer)).mapEmpty();
  }

  long count(String sql) {
    return stack.database().queryLong(sql);
  }

  long appliedCount() {
    return count("SELECT count(*) FROM " + SCHEMA + ".applied");
  }

  long appliedTwice() {
    return count("SELECT count(*) FROM (SELECT event_id FROM " + SCHEMA + ".applied GROUP BY event_id, consumer "
      + "HAVING count(*) > 1) twice");
  }

  long pendingInOutbox() {
    return count("SELECT count(*) FROM " + SCHEMA + ".outbox WHERE published_at IS NULL");
  }

  /** Publishes raw bytes to the test queue, as a foreign producer would. */
  void publishRaw(String messageId, String body) {
    events().broker().publisher().publish(List.of(OutgoingMessage.toQueue(queue, messageId, "test.raw", Map.of(),
      Buffer.buffer(body)))).await();
  }

  @Override
  public void close() {
    try {
      RabbitMQClient client = events().broker().newClient("test-cleanup");
      client.start().await();
      for (String name : events().settings().declaredQueues(queue)) {
        client.queueDelete(name).otherwiseEmpty().await();
      }
      client.exchangeDelete(exchange).otherwiseEmpty().await();
      client.stop().await();
    } finally {
      stack.close();
    }
  }

  private static void awaitBroker(TestStack stack) {
    Broker broker = stack.platform().events().broker();
    if (!Poll.until(Duration.ofSeconds(30), broker::isConnected)) {
      throw new IllegalStateException("RabbitMQ did not connect");
    }
  }
}
