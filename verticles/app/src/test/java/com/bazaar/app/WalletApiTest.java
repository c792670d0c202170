package com.bazaar.app;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventType;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The wallet over HTTP: commissions from a real sale, payouts that cannot overdraw, the ADMIN's decisions, the audit. */
class WalletApiTest {
  private static OrderWorld world;
  private static JsonObject product;

  @BeforeAll
  static void start() {
    world = new OrderWorld(Map.of());
    product = world.product(1_000, OrderWorld.BASE);
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  /** A fresh reseller with {@code available} already in its AVAILABLE account; its id and headers. */
  private static Reseller resellerWith(long available) {
    JsonObject session = AuthFlows.registerAndLogin(world.app.http, "r" + UUID.randomUUID() + "@wallet.test",
      "RESELLER");
    Reseller reseller = new Reseller(session.getJsonObject("user").getString("id"), AuthFlows.bearer(session));
    String id = reseller.id();
    world.db().execute("SELECT wallet.transfer(gen_random_uuid(), '" + id + "', NULL, 'COMMISSION_EXPENSE', '" + id
      + "', 'AVAILABLE', 'INR', " + available + ", 'COMMISSION_AVAILABLE', '" + UUID.randomUUID() + "')");
    return reseller;
  }

  private record Reseller(String id, Map<String, String> headers) {
  }

  private static Response payout(Reseller reseller, String key, JsonObject body) {
    return world.app.http.post("/api/v1/wallet/payouts", body, OrderWorld.withKey(reseller.headers(), key));
  }

  private static JsonObject payoutBody(long amount) {
    return new JsonObject().put("amount", amount).put("bankAccount", "HDFC 0001 2345 67");
  }

  private static JsonObject wallet(Map<String, String> caller) {
    return world.app.http.get("/api/v1/wallet", caller).json();
  }

  private static Response decide(String payoutId, String status) {
    return world.app.http.patch("/api/v1/admin/payouts/" + payoutId, new JsonObject().put("status", status),
      world.admin);
  }

  private static void assertBooksBalance() {
    JsonObject audit = world.app.http.get("/api/v1/admin/wallet/audit", world.admin).json();
    assertThat(audit.getBoolean("balanced")).as(audit.encode()).isTrue();
  }

  /** A link order of one unit at {@code sellerPrice}, with a sandbox payment started; the payment's id by the order's. */
  private static Map.Entry<String, String> linkOrderWithPayment(long sellerPrice) {
    String code = world.link(product, sellerPrice);
    String orderId = world.placed(world.customer, OrderWorld.order(OrderWorld.variant(product, 0), "1")
      .put("shareLinkCode", code)).getString("id");
    String paymentId = world.app.http.post("/api/v1/payments", new JsonObject().put("orderId", orderId)
      .put("method", "UPI"), OrderWorld.withKey(world.customer, UUID.randomUUID().toString())).json().getString("id");
    return Map.entry(orderId, paymentId);
  }

  private static void capture(String paymentId) {
    world.app.http.post("/api/v1/payments/" + paymentId + "/sandbox/complete", new JsonObject().put("outcome",
      "succeed"), world.customer);
  }

  @Test
  void a_sale_through_a_link_credits_pending_when_paid_and_available_when_delivered() {
    Map.Entry<String, String> sale = linkOrderWithPayment(48_000);
    String orderId = sale.getKey();
    long pendingBefore = wallet(world.reseller).getLong("pendingBalance");
    long availableBefore = wallet(world.reseller).getLong("availableBalance");

    capture(sale.getValue());

    JsonObject paid = Poll.until(Duration.ofSeconds(15), () -> wallet(world.reseller),
      w -> w.getLong("pendingBalance") == pendingBefore + 4_800);
    assertThat(paid.getJsonArray("recentTransactions").getJsonObject(0).getString("kind"))
      .isEqualTo("COMMISSION_PENDING");
    assertThat(world.move(orderId, "SHIPPED", world.admin).status()).isEqualTo(200);
    assertThat(world.move(orderId, "DELIVERED", world.admin).status()).isEqualTo(200);

    JsonObject delivered = Poll.until(Duration.ofSeconds(15), () -> wallet(world.reseller),
      w -> w.getLong("availableBalance") == availableBefore + 4_800);
    assertThat(delivered.getLong("pendingBalance")).isEqualTo(pendingBefore);
    JsonObject release = delivered.getJsonArray("recentTransactions").getJsonObject(0);
    assertThat(release.getString("kind")).isEqualTo("COMMISSION_AVAILABLE");
    assertThat(release.getJsonObject("to").getLong("after") - release.getJsonObject("to").getLong("before"))
      .isEqualTo(4_800);
    assertThat(world.count("SELECT count(*) FROM wallet.outbox WHERE type LIKE 'wallet.commission.%' "
      + "AND body::jsonb -> 'data' ->> 'orderId' = '" + orderId + "'")).isEqualTo(2);
    assertBooksBalance();
  }

  @Test
  void cancelling_a_paid_order_before_delivery_reverses_its_commission() {
    Map.Entry<String, String> sale = linkOrderWithPayment(50_000);
    String orderId = sale.getKey();
    capture(sale.getValue());
    Poll.until(Duration.ofSeconds(15), () -> world.count("SELECT count(*) FROM wallet.transfers WHERE cause = '"
      + orderId + "'"), n -> n == 1);

    assertThat(world.move(orderId, "CANCELLED", world.admin).status()).isEqualTo(200);

    assertThat(Poll.until(Duration.ofSeconds(15), () -> world.count("SELECT count(*) FROM wallet.transfers "
      + "WHERE kind = 'COMMISSION_REVERSED' AND cause = '" + orderId + "' AND amount = 5000"), n -> n == 1))
      .isEqualTo(1);
    assertBooksBalance();
  }

  @Test
  void fifty_concurrent_payouts_of_the_whole_balance_pay_out_once() {
    Reseller reseller = resellerWith(10_000);

    List<Response> answers = world.app.http.concurrently(50, HttpMethod.POST, "/api/v1/wallet/payouts",
      i -> OrderWorld.withKey(reseller.headers(), "spend-" + i), payoutBody(10_000));

    assertThat(answers.stream().filter(r -> r.status() == 201).count()).isEqualTo(1);
    assertThat(answers.stream().filter(r -> r.status() == 422).map(Response::errorCode))
      .hasSize(49).containsOnly("INSUFFICIENT_BALANCE");
    JsonObject after = wallet(reseller.headers());
    assertThat(after.getLong("availableBalance")).isZero();
    assertThat(after.getLong("heldBalance")).isEqualTo(10_000);
    assertBooksBalance();
  }

  @Test
  void a_payout_is_held_then_rejected_back_or_processed_out_and_its_bank_account_never_shown() {
    Reseller reseller = resellerWith(10_000);
    Response first = payout(reseller, "payout-1", payoutBody(3_000));
    Response again = payout(reseller, "payout-1", payoutBody(3_000));
    Response reused = payout(reseller, "payout-1", payoutBody(2_000));
    Response tooMuch = payout(reseller, "payout-2", payoutBody(7_001));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().getString("bankAccount")).isEqualTo("XXXX4567");
    assertThat(first.body().toString()).doesNotContain("0001");
    assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(tooMuch.errorCode()).isEqualTo("INSUFFICIENT_BALANCE");
    assertThat(tooMuch.json().getJsonObject("error").getJsonObject("details").getLong("available")).isEqualTo(7_000);
    assertThat(wallet(reseller.headers()).getLong("heldBalance")).isEqualTo(3_000);

    assertThat(decide(first.json().getString("id"), "REJECTED").json().getString("status")).isEqualTo("REJECTED");
    assertThat(wallet(reseller.headers()).getLong("availableBalance")).isEqualTo(10_000);
    assertThat(decide(first.json().getString("id"), "APPROVED").errorCode()).isEqualTo("INVALID_TRANSITION");

    String second = payout(reseller, "payout-3", payoutBody(4_000)).json().getString("id");
    assertThat(decide(second, "PROCESSED").errorCode()).as("approved first").isEqualTo("INVALID_TRANSITION");
    assertThat(decide(second, "APPROVED").status()).isEqualTo(200);
    assertThat(decide(second, "PROCESSED").status()).isEqualTo(200);
    JsonObject after = wallet(reseller.headers());
    assertThat(after.getLong("availableBalance")).isEqualTo(6_000);
    assertThat(after.getLong("heldBalance")).isZero();
    assertThat(world.app.http.get("/api/v1/wallet/payouts", reseller.headers()).json().getJsonArray("items").size())
      .isEqualTo(2);
    assertThat(world.count("SELECT count(*) FROM wallet.outbox WHERE type = 'wallet.payout.processed' "
      + "AND body::jsonb -> 'data' ->> 'payoutId' = '" + second + "'")).isEqualTo(2);
    assertBooksBalance();
  }

  @Test
  void bad_amounts_and_currencies_are_400_and_a_customer_is_403() {
    Reseller reseller = resellerWith(1_000);
    for (Object amount : List.<Object>of(0, -5, 1.5, 100_000_001L, "100")) {
      Response refused = payout(reseller, UUID.randomUUID().toString(), new JsonObject().put("amount", amount)
        .put("bankAccount", "HDFC 0001 2345 67"));
      assertThat(refused.status()).as("amount " + amount + ": " + refused.body()).isEqualTo(400);
    }
    Response currency = payout(reseller, UUID.randomUUID().toString(), payoutBody(100).put("currency", "ABC"));
    assertThat(currency.errorCode()).isEqualTo("UNKNOWN_CURRENCY");
    assertThat(world.app.http.get("/api/v1/wallet", world.customer).status()).isEqualTo(403);
    assertThat(wallet(reseller.headers()).getLong("availableBalance")).isEqualTo(1_000);
  }

  @Test
  void an_event_delivered_twice_under_two_ids_moves_money_once() {
    Reseller reseller = resellerWith(1);
    String orderId = UUID.randomUUID().toString();
    JsonObject data = new JsonObject().put("paymentId", UUID.randomUUID().toString()).put("orderId", orderId)
      .put("userId", UUID.randomUUID().toString()).put("sellerId", reseller.id()).put("amount", 10_000)
      .put("currency", "INR").put("commissionAmount", 1_000).put("cause", "captured").put("method", "UPI")
      .put("provider", "sandbox");

    EventEnvelope first = EventEnvelope.of(EventType.of("payment.succeeded"), data);
    EventEnvelope second = EventEnvelope.of(EventType.of("payment.succeeded"), data);
    world.app.publish(first);
    world.app.publish(second);

    Poll.until(Duration.ofSeconds(15), () -> world.count("SELECT count(*) FROM wallet.inbox WHERE event_id IN ('"
      + first.id() + "', '" + second.id() + "')"), n -> n == 2);
    assertThat(world.count("SELECT count(*) FROM wallet.transfers WHERE cause = '" + orderId + "'")).isEqualTo(1);
    assertThat(wallet(reseller.headers()).getLong("pendingBalance")).isEqualTo(1_000);
  }

}
