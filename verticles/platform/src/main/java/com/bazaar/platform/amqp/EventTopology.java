package com.bazaar.platform.amqp;

import com.bazaar.platform.events.EventSettings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.RabbitMQClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Declares, idempotently, what the config describes: the topic exchange, and for each queue its bindings, one delay
 * queue per retry (a queue TTL, dead-lettering back to the queue) and its dead-letter queue.
 *
 * <p>Retries use delay queues rather than a quorum queue's delivery limit: a delivery limit redelivers at once,
 * with no backoff, so a handler waiting for a dependency to come back would burn its attempts in milliseconds. One
 * queue per delay (not a per-message TTL) because RabbitMQ expires messages only at the head of a queue.
 */
public final class EventTopology {
  private static final Logger LOG = LoggerFactory.getLogger(EventTopology.class);
  private EventTopology() {
  }

  /** Each queue is declared on its own: one that the broker refuses (it is logged) does not stop the others. */
  public static Future<Void> declare(RabbitMQClient client, EventSettings events) {
    Future<Void> chain = client.exchangeDeclare(events.exchange(), "topic", true, false);
    for (Map.Entry<String, List<String>> queue : events.queues().entrySet()) {
      chain = chain.compose(v -> declareQueue(client, events, queue.getKey(), queue.getValue())
        .recover(e -> {
          LOG.error("RabbitMQ refused the declaration of queue {} or its delay and dead-letter queues: {}",
            queue.getKey(), e.toString());
          return Future.succeededFuture();
        }));
    }
    return chain;
  }

  private static Future<Void> declareQueue(RabbitMQClient client, EventSettings events, String queue,
                                           List<String> routingKeys) {
    Future<Void> chain = client.queueDeclare(queue, true, false, false).mapEmpty();
    for (String key : routingKeys) {
      chain = chain.compose(v -> client.queueBind(queue, events.exchange(), key));
    }
    for (long delay : new TreeSet<>(events.consumers().retryDelaysMs())) {
      JsonObject backToQueue = new JsonObject()
        .put("x-message-ttl", delay)
        .put("x-dead-letter-exchange", "")
        .put("x-dead-letter-routing-key", queue);
      String retry = EventSettings.retryQueue(queue, delay);
      chain = chain.compose(v -> client.queueDeclare(retry, true, false, false, backToQueue).mapEmpty());
    }
    return chain.compose(v -> client.queueDeclare(EventSettings.deadLetterQueue(queue), true, false, false).mapEmpty());
  }
}
