package com.bazaar.app;

import com.bazaar.order.api.OrderClient;
import com.bazaar.order.api.OrderSnapshot;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestHttp.Response;
import com.bazaar.product.api.StockClient;
import com.bazaar.product.api.StockLine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status machine, its history, and every way stock comes back: cancel, expiry, and an order that never committed. */
class OrderLifecycleTest {
  private static final List<String> STATES = List.of("PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED");
  private static final List<String> HUMAN_TARGETS = List.of("SHIPPED", "DELIVERED", "CANCELLED");
  private static final Map<String, List<String>> ALLOWED = Map.of(
    "PENDING", List.of("PAID", "CANCELLED"),
    "PAID", List.of("SHIPPED", "CANCELLED"),
    "SHIPPED", List.of("DELIVERED", "CANCELLED"),
    "DELIVERED", List.of(),
    "CANCELLED", List.of());
  private static OrderWorld world;
  private static OrderClient payments;
  private static String variant;

  @BeforeAll
  static void start() {
    world = new OrderWorld(Map.of("BAZAAR_ORDERS_ORPHAN_GRACE_SEC", "10"));
    payments = new OrderClient(world.app.bazaar.platform().bus(), Principal.service("payment"));
    variant = OrderWorld.variant(world.product(1_000, 40_000), 0);
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  /** A fresh order brought to {@code state} the way the system would: paid by payments, moved by an ADMIN. */
  private static String orderIn(String state) {
    String id = world.placed(world.customer, OrderWorld.order(variant, "1")).getString("id");
    List<String> path = switch (state) {
      case "PENDING" -> List.of();
      case "PAID" -> List.of("PAID");
      case "SHIPPED" -> List.of("PAID", "SHIPPED");
      case "DELIVERED" -> List.of("PAID", "SHIPPED", "DELIVERED");
      default -> List.of("CANCELLED");
    };
    for (String step : path) {
      if (step.equals("PAID")) {
        payments.markPaid(UUID.fromString(id), UUID.randomUUID()).await();
      } else {
        assertThat(world.move(id, step, world.admin).status()).isEqualTo(200);
      }
    }
    return id;
  }

  @Test
  void every_move_of_the_status_machine_is_allowed_or_refused_with_409_exactly_as_the_table_says() {
    List<String> wrong = new ArrayList<>();
    for (String from : STATES) {
      for (String to : HUMAN_TARGETS) {
        String id = orderIn(from);
        Response moved = world.move(id, to, world.admin);
        boolean allowed = ALLOWED.get(from).contains(to);
        if (allowed ? moved.status() != 200 : moved.status() != 409 || !"INVALID_TRANSITION".equals(moved.errorCode())) {
          wrong.add(from + "->" + to + " answered " + moved.status() + " " + moved.body());
        }
        long rows = world.count("SELECT count(*) FROM \"order\".order_status_history WHERE order_id = '" + id + "'");
        long expectedRows = STATES.indexOf(from) == 4 ? 2 : Math.min(STATES.indexOf(from), 3) + 1;
        if (rows != expectedRows + (allowed ? 1 : 0)) {
          wrong.add(from + "->" + to + " left " + rows + " history rows");
        }
      }
      String id = orderIn(from);
      UUID payment = UUID.randomUUID();
      boolean payable = from.equals("PENDING");
      try {
        OrderSnapshot paid = payments.markPaid(UUID.fromString(id), payment).await();
        if (!payable || !paid.status().equals("PAID") || !payment.equals(paid.paymentId())) {
          wrong.add(from + "->PAID was allowed: " + paid);
        }
      } catch (RuntimeException refused) {
        ApiError error = ErrorMapper.map(refused);
        if (payable || error.status() != 409 || !error.code().equals("INVALID_TRANSITION")) {
          wrong.add(from + "->PAID: " + error.status() + " " + error.code());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void paid_is_set_only_by_the_payment_service_and_a_repeated_payment_changes_nothing() {
    String id = orderIn("PENDING");
    UUID payment = UUID.randomUUID();
    Response byHand = world.app.http.patch("/api/v1/orders/" + id + "/status", new JsonObject().put("status", "PAID"),
      world.admin);
    OrderClient impostor = new OrderClient(world.app.bazaar.platform().bus(), Principal.service("wallet"));

    assertThat(byHand.status()).isEqualTo(400);
    assertThatThrownBy(() -> impostor.markPaid(UUID.fromString(id), payment).await())
      .satisfies(e -> assertThat(ErrorMapper.map(e).status()).isEqualTo(403));
    payments.markPaid(UUID.fromString(id), payment).await();
    OrderSnapshot again = payments.markPaid(UUID.fromString(id), payment).await();

    assertThat(again.status()).isEqualTo("PAID");
    assertThat(world.count("SELECT count(*) FROM \"order\".outbox WHERE type = 'order.paid' AND body::jsonb -> 'data' "
      + "->> 'orderId' = '" + id + "'")).isEqualTo(1);
    assertThat(payments.snapshot(UUID.fromString(id)).await().totalAmount()).isEqualTo(40_000);
  }

  @Test
  void a_customer_may_cancel_only_their_own_unpaid_order() {
    String pending = orderIn("PENDING");
    String paid = orderIn("PAID");

    assertThat(world.move(pending, "CANCELLED", world.otherCustomer).status()).isEqualTo(404);
    assertThat(world.move(pending, "CANCELLED", world.reseller).status()).isEqualTo(404);
    assertThat(world.move(pending, "SHIPPED", world.customer).status()).isEqualTo(403);
    assertThat(world.move(paid, "CANCELLED", world.customer).status()).isEqualTo(403);
    Response cancelled = world.move(pending, "CANCELLED", world.customer);
    assertThat(cancelled.status()).isEqualTo(200);
    JsonArray history = cancelled.json().getJsonArray("history");
    assertThat(history.getJsonObject(history.size() - 1).getString("status")).isEqualTo("CANCELLED");
    assertThat(history.getJsonObject(history.size() - 1).getString("fromStatus")).isEqualTo("PENDING");
  }

  @Test
  void cancelling_gives_the_stock_back_once_even_after_shipping() {
    String own = OrderWorld.variant(world.product(5, 40_000), 0);
    String id = world.placed(world.customer, OrderWorld.order(own, "2")).getString("id");
    payments.markPaid(UUID.fromString(id), UUID.randomUUID()).await();
    assertThat(world.move(id, "SHIPPED", world.admin).status()).isEqualTo(200);
    assertThat(world.stock(own)).isEqualTo(3);

    assertThat(world.move(id, "CANCELLED", world.admin).status()).isEqualTo(200);

    assertThat(Poll.until(Duration.ofSeconds(10), () -> world.stock(own), stock -> stock == 5)).isEqualTo(5);
    assertThat(world.move(id, "CANCELLED", world.admin).status()).isEqualTo(409);
    assertThat(world.stock(own)).isEqualTo(5);
  }

  @Test
  void an_unpaid_order_past_the_payment_window_is_cancelled_by_the_sweeper_and_its_stock_comes_back() {
    String own = OrderWorld.variant(world.product(4, 40_000), 0);
    String late = world.placed(world.customer, OrderWorld.order(own, "3")).getString("id");
    String fresh = world.placed(world.customer, OrderWorld.order(own, "1")).getString("id");
    world.db().execute("UPDATE \"order\".orders SET created_at = now() - interval '31 minutes' WHERE id = '" + late + "'");

    String status = Poll.until(Duration.ofSeconds(10), () -> world.app.http.get("/api/v1/orders/" + late,
      world.customer).json().getString("status"), "CANCELLED"::equals);

    assertThat(status).isEqualTo("CANCELLED");
    assertThat(Poll.until(Duration.ofSeconds(10), () -> world.stock(own), stock -> stock == 3)).isEqualTo(3);
    assertThat(world.app.http.get("/api/v1/orders/" + fresh, world.customer).json().getString("status"))
      .isEqualTo("PENDING");
    JsonArray history = world.app.http.get("/api/v1/orders/" + late + "/history", world.customer).json()
      .getJsonArray("items");
    assertThat(history.getJsonObject(1).getString("actor")).isEqualTo("service:order");
    assertThat(history.getJsonObject(1).getString("notes")).isEqualTo("Not paid within 30 minutes");
  }

  @Test
  void stock_reserved_for_an_order_that_never_committed_is_released_by_the_sweeper() {
    String own = OrderWorld.variant(world.product(6, 40_000), 0);
    StockClient stock = new StockClient(world.app.bazaar.platform().bus(), Principal.service("order"));
    UUID neverPlaced = UUID.randomUUID();
    stock.reserve(neverPlaced, List.of(new StockLine(UUID.fromString(own), 2))).await();
    String placed = world.placed(world.customer, OrderWorld.order(own, "1")).getString("id");
    assertThat(world.stock(own)).isEqualTo(3);
    world.db().execute("UPDATE product.stock_reservations SET created_at = now() - interval '1 minute' "
      + "WHERE order_id IN ('" + neverPlaced + "', '" + placed + "')");
    world.db().execute("UPDATE product.stock_reservations SET confirmed_at = NULL WHERE order_id = '" + placed + "'");

    assertThat(Poll.until(Duration.ofSeconds(10), () -> world.stock(own), s -> s == 5)).isEqualTo(5);
    assertThat(world.count("SELECT count(*) FROM product.stock_reservations WHERE order_id = '" + placed
      + "' AND released_at IS NULL")).as("an order that exists keeps its stock").isEqualTo(1);
  }

  @Test
  void a_200_row_history_pages_in_order_and_the_detail_carries_exactly_the_last_20() {
    String id = orderIn("PENDING");
    world.db().execute("INSERT INTO \"order\".order_status_history (order_id, from_status, to_status, actor, notes) "
      + "SELECT '" + id + "', 'PENDING', 'PENDING', 'seed', 'note ' || n FROM generate_series(1, 199) AS n");

    List<String> notes = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Response page = world.app.http.get("/api/v1/orders/" + id + "/history?limit=64"
        + (cursor == null ? "" : "&cursor=" + cursor), world.customer);
      assertThat(page.status()).isEqualTo(200);
      page.json().getJsonArray("items").forEach(o -> notes.add(((JsonObject) o).getString("notes")));
      cursor = page.json().getString("nextCursor");
      pages++;
    } while (cursor != null);
    JsonArray recent = world.app.http.get("/api/v1/orders/" + id, world.customer).json().getJsonArray("history");

    assertThat(pages).isEqualTo(4);
    assertThat(notes).hasSize(200).doesNotHaveDuplicates();
    assertThat(notes.get(0)).isNull();
    assertThat(notes.get(199)).isEqualTo("note 199");
    assertThat(recent).hasSize(20);
    assertThat(recent.getJsonObject(0).getString("notes")).isEqualTo("note 180");
    assertThat(recent.getJsonObject(19).getString("notes")).isEqualTo("note 199");
    assertThatThrownBy(() -> world.db().execute("UPDATE \"order\".order_status_history SET notes = 'rewritten' "
      + "WHERE order_id = '" + id + "'")).hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> world.db().execute("DELETE FROM \"order\".order_status_history WHERE order_id = '" + id
      + "'")).hasStackTraceContaining("append-only");
  }
}
