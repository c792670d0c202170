package com.bazaar.bench;

import com.bazaar.platform.amqp.OutgoingMessage;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Commissions through the wallet's consumer: publishes {@code N} {@code payment.succeeded} events for new orders of
 * the twenty seeded resellers to the broker (with confirms, as the relay does), then waits until the running
 * server's wallet has written a transfer for each. Prints {@code WALLET_CONSUMER {events, seconds, per_second}}:
 * transfers per second from the first publish to the last transfer, publishing included.
 *
 * <p>Usage: {@code WalletConsumerBench N}, with {@code BAZAAR_PG_*} naming the server's database; RabbitMQ on
 * localhost as guest; the exchange is the base configuration's.
 */
public final class WalletConsumerBench {
  private static final String COUNT = "SELECT count(*) FROM wallet.transfers WHERE kind = 'COMMISSION_PENDING'";

  private WalletConsumerBench() {
  }

  public static void main(String[] args) throws Exception {
    int events = Integer.parseInt(args[0]);
    String exchange = new JsonObject(Files.readString(Path.of("conf/bazaar.json"))).getJsonObject("events")
      .getString("exchange");
    try (Connection db = BenchDatabase.connect(BenchDatabase.url())) {
      List<String> resellers = resellers(db);
      long before = count(db);
      ConnectionFactory factory = BenchBroker.factory();
      long started = System.nanoTime();
      try (com.rabbitmq.client.Connection amqp = factory.newConnection(); Channel channel = amqp.createChannel()) {
        channel.confirmSelect();
        for (int i = 0; i < events; i++) {
          EventEnvelope event = EventEnvelope.of(EventType.of("payment.succeeded"), new JsonObject()
            .put("paymentId", UUID.randomUUID().toString()).put("orderId", UUID.randomUUID().toString())
            .put("userId", UUID.randomUUID().toString()).put("sellerId", resellers.get(i % resellers.size()))
            .put("amount", 10_000).put("currency", "INR").put("commissionAmount", 1_000).put("cause", "captured")
            .put("method", "UPI").put("provider", "sandbox"));
          OutgoingMessage message = new OutgoingMessage(exchange, event.type(), event.id().toString(), event.type(),
            Map.of(), event.encode());
          channel.basicPublish(exchange, event.type(), message.properties(), message.body().getBytes());
        }
        channel.waitForConfirmsOrDie(60_000);
      }
      long transfers;
      do {
        Thread.sleep(50);
        transfers = count(db) - before;
      } while (transfers < events && System.nanoTime() - started < 300_000_000_000L);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.println("WALLET_CONSUMER " + new JsonObject().put("events", events).put("transfers", transfers)
        .put("seconds", Math.round(seconds * 100) / 100.0).put("per_second", Math.round(transfers / seconds)).encode());
    }
  }

  private static List<String> resellers(Connection db) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement sql = db.createStatement();
         ResultSet rows = sql.executeQuery("SELECT md5('reseller:' || i)::uuid FROM generate_series(1, 20) i")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private static long count(Connection db) throws SQLException {
    try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(COUNT)) {
      row.next();
      return row.getLong(1);
    }
  }
}
