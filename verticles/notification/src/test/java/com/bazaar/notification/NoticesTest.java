package com.bazaar.notification;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who each event concerns, and what it tells them. */
class NoticesTest {
  private static final String CUSTOMER = UUID.randomUUID().toString();
  private static final String RESELLER = UUID.randomUUID().toString();

  private static List<Notice> of(String type, JsonObject data) {
    return Notices.of(EventEnvelope.of(EventType.of(type), data));
  }

  @Test
  void an_order_change_tells_its_customer_and_nobody_else() {
    List<Notice> notices = of("order.cancelled", new JsonObject().put("orderId", "o1").put("orderNumber", "BZ-1")
      .put("userId", CUSTOMER).put("sellerId", RESELLER).put("reason", "out of stock").put("currency", "INR"));

    assertThat(notices).singleElement().satisfies(n -> {
      assertThat(n.userId()).hasToString(CUSTOMER);
      assertThat(n.title()).isEqualTo("Order BZ-1 cancelled");
      assertThat(n.body()).contains("out of stock");
      assertThat(n.data().getString("orderId")).isEqualTo("o1");
    });
  }

  @Test
  void a_linked_payment_tells_the_reseller_of_the_sale_and_a_direct_one_tells_nobody() {
    JsonObject sale = new JsonObject().put("orderId", "o2").put("userId", CUSTOMER).put("amount", 48_000)
      .put("commissionAmount", 4_800).put("currency", "INR");

    assertThat(of("payment.succeeded", sale.copy().put("sellerId", RESELLER))).singleElement()
      .satisfies(n -> assertThat(n.userId()).hasToString(RESELLER))
      .satisfies(n -> assertThat(n.body()).contains("480.00 INR", "48.00 INR"));
    assertThat(of("payment.succeeded", sale)).isEmpty();
  }

  @Test
  void commissions_and_payouts_tell_their_reseller_and_unknown_events_tell_nobody() {
    assertThat(of("wallet.commission.available", new JsonObject().put("resellerId", RESELLER).put("orderId", "o3")
      .put("amount", 150).put("currency", "INR"))).singleElement()
      .satisfies(n -> assertThat(n.title()).isEqualTo("Commission available"))
      .satisfies(n -> assertThat(n.body()).startsWith("1.50 INR"));
    assertThat(of("wallet.payout.processed", new JsonObject().put("resellerId", RESELLER).put("payoutId", "p1")
      .put("amount", 100).put("currency", "INR").put("status", "PROCESSED"))).singleElement()
      .satisfies(n -> assertThat(n.title()).isEqualTo("Payout processed"));
    assertThat(of("sharelink.clicked", new JsonObject().put("clicks", List.of()))).isEmpty();
  }
}
