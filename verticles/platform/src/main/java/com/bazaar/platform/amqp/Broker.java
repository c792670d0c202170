package com.bazaar.platform.amqp;

import com.bazaar.platform.events.EventSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's RabbitMQ clients. Start-up never waits for the broker: when it is down, Bazaar starts degraded, the
 * outboxes keep their rows, and the clients keep reconnecting. The publishing client declares the topology from
 * config on every connect, so a broker that lost its definitions gets them back.
 *
 * <p>Each consumer gets a client of its own ({@link #newClient}): vertx-rabbitmq-client has one channel per
 * client, and a channel's prefetch and delivery tags must not be shared between queues.
 */
public final class Broker {
  private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

  private final Vertx vertx;
  private final AmqpSettings settings;
  private final RabbitMQClient publishing;
  private final ConfirmedPublisher publisher;
  private long monitor = -1;
  private boolean reportedUp;
  private boolean reportedDown;

  public Broker(Vertx vertx, AmqpSettings settings, EventSettings events, MeterRegistry registry) {
    this.vertx = vertx;
    this.settings = settings;
    this.publishing = newClient("publisher");
    this.publisher = new ConfirmedPublisher(publishing, events.relay().confirmTimeoutMs(), registry);
    publishing.addConnectionEstablishedCallback(declared -> EventTopology.declare(publishing, events)
      .onFailure(e -> LOG.warn("Could not declare the event topology ({}); publishing will fail until it is", e.toString()))
      .onComplete(declared));
  }

  /** Starts connecting in the background; never fails. */
  public void start() {
    publishing.start().compose(v -> publishing.confirmSelect())
      .onFailure(e -> LOG.warn("RabbitMQ publisher did not start: {}", e.toString()));
    monitor = vertx.setPeriodic(settings.reconnectIntervalMs(), id -> reportState());
  }

  public boolean isConnected() {
    return publishing.isConnected();
  }

  public ConfirmedPublisher publisher() {
    return publisher;
  }

  /** A client of its own, for one consumer; the caller starts and stops it. */
  public RabbitMQClient newClient(String name) {
    return RabbitMQClient.create(vertx, options(name));
  }

  public Future<Void> close() {
    vertx.cancelTimer(monitor);
    return publishing.stop().otherwiseEmpty();
  }

  private RabbitMQOptions options(String name) {
    RabbitMQOptions options = new RabbitMQOptions()
      .setHost(settings.host())
      .setPort(settings.port())
      .setUser(settings.user())
      .setPassword(settings.password())
      .setVirtualHost(settings.virtualHost())
      .setConnectionTimeout(settings.connectTimeoutMs())
      .setHandshakeTimeout(settings.connectTimeoutMs())
      .setRequestedHeartbeat(10)
      // The Vert.x client reconnects and restarts its consumers itself; the Java client's own recovery would race it.
      .setAutomaticRecoveryEnabled(false)
      .setAutomaticRecoveryOnInitialConnection(true)
      .setConnectionName("bazaar-" + name);
    options.setReconnectAttempts(Integer.MAX_VALUE);
    options.setReconnectInterval(settings.reconnectIntervalMs());
    return options;
  }

  private void reportState() {
    if (publishing.isConnected() && !reportedUp) {
      LOG.info("Connected to RabbitMQ at {}", settings.address());
      reportedUp = true;
      reportedDown = false;
    } else if (!publishing.isConnected() && !reportedDown) {
      LOG.warn("RabbitMQ not reachable at {}; events wait in the outboxes, retrying every {} ms",
        settings.address(), settings.reconnectIntervalMs());
      reportedDown = true;
      reportedUp = false;
    }
  }
}
