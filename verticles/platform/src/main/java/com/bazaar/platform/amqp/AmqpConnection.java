package com.bazaar.platform.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's connection to RabbitMQ. Start-up never waits for it: when the broker is down, Bazaar starts
 * degraded and keeps trying in the background. Once connected, the client's automatic recovery takes over.
 * The blocking connect runs on a worker thread.
 */
public final class AmqpConnection {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpConnection.class);

  private final Vertx vertx;
  private final AmqpSettings settings;
  private final ConnectionFactory factory;
  private volatile Connection connection;
  private volatile boolean closed;
  private volatile boolean warned;

  public AmqpConnection(Vertx vertx, AmqpSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.factory = new ConnectionFactory();
    factory.setHost(settings.host());
    factory.setPort(settings.port());
    factory.setUsername(settings.user());
    factory.setPassword(settings.password());
    factory.setVirtualHost(settings.virtualHost());
    factory.setConnectionTimeout(settings.connectTimeoutMs());
    factory.setHandshakeTimeout(settings.connectTimeoutMs());
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(settings.reconnectIntervalMs());
    factory.setRequestedHeartbeat(10);
  }

  /** Starts connecting in the background; never fails. */
  public void start() {
    tryConnect();
  }

  public boolean isOpen() {
    Connection c = connection;
    return c != null && c.isOpen();
  }

  public Connection connection() {
    return connection;
  }

  public AmqpSettings settings() {
    return settings;
  }

  public Future<Void> close() {
    closed = true;
    Connection c = connection;
    if (c == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      c.close(settings.connectTimeoutMs());
      return null;
    }, false);
  }

  private void tryConnect() {
    if (closed) {
      return;
    }
    vertx.executeBlocking(() -> factory.newConnection("bazaar"), false).onComplete(ar -> {
      if (ar.succeeded()) {
        connection = ar.result();
        if (closed) {
          close();
          return;
        }
        LOG.info("Connected to RabbitMQ at {}", settings.address());
      } else {
        if (!warned) {
          LOG.warn("RabbitMQ not reachable at {} — running degraded; retrying every {} ms ({})",
            settings.address(), settings.reconnectIntervalMs(), ar.cause().toString());
          warned = true;
        }
        vertx.setTimer(settings.reconnectIntervalMs(), id -> tryConnect());
      }
    });
  }
}
