package com.bazaar.app;

import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reseller journey through the packaged jar's public API, one step per test, in order: a sale through a shared
 * link from the catalog to the reseller's payout, and a second sale cancelled after payment. The commission rate,
 * 7.5%, makes the first sale's commission end in half a paisa, so the pricing rules' rounding (half-even) shows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {
  private static final String API = "/api/v1";
  private static final Duration EVENTUAL = Duration.ofSeconds(20);
  /** Between two polls: slow enough for the per-user rate limit, which the jar keeps at its defaults. */
  private static final Duration POLL = Duration.ofMillis(100);
  private static final long SELLER_PRICE = 199_900;
  private static final int RATE_BPS = 750;
  private static final List<String> HOOKED = List.of("order.created", "order.paid", "order.shipped",
    "order.delivered", "order.cancelled", "payment.succeeded", "wallet.commission.pending",
    "wallet.commission.available", "wallet.payout.requested", "wallet.payout.processed");

  private static PackagedJar jar;
  private static TestHttp http;
  private static WebhookReceiver receiver;
  private static Map<String, String> admin;
  private static Map<String, String> seller;
  private static Map<String, String> buyer;
  private static String webhookSecret;
  private static String productId;
  private static String variantId;
  private static String code;
  private static String orderId;
  private static String secondOrderId;

  @BeforeAll
  static void start() throws Exception {
    jar = PackagedJar.start(Map.of("BAZAAR_ADMIN_EMAIL", "admin@journey.test", "BAZAAR_ADMIN_PASSWORD",
      "journey admin password"));
    http = jar.http;
    receiver = WebhookReceiver.failingFirst("127.0.0.9", 0);
    admin = AuthFlows.bearer(AuthFlows.login(http, "admin@journey.test", "journey admin password"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (jar == null) {
      return;
    }
    try {
      assertThat(jar.stop()).as("stops on SIGTERM").isTrue();
      assertThat(jar.log()).as("no event loop was blocked").doesNotContain("has been blocked for");
    } finally {
      if (receiver != null) {
        receiver.close();
      }
      jar.close();
    }
  }

  @Test
  @Order(1)
  void admin_lists_a_product_with_two_variants_in_stock_and_prices_it() {
    String category = created(http.post(API + "/categories", new JsonObject().put("name", "Kurtas"), admin))
      .getString("id");
    JsonObject product = created(http.post(API + "/products", new JsonObject().put("name", "Linen Kurta")
      .put("categoryId", category)
      .put("options", new JsonArray().add(new JsonObject().put("name", "Size").put("values", new JsonArray()
        .add("M").add("L"))))
      .put("variants", new JsonArray()
        .add(new JsonObject().put("price", 149_900).put("stock", 10).put("optionValues", Map.of("Size", "M")))
        .add(new JsonObject().put("price", 149_900).put("stock", 4).put("optionValues", Map.of("Size", "L")))),
      admin));
    productId = product.getString("id");
    variantId = product.getJsonArray("variants").getJsonObject(0).getString("id");
    JsonObject pricing = created(http.put(API + "/pricing/products/" + productId, new JsonObject()
      .put("basePrice", 149_900).put("resellerPrice", 179_900).put("commissionRateBps", RATE_BPS)
      .put("minMarginBps", 1_000), admin));

    assertThat(product.getJsonObject("category").getString("id")).isEqualTo(category);
    assertThat(product.getJsonArray("variants").stream().map(v -> ((JsonObject) v).getInteger("stock")))
      .containsExactly(10, 4);
    assertThat(pricing.getLong("resellerPrice")).isEqualTo(179_900);
    assertThat(pricing.getInteger("commissionRateBps")).isEqualTo(RATE_BPS);
    assertThat(pricing.getInteger("version")).isEqualTo(1);
    assertThat(ok(http.get(API + "/products/" + productId)).getJsonArray("variants")).hasSize(2);
  }

  @Test
  @Order(2)
  void a_reseller_shares_the_product_at_their_own_price_and_a_customer_opens_the_link() {
    JsonObject session = AuthFlows.registerAndLogin(http, "asha@journey.test", "RESELLER");
    seller = AuthFlows.bearer(session);
    JsonObject hook = created(http.put(API + "/notifications/webhook", new JsonObject().put("url", receiver.url())
      .put("events", new JsonArray(HOOKED)), seller));
    webhookSecret = hook.getString("secret");
    JsonObject link = created(http.post(API + "/share-links", new JsonObject().put("productId", productId)
      .put("sellerPrice", SELLER_PRICE), withKey(seller)));
    code = link.getString("code");
    buyer = AuthFlows.bearer(AuthFlows.registerAndLogin(http, "ravi@journey.test", "CUSTOMER"));

    JsonObject opened = ok(http.get(API + "/share-links/" + code));

    assertThat(opened.getLong("sellerPrice")).isEqualTo(SELLER_PRICE);
    assertThat(opened.getJsonObject("product").getString("id")).isEqualTo(productId);
    assertThat(opened.getJsonObject("product").getLong("price")).isEqualTo(SELLER_PRICE);
  }

  @Test
  @Order(3)
  void the_customer_orders_through_the_link_once_for_a_replayed_key_and_pays_in_the_sandbox() {
    Map<String, String> key = withKey(buyer);
    Response first = http.post(API + "/orders", orderBody(1), key);
    Response replay = http.post(API + "/orders", orderBody(1), key);
    JsonObject order = created(first);
    orderId = order.getString("id");

    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.json().getString("id")).isEqualTo(orderId);
    assertThat(order.getString("status")).isEqualTo("PENDING");
    assertThat(order.getLong("totalAmount")).isEqualTo(SELLER_PRICE);
    assertThat(order.getJsonArray("items").getJsonObject(0).containsKey("commission"))
      .as("the customer does not see the reseller's commission").isFalse();
    JsonObject sellersView = ok(http.get(API + "/orders/" + orderId, seller));
    assertThat(sellersView.getString("userId")).isNull();
    assertThat(sellersView.getJsonArray("items").getJsonObject(0).getLong("commission")).isEqualTo(commission(1));
    assertThat(commission(1)).as("half a paisa, rounded to even").isEqualTo(14_992);

    JsonObject payment = pay(orderId, "UPI");
    assertThat(payment.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(payment.getInteger("webhookStatus")).as("the provider's signed webhook was accepted").isEqualTo(200);
    assertThat(payment.getLong("amount")).isEqualTo(SELLER_PRICE);
    assertThat(eventually(API + "/orders/" + orderId, buyer, o -> o.getString("status").equals("PAID"))
      .getString("paymentId")).isEqualTo(payment.getString("id"));
    assertThat(Poll.until(EVENTUAL, POLL, JourneyIT::wallet, w -> w.get(0) > 0)).isEqualTo(List.of(commission(1), 0L));
    assertThat(Poll.until(EVENTUAL, POLL, JourneyIT::stock, s -> s.get(0) == 9)).containsExactly(9, 4);
  }

  @Test
  @Order(4)
  void admin_ships_and_delivers_and_the_commission_becomes_available() {
    assertThat(ok(http.patch(API + "/orders/" + orderId + "/status", new JsonObject().put("status", "SHIPPED"),
      admin)).getString("status")).isEqualTo("SHIPPED");
    assertThat(ok(http.patch(API + "/orders/" + orderId + "/status", new JsonObject().put("status", "DELIVERED"),
      admin)).getString("status")).isEqualTo("DELIVERED");

    assertThat(Poll.until(EVENTUAL, POLL, JourneyIT::wallet, w -> w.get(1) > 0)).isEqualTo(List.of(0L, commission(1)));
  }

  @Test
  @Order(5)
  void the_links_stats_and_both_parties_notifications_and_the_signed_webhooks_tell_the_same_sale() {
    JsonObject stats = eventually(API + "/share-links/" + code + "/stats", seller,
      s -> s.getJsonObject("clicks").getLong("total") == 1);
    assertThat(stats.getLong("orders")).isEqualTo(1);
    assertThat(sales(1)).isEqualTo(List.of(SELLER_PRICE, commission(1)));

    assertThat(types(notifications(buyer, 4))).containsExactlyInAnyOrder("order.created", "order.paid", "order.shipped",
      "order.delivered");
    assertThat(types(notifications(seller, 3))).containsExactlyInAnyOrder("payment.succeeded",
      "wallet.commission.pending", "wallet.commission.available");
    assertThat(webhooks(7)).containsExactlyInAnyOrder("order.created", "order.paid", "payment.succeeded",
      "wallet.commission.pending", "order.shipped", "order.delivered", "wallet.commission.available");
  }

  @Test
  @Order(6)
  void the_reseller_is_paid_out_and_the_ledger_audit_finds_no_difference() {
    JsonObject payout = created(http.post(API + "/wallet/payouts", new JsonObject().put("amount", commission(1))
      .put("bankAccount", "HDFC 0001 2345 67"), withKey(seller)));
    for (String status : List.of("APPROVED", "PROCESSED")) {
      assertThat(ok(http.patch(API + "/admin/payouts/" + payout.getString("id"), new JsonObject()
        .put("status", status), admin)).getString("status")).isEqualTo(status);
    }

    assertThat(wallet()).isEqualTo(List.of(0L, 0L));
    JsonObject audit = ok(http.get(API + "/admin/wallet/audit", admin));
    assertThat(audit.getBoolean("balanced")).isTrue();
    assertThat(audit.getJsonArray("mismatches")).isEmpty();
    assertThat(audit.getInteger("negativeResellerAccounts")).isZero();
    List<JsonObject> sellers = notifications(seller, 6);
    assertThat(sellers).extracting(n -> n.getString("type")).containsExactlyInAnyOrder("payment.succeeded",
      "wallet.commission.pending", "wallet.commission.available", "wallet.payout.requested",
      "wallet.payout.processed", "wallet.payout.processed");
    assertThat(sellers).extracting(n -> n.getString("title"))
      .contains("Payout requested", "Payout approved", "Payout processed");
  }

  @Test
  @Order(7)
  void a_second_sale_cancelled_after_payment_returns_the_stock_refunds_and_reverses_the_commission() {
    secondOrderId = created(http.post(API + "/orders", orderBody(2), withKey(buyer))).getString("id");
    pay(secondOrderId, "CARD");
    eventually(API + "/orders/" + secondOrderId, buyer, o -> o.getString("status").equals("PAID"));
    assertThat(Poll.until(EVENTUAL, POLL, JourneyIT::wallet, w -> w.get(0) > 0)).isEqualTo(List.of(commission(2), 0L));
    assertThat(Poll.until(EVENTUAL, POLL, JourneyIT::stock, s -> s.get(0) == 7)).containsExactly(7, 4);
    assertThat(sales(2)).isEqualTo(List.of(3 * SELLER_PRICE, commission(1) + commission(2)));

    assertThat(ok(http.patch(API + "/orders/" + secondOrderId + "/status", new JsonObject()
      .put("status", "CANCELLED"), admin)).getString("status")).isEqualTo("CANCELLED");

    JsonObject payments = eventually(API + "/orders/" + secondOrderId + "/payments", buyer,
      p -> p.getJsonArray("items").getJsonObject(0).getString("status").equals("REFUNDED"));
    assertThat(payments.getJsonArray("items")).hasSize(1);
    assertThat(payments.getJsonArray("items").getJsonObject(0).getLong("amount")).isEqualTo(2 * SELLER_PRICE);
    assertThat(Poll.until(EVENTUAL, POLL, JourneyIT::wallet, w -> w.get(0) == 0)).isEqualTo(List.of(0L, 0L));
    assertThat(Poll.until(EVENTUAL, POLL, JourneyIT::stock, s -> s.get(0) == 9)).containsExactly(9, 4);
    assertThat(sales(1)).isEqualTo(List.of(SELLER_PRICE, commission(1)));
    assertThat(types(notifications(buyer, 7))).containsExactlyInAnyOrder("order.created", "order.paid", "order.shipped",
      "order.delivered", "order.created", "order.paid", "order.cancelled");
    assertThat(webhooks(15)).containsExactlyInAnyOrder("order.created", "order.paid", "payment.succeeded",
      "wallet.commission.pending", "order.shipped", "order.delivered", "wallet.commission.available",
      "wallet.payout.requested", "wallet.payout.processed", "wallet.payout.processed", "order.created", "order.paid",
      "payment.succeeded", "wallet.commission.pending", "order.cancelled");
    assertThat(ok(http.get(API + "/admin/wallet/audit", admin)).getBoolean("balanced")).isTrue();
  }

  /** The commission on {@code quantity} units at the link's price: line total x rate, rounded half-even. */
  private static long commission(int quantity) {
    return BigDecimal.valueOf(SELLER_PRICE * quantity).multiply(BigDecimal.valueOf(RATE_BPS))
      .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN).longValueExact();
  }

  private static JsonObject orderBody(int quantity) {
    return new JsonObject().put("shareLinkCode", code)
      .put("items", new JsonArray().add(new JsonObject().put("variantId", variantId).put("quantity", quantity)))
      .put("shippingAddress", new JsonObject().put("name", "Ravi K").put("phone", "+91 98450 12345")
        .put("line1", "12 MG Road").put("city", "Bengaluru").put("postalCode", "560001").put("country", "IN"));
  }

  /** Starts a payment for the order and completes it in the sandbox, which sends the provider's signed webhook. */
  private static JsonObject pay(String order, String method) {
    String payment = created(http.post(API + "/payments", new JsonObject().put("orderId", order).put("method", method),
      withKey(buyer))).getString("id");
    return ok(http.post(API + "/payments/" + payment + "/sandbox/complete", new JsonObject().put("outcome", "succeed"),
      buyer));
  }

  /** The reseller's pending and available balances. */
  private static List<Long> wallet() {
    JsonObject wallet = ok(http.get(API + "/wallet", seller));
    return List.of(wallet.getLong("pendingBalance"), wallet.getLong("availableBalance"));
  }

  /** The link's revenue and commission once its stats count {@code orders} orders. */
  private static List<Long> sales(long orders) {
    JsonObject stats = eventually(API + "/share-links/" + code + "/stats", seller, s -> s.getLong("orders") == orders);
    return List.of(stats.getLong("revenue"), stats.getLong("commission"));
  }

  private static List<Integer> stock() {
    return ok(http.get(API + "/products/" + productId)).getJsonArray("variants").stream()
      .map(v -> ((JsonObject) v).getInteger("stock")).toList();
  }

  /** The caller's notifications, newest first, once there are {@code count}. */
  private static List<JsonObject> notifications(Map<String, String> caller, int count) {
    JsonObject page = eventually(API + "/notifications?limit=50", caller, p -> p.getJsonArray("items").size() >= count);
    return page.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  private static List<String> types(List<JsonObject> notifications) {
    return notifications.stream().map(n -> n.getString("type")).toList();
  }

  /** The types of the webhooks the reseller's receiver got, once there are {@code count}, each signature checked. */
  private static List<String> webhooks(int count) {
    Poll.until(EVENTUAL, () -> receiver.received.size() >= count);
    assertThat(receiver.received).hasSize(count).allSatisfy(request ->
      assertThat(request.header("webhook-signature")).isEqualTo(request.signatureWith(webhookSecret)));
    return receiver.received.stream().map(r -> new JsonObject(r.body()).getString("type")).toList();
  }

  private static JsonObject eventually(String path, Map<String, String> caller, Predicate<JsonObject> done) {
    JsonObject last = Poll.until(EVENTUAL, POLL, () -> ok(http.get(path, caller)), done);
    assertThat(done.test(last)).as("%s within %s: %s", path, EVENTUAL, last).isTrue();
    return last;
  }

  private static Map<String, String> withKey(Map<String, String> caller) {
    return OrderWorld.withKey(caller, UUID.randomUUID().toString());
  }

  private static JsonObject ok(Response response) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return response.json();
  }

  private static JsonObject created(Response response) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.json();
  }
}
