package com.bazaar.platform.amqp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.rabbitmq.RabbitMQClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Publishes batches with publisher confirms: a batch succeeds only when the broker has confirmed every message in
 * it. Batches go one at a time, so a confirm wait never covers another caller's messages.
 *
 * <p>Why not {@code RabbitMQPublisher}: it keeps unconfirmed messages in memory and forgets them when the
 * connection drops, so the caller cannot know what reached the broker. Here a failed or timed-out batch fails as a
 * whole and the caller keeps the rows to publish again (a duplicate, at worst, which inboxes absorb).
 *
 * <p>Where vertx-rabbitmq-client falls short: every call is one hop to a worker thread, so a batch of n messages
 * costs n + 1 hops; and the confirm listener it offers is not re-attached after a reconnect. Confirms are therefore
 * awaited with {@code waitForConfirms}, which runs on the channel of the moment. The benchmark measures the cost.
 */
public final class ConfirmedPublisher {
  private final RabbitMQClient client;
  private final long confirmTimeoutMs;
  private final Timer confirmLatency;
  private final Counter published;
  private Future<Void> tail = Future.succeededFuture();

  public ConfirmedPublisher(RabbitMQClient client, long confirmTimeoutMs, MeterRegistry registry) {
    this.client = client;
    this.confirmTimeoutMs = confirmTimeoutMs;
    this.confirmLatency = Timer.builder("bazaar.events.confirm").description("Publishing a batch until its confirm")
      .publishPercentileHistogram().register(registry);
    this.published = Counter.builder("bazaar.events.published").description("Messages confirmed by the broker")
      .register(registry);
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /** Succeeds when the broker confirmed all of them; fails when it is down, nacks one, or does not answer in time. */
  public synchronized Future<Void> publish(List<OutgoingMessage> batch) {
    Future<Void> result = tail.transform(ignored -> send(batch));
    tail = result.otherwiseEmpty();
    return result;
  }

  private Future<Void> send(List<OutgoingMessage> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    if (!client.isConnected()) {
      return Future.failedFuture(new IllegalStateException("RabbitMQ is not connected"));
    }
    long start = System.nanoTime();
    List<Future<Void>> sends = new ArrayList<>(batch.size());
    for (OutgoingMessage message : batch) {
      sends.add(client.basicPublish(message.exchange(), message.routingKey(), message.properties(), message.body()));
    }
    return Future.join(sends).<Void>mapEmpty()
      .compose(v -> client.waitForConfirms(confirmTimeoutMs))
      .onSuccess(v -> {
        confirmLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        published.increment(batch.size());
      });
  }
}
