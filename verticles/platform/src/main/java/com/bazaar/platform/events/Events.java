package com.bazaar.platform.events;

import com.bazaar.platform.amqp.AckingConsumer;
import com.bazaar.platform.amqp.AckingConsumer.Delivery;
import com.bazaar.platform.amqp.Broker;
import com.bazaar.platform.amqp.EventTopology;
import com.bazaar.platform.db.PgPools;
import com.bazaar.platform.db.PgSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.rabbitmq.RabbitMQClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The event kit of one process: one relay per publishing service, and the consumers. Services write with
 * {@link Outbox#append} in their own transactions and never publish directly.
 */
public final class Events {
  private final Vertx vertx;
  private final Broker broker;
  private final EventSettings settings;
  private final PgSettings pg;
  private final PgPools pools;
  private final MeterRegistry registry;
  private final Map<String, Future<OutboxRelay>> relays = new ConcurrentHashMap<>();
  private final List<Supplier<Future<Void>>> stoppers = new ArrayList<>();

  public Events(Vertx vertx, Broker broker, EventSettings settings, PgSettings pg, PgPools pools,
                MeterRegistry registry) {
    this.vertx = vertx;
    this.broker = broker;
    this.settings = settings;
    this.pg = pg;
    this.pools = pools;
    this.registry = registry;
  }

  public EventSettings settings() {
    return settings;
  }

  public Broker broker() {
    return broker;
  }

  /** The relay of {@code service}'s outbox in this process, started on first call on the caller's context. */
  public Future<OutboxRelay> relay(String service) {
    return relays.computeIfAbsent(service, s -> {
      OutboxRelay relay = newRelay(s);
      return relay.start(true).map(relay);
    });
  }

  /** A relay outside the per-process registry, for tests and benchmarks that run several or only poll. */
  public OutboxRelay newRelay(String service) {
    PgConnectOptions listen = PgPools.connectOptions(pg, pg.host(), pg.port(), pg.database())
      .addProperty("application_name", "bazaar-" + service + "-relay");
    return new OutboxRelay(vertx, service, pools.forService(service).write(), listen, broker.publisher(), settings,
      registry);
  }

  /**
   * Consumes {@code queue} (declared under {@code events.queues}) into {@code handler}, with the inbox in
   * {@code service}'s schema. Completes once consuming; while the broker is down it waits for it.
   */
  public Future<EventConsumer> consume(String service, String queue, EventHandler handler) {
    EventConsumer consumer = new EventConsumer(vertx, broker, queue, pools.forService(service).write(), handler,
      settings, registry, this::declareTopology);
    stopOnClose(consumer::stop);
    return consumer.start().map(consumer);
  }

  /** A plain manual-ack consumer of {@code queue}, for queues that do not carry events (the dead-letter queues). */
  public Future<Void> consumeRaw(String queue, int prefetch, Function<Delivery, Future<Void>> handler) {
    AckingConsumer consumer = new AckingConsumer(broker, queue, prefetch, this::declareTopology, handler);
    stopOnClose(consumer::stop);
    return consumer.start();
  }

  private Future<Void> declareTopology(RabbitMQClient client) {
    return EventTopology.declare(client, settings);
  }

  private void stopOnClose(Supplier<Future<Void>> stop) {
    synchronized (stoppers) {
      stoppers.add(stop);
    }
  }

  public Future<Void> close() {
    List<Future<Void>> stopping = new ArrayList<>();
    relays.values().forEach(relay -> stopping.add(relay.compose(OutboxRelay::stop)));
    synchronized (stoppers) {
      stoppers.forEach(stop -> stopping.add(stop.get()));
    }
    return Future.join(stopping).mapEmpty();
  }
}
