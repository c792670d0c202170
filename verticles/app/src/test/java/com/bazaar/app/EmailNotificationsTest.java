package com.bazaar.app;

import com.bazaar.auth.api.AuthAddresses;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.testing.Poll;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Order mail through a real SMTP exchange with a local server that refuses the first message, so it is retried. */
class EmailNotificationsTest {
  private static SmtpStub smtp;
  private static OrderWorld world;

  @BeforeAll
  static void start() {
    smtp = new SmtpStub(1);
    world = new OrderWorld(Map.of("BAZAAR_NOTIFICATION_EMAIL_ENABLED", "true",
      "BAZAAR_NOTIFICATION_EMAIL_PORT", String.valueOf(smtp.port()), "BAZAAR_NOTIFICATION_EMAIL_POLL_MS", "100",
      "BAZAAR_NOTIFICATION_EMAIL_BACKOFF_MS", "[200]"));
  }

  @AfterAll
  static void stop() {
    world.close();
    smtp.close();
  }

  @Test
  void a_customer_is_mailed_about_their_order_and_a_refused_send_is_retried() {
    String variant = OrderWorld.variant(world.product(10, OrderWorld.BASE), 0);
    String number = world.placed(world.customer, OrderWorld.order(variant, "1")).getString("number");

    SmtpStub.Mail mail = Poll.until(Duration.ofSeconds(20), () -> smtp.delivered.stream()
      .filter(m -> m.data().contains(number)).findFirst().orElse(null), m -> m != null);

    assertThat(mail.to()).containsExactly("buyer@orders.test");
    assertThat(mail.subject()).isEqualTo("We have your order " + number);
    assertThat(mail.data()).contains("Thank you for your order " + number + " of 400.00 INR");
    assertThat(smtp.refused.get()).as("the first attempt was refused, and retried").isEqualTo(1);
    assertThat(world.count("SELECT count(*) FROM notification.emails WHERE status = 'SENT' AND attempts = 2"))
      .isEqualTo(1);
    assertThat(world.app.bazaar.platform().registry().get("bazaar.notifications.email").tag("outcome", "retried")
      .counter().count()).isEqualTo(1);
  }

  @Test
  void only_a_service_may_read_a_users_contact_details() {
    JsonObject ask = new JsonObject().put("userId", world.customerId);
    var bus = world.app.bazaar.platform().bus();

    JsonObject forService = bus.call(AuthAddresses.CONTACT, BusRequest.of(ask, Principal.service("notification")),
      json -> json).await();

    assertThat(forService.getString("email")).isEqualTo("buyer@orders.test");
    assertThatThrownBy(() -> bus.call(AuthAddresses.CONTACT, BusRequest.of(ask, new Principal(world.customerId,
      Set.of("CUSTOMER"))), json -> json).await()).hasMessageContaining("Only services");
  }
}
