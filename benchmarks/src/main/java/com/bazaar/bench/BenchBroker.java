package com.bazaar.bench;

import com.rabbitmq.client.ConnectionFactory;

/**
 * The local RabbitMQ for the tools that publish to it directly, in the virtual host run.sh gives the server
 * ({@code BAZAAR_AMQP_VIRTUAL_HOST}, as the server reads it).
 */
final class BenchBroker {
  private BenchBroker() {
  }

  static ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setVirtualHost(System.getenv().getOrDefault("BAZAAR_AMQP_VIRTUAL_HOST", "/"));
    return factory;
  }
}
