package com.bazaar.app;

import com.bazaar.order.api.OrderEvents;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.testing.Poll;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link's orders, revenue and commission come from {@code order.paid} and {@code order.cancelled} on the broker,
 * through the platform's consumer and inbox: a redelivered event counts once, a cancellation reverses only what a
 * payment counted, and a payment after its order's cancellation counts nothing.
 */
class ShareLinkSalesTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void stats_count_paid_orders_once_and_net_of_cancellations_whatever_order_the_events_arrive_in() {
    try (ShareLinkWorld world = new ShareLinkWorld(Map.of())) {
      JsonObject link = world.link();
      String linkId = link.getString("id");
      UUID first = UUID.randomUUID();
      UUID second = UUID.randomUUID();
      UUID cancelledFirst = UUID.randomUUID();
      EventEnvelope paidFirst = paid(first, linkId, 52_000, 1_200);
      world.app.publish(paidFirst);
      world.app.publish(paidFirst);
      world.app.publish(paid(second, linkId, 104_000, 2_400));
      world.app.publish(cancelled(first, linkId));
      world.app.publish(cancelled(cancelledFirst, linkId));
      world.app.publish(paid(cancelledFirst, linkId, 52_000, 1_200));
      world.app.publish(paid(UUID.randomUUID(), null, 9_999, 0));

      JsonObject stats = Poll.until(Duration.ofSeconds(30), () -> world.app.http.get("/api/v1/share-links/"
          + link.getString("code") + "/stats", world.reseller).json(),
        s -> s.getLong("orders", -1L) == 1 && s.getLong("revenue", -1L) == 104_000);
      System.out.println("[sharelink] stats after the events: " + stats.encode());
      assertThat(stats.getLong("orders")).isEqualTo(1);
      assertThat(stats.getLong("revenue")).isEqualTo(104_000);
      assertThat(stats.getLong("commission")).isEqualTo(2_400);
      // Every event handled before the app stops, so that none is left on the shared queue for another test's app.
      assertThat(Poll.until(Duration.ofSeconds(30), () -> consumed(world, "applied") + consumed(world, "duplicate")
        + consumed(world, "ignored"), n -> n >= 7)).isEqualTo(7);
      assertThat(consumed(world, "ignored")).as("the sale with no link, acked without a transaction").isEqualTo(1);
      assertThat(consumed(world, "duplicate")).as("the redelivered order.paid").isEqualTo(1);
    }
  }

  private static double consumed(ShareLinkWorld world, String outcome) {
    return world.app.bazaar.platform().registry().get("bazaar.events.consumed").tag("queue", "sharelink.sales")
      .tag("outcome", outcome).counter().count();
  }

  private static EventEnvelope paid(UUID orderId, String linkId, long total, long commission) {
    JsonObject data = order(orderId, linkId).put("paymentId", UUID.randomUUID().toString()).put("totalAmount", total)
      .put("currency", "INR");
    if (linkId != null) {
      data.put("commissionAmount", commission);
    }
    return EventEnvelope.of(OrderEvents.PAID, data);
  }

  private static EventEnvelope cancelled(UUID orderId, String linkId) {
    return EventEnvelope.of(OrderEvents.CANCELLED, order(orderId, linkId).put("reason", "customer asked"));
  }

  private static JsonObject order(UUID orderId, String linkId) {
    JsonObject data = new JsonObject().put("orderId", orderId.toString()).put("orderNumber", "BZ-TEST")
      .put("userId", UUID.randomUUID().toString());
    if (linkId != null) {
      data.put("shareLinkId", linkId);
    }
    return data;
  }

}
