package com.bazaar.app.guards;

import com.bazaar.payment.provider.WebhookSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;


import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A fixture for every operation of the contract, by operationId. An operation without one fails the access
 * matrix, so a new operation cannot slip through unguarded.
 */
final class AccessFixtures {
  private AccessFixtures() {
  }

  static Map<String, Fixture> all() {
    Map<String, Fixture> fixtures = new HashMap<>();
    system(fixtures);
    auth(fixtures);
    catalog(fixtures);
    pricing(fixtures);
    shareLinks(fixtures);
    orders(fixtures);
    payments(fixtures);
    wallet(fixtures);
    notifications(fixtures);
    events(fixtures);
    return fixtures;
  }

  private static void system(Map<String, Fixture> f) {
    f.put("health", (a, c) -> Call.of("GET", "/health"));
    f.put("ready", (a, c) -> Call.of("GET", "/ready"));
    f.put("metrics", (a, c) -> Call.of("GET", "/metrics"));
    f.put("contract", (a, c) -> Call.of("GET", "/openapi.yaml"));
    f.put("docs", (a, c) -> Call.of("GET", "/docs"));
    f.put("eventsContract", (a, c) -> Call.of("GET", "/asyncapi.yaml"));
  }

  private static void shareLinks(Map<String, Fixture> f) {
    f.put("createShareLink", (a, c) -> Call.of("POST", "/api/v1/share-links", new JsonObject()
        .put("productId", new CatalogData(a).pricedProduct().getString("id")).put("sellerPrice", 1_200))
      .withHeaders(Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    f.put("listShareLinks", (a, c) -> Call.of("GET", "/api/v1/share-links"));
    f.put("resolveShareLink", (a, c) -> Call.of("GET", "/api/v1/share-links/" + shareLink(a)));
    f.put("openShareLink", (a, c) -> Call.of("GET", "/s/" + shareLink(a)));
    f.put("updateShareLink", (a, c) -> Call.of("PATCH", "/api/v1/share-links/" + shareLink(a),
      new JsonObject().put("isActive", false)).ownedBy(Caller.RESELLER));
    f.put("shareLinkStats", (a, c) -> Call.of("GET", "/api/v1/share-links/" + shareLink(a) + "/stats")
      .ownedBy(Caller.RESELLER));
  }

  /** A live link of a priced product, made by the RESELLER caller; its code. */
  static String shareLink(Actors a) {
    JsonObject body = new JsonObject().put("productId", new CatalogData(a).pricedProduct().getString("id"))
      .put("sellerPrice", 1_200);
    Map<String, String> headers = new HashMap<>(a.headers(Caller.RESELLER));
    headers.put("Idempotency-Key", UUID.randomUUID().toString());
    var created = a.http().post("/api/v1/share-links", body, headers);
    if (created.status() != 201) {
      throw new IllegalStateException("Could not create a share link: " + created.status() + " " + created.body());
    }
    return created.json().getString("code");
  }

  private static void orders(Map<String, Fixture> f) {
    f.put("createOrder", (a, c) -> Call.of("POST", "/api/v1/orders", orderBody(a))
      .withHeaders(Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    f.put("listOrders", (a, c) -> Call.of("GET", "/api/v1/orders"));
    f.put("listSellerOrders", (a, c) -> Call.of("GET", "/api/v1/seller/orders"));
    f.put("getOrder", (a, c) -> Call.of("GET", "/api/v1/orders/" + order(a)).ownedBy(Caller.CUSTOMER));
    f.put("orderHistory", (a, c) -> Call.of("GET", "/api/v1/orders/" + order(a) + "/history").ownedBy(Caller.CUSTOMER));
    f.put("changeOrderStatus", (a, c) -> Call.of("PATCH", "/api/v1/orders/" + order(a) + "/status",
      new JsonObject().put("status", "CANCELLED")).ownedBy(Caller.CUSTOMER));
  }

  /** One unit of a fresh product's variant, to an address. */
  private static JsonObject orderBody(Actors a) {
    String variantId = new CatalogData(a).product().getJsonArray("variants").getJsonObject(0).getString("id");
    return new JsonObject()
      .put("items", new JsonArray().add(new JsonObject().put("variantId", variantId).put("quantity", 1)))
      .put("shippingAddress", new JsonObject().put("name", "Asha Guard").put("phone", "+91 98450 00000")
        .put("line1", "1 Guard Road").put("city", "Bengaluru").put("postalCode", "560001").put("country", "IN"));
  }

  /** A PENDING order placed by the CUSTOMER caller; its id. */
  static String order(Actors a) {
    Map<String, String> headers = new HashMap<>(a.headers(Caller.CUSTOMER));
    headers.put("Idempotency-Key", UUID.randomUUID().toString());
    var created = a.http().post("/api/v1/orders", orderBody(a), headers);
    if (created.status() != 201) {
      throw new IllegalStateException("Could not place an order: " + created.status() + " " + created.body());
    }
    return created.json().getString("id");
  }

  private static void payments(Map<String, Fixture> f) {
    f.put("createPayment", (a, c) -> Call.of("POST", "/api/v1/payments", new JsonObject().put("orderId", order(a))
      .put("method", "UPI")).withHeaders(Map.of("Idempotency-Key", UUID.randomUUID().toString()))
      .ownedBy(Caller.CUSTOMER));
    f.put("getPayment", (a, c) -> Call.of("GET", "/api/v1/payments/" + payment(a)).ownedBy(Caller.CUSTOMER));
    f.put("orderPayments", (a, c) -> Call.of("GET", "/api/v1/orders/" + order(a) + "/payments")
      .ownedBy(Caller.CUSTOMER));
    f.put("completeSandboxPayment", (a, c) -> Call.of("POST", "/api/v1/payments/" + payment(a) + "/sandbox/complete",
      new JsonObject().put("outcome", "fail")).ownedBy(Caller.CUSTOMER));
    f.put("paymentWebhook", (a, c) -> {
      JsonObject event = new JsonObject().put("event", "payment.captured").put("payload", new JsonObject()
        .put("payment", new JsonObject().put("entity", new JsonObject().put("id", "pay_guards")
          .put("order_id", "order_unknown_" + UUID.randomUUID()).put("amount", 100).put("currency", "INR"))));
      String signature = new WebhookSignature("bazaar-sandbox-webhook-secret").sign(event.toBuffer());
      return Call.of("POST", "/api/v1/payments/webhook", event)
        .withHeaders(Map.of("X-Razorpay-Signature", signature));
    });
  }

  /** A CREATED sandbox payment of a fresh order of the CUSTOMER caller; its id. */
  private static String payment(Actors a) {
    Map<String, String> headers = new HashMap<>(a.headers(Caller.CUSTOMER));
    headers.put("Idempotency-Key", UUID.randomUUID().toString());
    var created = a.http().post("/api/v1/payments", new JsonObject().put("orderId", order(a)).put("method", "UPI"),
      headers);
    if (created.status() != 201) {
      throw new IllegalStateException("Could not start a payment: " + created.status() + " " + created.body());
    }
    return created.json().getString("id");
  }

  private static void wallet(Map<String, Fixture> f) {
    f.put("getWallet", (a, c) -> Call.of("GET", "/api/v1/wallet"));
    f.put("walletTransactions", (a, c) -> Call.of("GET", "/api/v1/wallet/transactions"));
    f.put("requestPayout", (a, c) -> Call.of("POST", "/api/v1/wallet/payouts", new JsonObject().put("amount", 100)
      .put("bankAccount", "HDFC 0001 2345 67")).withHeaders(Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    f.put("listPayouts", (a, c) -> Call.of("GET", "/api/v1/wallet/payouts"));
    f.put("adminPayouts", (a, c) -> Call.of("GET", "/api/v1/admin/payouts"));
    f.put("decidePayout", (a, c) -> Call.of("PATCH", "/api/v1/admin/payouts/" + payout(a),
      new JsonObject().put("status", "APPROVED")));
    f.put("walletAudit", (a, c) -> Call.of("GET", "/api/v1/admin/wallet/audit"));
  }

  /** A REQUESTED payout of the RESELLER caller, its amount held from a seeded available balance; its id. */
  private static String payout(Actors a) {
    String reseller = a.userId(Caller.RESELLER);
    a.seed("SELECT wallet.transfer(gen_random_uuid(), '" + reseller + "', NULL, 'COMMISSION_EXPENSE', '" + reseller
      + "', 'AVAILABLE', 'INR', 500, 'COMMISSION_AVAILABLE', '" + UUID.randomUUID() + "')");
    Map<String, String> headers = new HashMap<>(a.headers(Caller.RESELLER));
    headers.put("Idempotency-Key", UUID.randomUUID().toString());
    var created = a.http().post("/api/v1/wallet/payouts", new JsonObject().put("amount", 500)
      .put("bankAccount", "HDFC 0001 2345 67"), headers);
    if (created.status() != 201) {
      throw new IllegalStateException("Could not request a payout: " + created.status() + " " + created.body());
    }
    return created.json().getString("id");
  }

  private static void notifications(Map<String, Fixture> f) {
    f.put("listNotifications", (a, c) -> Call.of("GET", "/api/v1/notifications"));
    f.put("unreadNotifications", (a, c) -> Call.of("GET", "/api/v1/notifications/unread-count"));
    f.put("markNotificationsRead", (a, c) -> Call.of("POST", "/api/v1/notifications/read",
      new JsonObject().put("all", true)));
    f.put("putWebhook", (a, c) -> Call.of("PUT", "/api/v1/notifications/webhook", new JsonObject()
      .put("url", "http://127.0.0.1:9/hooks").put("events", new JsonArray().add("order.delivered"))));
    f.put("getWebhook", (a, c) -> {
      webhook(a);
      return Call.of("GET", "/api/v1/notifications/webhook");
    });
    f.put("deleteWebhook", (a, c) -> {
      webhook(a);
      return Call.of("DELETE", "/api/v1/notifications/webhook");
    });
    f.put("webhookDeliveries", (a, c) -> Call.of("GET", "/api/v1/notifications/webhook/deliveries"));
    f.put("retryWebhookDelivery", (a, c) -> Call.of("POST", "/api/v1/notifications/webhook/deliveries/"
      + failedDelivery(a) + "/retry").ownedBy(Caller.RESELLER));
  }

  /** A webhook of the RESELLER caller, to a port nothing listens on, for an event no fixture makes. */
  private static void webhook(Actors a) {
    a.seed("INSERT INTO notification.webhook_endpoints (reseller_id, url, host, events, secret) VALUES ('"
      + a.userId(Caller.RESELLER) + "', 'http://127.0.0.1:9/hooks', '127.0.0.1', '{order.delivered}', "
      + "'whsec_c2VjcmV0') ON CONFLICT (reseller_id) DO NOTHING");
  }

  /** A FAILED delivery of the RESELLER caller's webhook; its id. */
  private static String failedDelivery(Actors a) {
    webhook(a);
    String id = UUID.randomUUID().toString();
    a.seed("INSERT INTO notification.webhook_deliveries (id, reseller_id, host, event_type, payload, status, attempts) "
      + "VALUES ('" + id + "', '" + a.userId(Caller.RESELLER) + "', '127.0.0.1', 'order.delivered', '{}', 'FAILED', 8)");
    return id;
  }

  private static void events(Map<String, Fixture> f) {
    f.put("listDeadLetters", (a, c) -> Call.of("GET", "/api/v1/admin/events/dead"));
    f.put("getDeadLetter", (a, c) -> Call.of("GET", "/api/v1/admin/events/dead/" + deadLetter(a)));
    f.put("replayDeadLetter", (a, c) -> Call.of("POST", "/api/v1/admin/events/dead/" + deadLetter(a) + "/replay"));
  }

  /** A parked dead letter of a queue nobody consumes, so a replay is confirmed by the broker and goes nowhere. */
  private static String deadLetter(Actors a) {
    String id = UUID.randomUUID().toString();
    a.seed("INSERT INTO events.dead_letters (id, queue, event_id, type, reason, deliveries, body, dead_at) VALUES ('"
      + id + "', 'guards.nobody', NULL, 'test.happened', 'seeded by the guards', 4, convert_to('{}', 'UTF8'), now())");
    return id;
  }

  private static void auth(Map<String, Fixture> f) {
    f.put("register", (a, c) -> Call.of("POST", "/api/v1/auth/register", new JsonObject()
      .put("email", CatalogData.unique("new") + "@guards.test").put("password", Actors.PASSWORD)));
    f.put("login", (a, c) -> {
      String email = CatalogData.unique("login") + "@guards.test";
      a.register(email, "CUSTOMER");
      return Call.of("POST", "/api/v1/auth/login", new JsonObject().put("email", email).put("password", Actors.PASSWORD));
    });
    f.put("refresh", (a, c) -> {
      String email = CatalogData.unique("refresh") + "@guards.test";
      a.register(email, "CUSTOMER");
      return Call.of("POST", "/api/v1/auth/refresh",
        new JsonObject().put("refreshToken", a.login(email, Actors.PASSWORD).getString("refreshToken")));
    });
    f.put("logout", (a, c) -> Call.of("POST", "/api/v1/auth/logout", new JsonObject().put("refreshToken",
      c == Caller.ANONYMOUS ? "none" : a.refreshToken(c))).revokingTheCaller());
    f.put("me", (a, c) -> Call.of("GET", "/api/v1/auth/me"));
    f.put("updateUser", (a, c) -> {
      String id = a.register(CatalogData.unique("managed") + "@guards.test", "CUSTOMER");
      return Call.of("PATCH", "/api/v1/admin/users/" + id, new JsonObject().put("isActive", false));
    });
  }

  private static void catalog(Map<String, Fixture> f) {
    f.put("listCategories", (a, c) -> Call.of("GET", "/api/v1/categories"));
    f.put("createCategory", (a, c) -> Call.of("POST", "/api/v1/categories",
      new JsonObject().put("name", CatalogData.unique("Created"))));
    f.put("getCategory", (a, c) -> Call.of("GET", "/api/v1/categories/" + new CatalogData(a).category().getString("slug")));
    f.put("updateCategory", (a, c) -> Call.of("PATCH", "/api/v1/categories/" + new CatalogData(a).category().getString("id"),
      new JsonObject().put("description", "changed")));
    f.put("deleteCategory", (a, c) -> Call.of("DELETE", "/api/v1/categories/" + new CatalogData(a).category().getString("id")));
    f.put("listProducts", (a, c) -> Call.of("GET", "/api/v1/products"));
    f.put("createProduct", (a, c) -> Call.of("POST", "/api/v1/products", new JsonObject()
      .put("name", CatalogData.unique("Created Tee"))
      .put("variants", new JsonArray().add(new JsonObject().put("price", 900).put("stock", 1)))));
    f.put("getProduct", (a, c) -> Call.of("GET", "/api/v1/products/" + new CatalogData(a).product().getString("slug")));
    f.put("updateProduct", (a, c) -> Call.of("PATCH", "/api/v1/products/" + new CatalogData(a).product().getString("id"),
      new JsonObject().put("description", "changed")));
    f.put("deleteProduct", (a, c) -> Call.of("DELETE", "/api/v1/products/" + new CatalogData(a).product().getString("id")));
    f.put("addVariant", (a, c) -> Call.of("POST", "/api/v1/products/" + new CatalogData(a).product().getString("id")
      + "/variants", new JsonObject().put("price", 1_100).put("stock", 2).put("optionValues", new JsonObject().put("Size", "M"))));
    f.put("updateVariant", (a, c) -> Call.of("PATCH", "/api/v1/variants/" + new CatalogData(a).product()
      .getJsonArray("variants").getJsonObject(0).getString("id"), new JsonObject().put("price", 1_050)));
  }

  private static void pricing(Map<String, Fixture> f) {
    f.put("getPricing", (a, c) -> Call.of("GET", "/api/v1/pricing/products/" + new CatalogData(a).pricedProduct().getString("id")));
    f.put("putPricing", (a, c) -> Call.of("PUT", "/api/v1/pricing/products/" + new CatalogData(a).product().getString("id"),
      CatalogData.pricing()));
    f.put("validateMargin", (a, c) -> Call.of("POST", "/api/v1/pricing/validate-margin", new JsonObject()
      .put("productId", new CatalogData(a).pricedProduct().getString("id")).put("sellerPrice", 1_100)));
    f.put("calculatePricing", (a, c) -> Call.of("POST", "/api/v1/pricing/calculate", new JsonObject().put("items",
      new JsonArray().add(new JsonObject().put("productId", new CatalogData(a).pricedProduct().getString("id"))
        .put("quantity", 2)))));
  }
}
