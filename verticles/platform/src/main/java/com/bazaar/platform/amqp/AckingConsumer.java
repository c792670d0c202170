package com.bazaar.platform.amqp;

import io.vertx.core.Future;
import io.vertx.rabbitmq.QueueOptions;
import io.vertx.rabbitmq.RabbitMQConsumer;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Consumes one queue with manual acks on a client of its own, with the prefetch set on every (re)connect. A delivery
 * tag belongs to the channel that delivered it; after a reconnect the client has a new channel, so an ack for an
 * older delivery is dropped rather than sent (it could ack another message), and the broker redelivers it.
 */
public final class AckingConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(AckingConsumer.class);
  private static final long CANCEL_TIMEOUT_MS = 2_000;

  private final RabbitMQClient client;
  private final String queue;
  private final int prefetch;
  private final Function<RabbitMQClient, Future<Void>> prepare;
  private final Function<Delivery, Future<Void>> handler;
  private final AtomicLong channelGeneration = new AtomicLong();
  private volatile RabbitMQConsumer consumer;

  /** One message, with the ways to settle it. */
  public final class Delivery {
    private final RabbitMQMessage message;
    private final long generation;

    private Delivery(RabbitMQMessage message, long generation) {
      this.message = message;
      this.generation = generation;
    }

    public RabbitMQMessage message() {
      return message;
    }

    public Future<Void> ack() {
      return current() ? client.basicAck(message.envelope().getDeliveryTag(), false) : Future.succeededFuture();
    }

    /** Hands the message back to the queue for another delivery. */
    public Future<Void> requeue() {
      return current() ? client.basicNack(message.envelope().getDeliveryTag(), false, true) : Future.succeededFuture();
    }

    private boolean current() {
      return generation == channelGeneration.get();
    }
  }

  /** @param prepare run on every connect before consuming, such as declaring the queue */
  public AckingConsumer(Broker broker, String queue, int prefetch, Function<RabbitMQClient, Future<Void>> prepare,
                        Function<Delivery, Future<Void>> handler) {
    this.client = broker.newClient("consumer-" + queue);
    this.queue = queue;
    this.prefetch = prefetch;
    this.prepare = prepare;
    this.handler = handler;
    // A global prefetch applies to the channel at once, whenever it is set, and this channel has one consumer.
    client.addConnectionEstablishedCallback(connected -> {
      channelGeneration.incrementAndGet();
      prepare.apply(client).compose(v -> client.basicQos(prefetch, true)).onComplete(connected);
    });
  }

  /** Completes once consuming; while the broker is down it waits for it. */
  public Future<Void> start() {
    return client.start()
      .compose(v -> prepare.apply(client))
      .compose(v -> client.basicQos(prefetch, true))
      .compose(v -> client.basicConsumer(queue, new QueueOptions().setAutoAck(false)))
      .map(consumer -> {
        this.consumer = consumer;
        consumer.handler(message -> {
          try {
            handler.apply(new Delivery(message, channelGeneration.get()));
          } catch (RuntimeException e) {
            // A defect, not a bad message: the message stays unacked, visible in the queue, until the channel restarts.
            LOG.error("Consumer of {} failed on a message", queue, e);
          }
        });
        return null;
      });
  }

  public RabbitMQClient client() {
    return client;
  }

  /**
   * Cancels the consumer before closing the client: a consumer whose channel closes under it is restarted by the
   * client, which at shutdown means declaring queues on a Vert.x that is closing.
   */
  public Future<Void> stop() {
    RabbitMQConsumer running = consumer;
    Future<Void> cancelled = running == null ? Future.succeededFuture() : running.cancel()
      .timeout(CANCEL_TIMEOUT_MS, TimeUnit.MILLISECONDS).otherwiseEmpty();
    return cancelled.transform(v -> client.stop()).otherwiseEmpty();
  }
}
