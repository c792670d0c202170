package com.bazaar.product.stock;

import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.testing.OnContext;
import com.bazaar.platform.testing.TestBus;
import com.bazaar.platform.testing.TestBus.Result;
import com.bazaar.platform.testing.TestStack;
import com.bazaar.product.ProductFixtures;
import com.bazaar.product.ProductVerticle;
import com.bazaar.product.api.ProductAddresses;
import com.bazaar.product.api.StockClient;
import com.bazaar.product.api.StockLine;
import com.bazaar.product.api.VariantSnapshot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StockServiceTest {
  private static TestStack stack;
  private static TestBus bus;
  private static ProductFixtures products;
  private static StockClient client;

  @BeforeAll
  static void start() {
    stack = TestStack.start(Map.of("BAZAAR_BREAKERS_CALL_TIMEOUT_MS", "30000"))
      .migrate(ProductVerticle.SERVICE).deploy(ProductVerticle::new, 2);
    bus = stack.bus();
    client = new StockClient(stack.platform().bus(), Principal.service("order"));
    products = new ProductFixtures(bus);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static List<String> variantIds(JsonObject product) {
    return product.getJsonArray("variants").stream().map(v -> ((JsonObject) v).getString("id")).toList();
  }

  private static JsonObject withStock(String name, int stock) {
    JsonObject product = ProductFixtures.shirt(name + " " + UUID.randomUUID().toString().substring(0, 6), 1_000);
    product.getJsonArray("variants").forEach(v -> ((JsonObject) v).put("stock", stock));
    return products.created(product);
  }

  private static Result reserve(UUID orderId, List<StockLine> lines) {
    return bus.call(ProductAddresses.STOCK_RESERVE, Map.of(), Map.of(),
      StockLine.request(lines).put("orderId", orderId.toString()), Principal.ANONYMOUS);
  }

  private static Result release(UUID orderId) {
    return bus.call(ProductAddresses.STOCK_RELEASE, Map.of(), Map.of(),
      new JsonObject().put("orderId", orderId.toString()), Principal.ANONYMOUS);
  }

  private static int stockOf(String productId, String variantId) {
    return products.get(productId, TestBus.admin()).body().getJsonArray("variants").stream()
      .map(v -> (JsonObject) v).filter(v -> v.getString("id").equals(variantId)).findFirst().orElseThrow().getInteger("stock");
  }

  @Test
  void of_200_concurrent_reservations_of_one_unit_against_stock_10_exactly_10_succeed() {
    JsonObject product = withStock("Scarce", 10);
    String variant = variantIds(product).get(0);
    List<StockLine> one = List.of(new StockLine(UUID.fromString(variant), 1));

    List<Future<List<StockLine>>> attempts = OnContext.await(stack.vertx().getOrCreateContext(), () -> {
      List<Future<List<StockLine>>> started = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        started.add(client.reserve(UUID.randomUUID(), one));
      }
      return Future.join(started).otherwiseEmpty().map(started);
    });

    assertThat(attempts.stream().filter(Future::succeeded)).hasSize(10);
    assertThat(attempts.stream().filter(Future::failed).map(f -> ((ApiError) f.cause()).status()))
      .hasSize(190).allMatch(code -> code == 409);
    assertThat(stockOf(product.getString("id"), variant)).isZero();
  }

  @Test
  void a_multi_line_reservation_with_one_short_line_changes_nothing_and_names_that_line() {
    JsonObject product = withStock("Partial", 3);
    List<String> ids = variantIds(product);

    Result result = reserve(UUID.randomUUID(), List.of(
      new StockLine(UUID.fromString(ids.get(0)), 2), new StockLine(UUID.fromString(ids.get(1)), 4),
      new StockLine(UUID.fromString(ids.get(2)), 1)));

    assertThat(result.status()).isEqualTo(409);
    assertThat(result.errorCode()).isEqualTo("OUT_OF_STOCK");
    assertThat(result.body().getJsonObject("error").getJsonObject("details").getJsonArray("variantIds"))
      .containsExactly(ids.get(1));
    for (String id : ids) {
      assertThat(stockOf(product.getString("id"), id)).isEqualTo(3);
    }
  }

  @Test
  void a_reservation_takes_stock_for_every_line_summing_repeats_and_a_release_gives_it_back() {
    JsonObject product = withStock("Balanced", 5);
    List<String> ids = variantIds(product);
    products.get(product.getString("id"), Principal.ANONYMOUS);
    List<StockLine> lines = List.of(new StockLine(UUID.fromString(ids.get(0)), 2),
      new StockLine(UUID.fromString(ids.get(0)), 1), new StockLine(UUID.fromString(ids.get(1)), 5));

    UUID order = UUID.randomUUID();
    Result reserved = reserve(order, lines);
    int afterReserve = stockOf(product.getString("id"), ids.get(0));
    int publicView = products.get(product.getString("id"), Principal.ANONYMOUS).body().getJsonArray("variants")
      .getJsonObject(0).getInteger("stock");
    Result released = release(order);

    assertThat(reserved.status()).isEqualTo(200);
    assertThat(afterReserve).isEqualTo(2);
    assertThat(publicView).as("the cached detail was dropped").isEqualTo(2);
    assertThat(stockOf(product.getString("id"), ids.get(1))).isEqualTo(5);
    assertThat(released.status()).isEqualTo(200);
    assertThat(stockOf(product.getString("id"), ids.get(0))).isEqualTo(5);
  }

  @Test
  void unknown_variants_and_bad_lines_are_refused() {
    Result unknown = reserve(UUID.randomUUID(), List.of(new StockLine(UUID.randomUUID(), 1)));
    Result empty = bus.call(ProductAddresses.STOCK_RESERVE, Map.of(), Map.of(), new JsonObject().put("lines", new JsonArray())
      .put("orderId", UUID.randomUUID().toString()), Principal.ANONYMOUS);
    Result zero = reserve(UUID.randomUUID(), List.of(new StockLine(UUID.randomUUID(), 0)));
    Result noOrder = bus.call(ProductAddresses.STOCK_RESERVE, Map.of(), Map.of(),
      StockLine.request(List.of(new StockLine(UUID.randomUUID(), 1))), Principal.ANONYMOUS);

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.errorCode()).isEqualTo("UNKNOWN_VARIANT");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(zero.status()).isEqualTo(400);
    assertThat(noOrder.status()).isEqualTo(400);
  }

  @Test
  void a_reserve_retried_after_a_bus_timeout_takes_the_stock_once_and_a_release_gives_it_back_once() {
    JsonObject product = withStock("Retried", 5);
    String variant = variantIds(product).get(0);
    UUID order = UUID.randomUUID();
    List<StockLine> two = List.of(new StockLine(UUID.fromString(variant), 2));
    BusRequest request = BusRequest.of(StockLine.request(two).put("orderId", order.toString()), Principal.service("order"));

    Throwable timedOut = OnContext.await(stack.vertx().getOrCreateContext(), () -> stack.platform().bus()
      .request(ProductAddresses.STOCK_RESERVE, request, 1).map((Throwable) null).otherwise(e -> e));
    List<StockLine> retried = OnContext.await(stack.vertx().getOrCreateContext(), () -> client.reserve(order, two));
    List<StockLine> again = OnContext.await(stack.vertx().getOrCreateContext(), () -> client.reserve(order, two));

    assertThat(timedOut).as("the first try timed out at the caller").isNotNull();
    assertThat(retried).containsExactlyElementsOf(two);
    assertThat(again).containsExactlyElementsOf(two);
    assertThat(stockOf(product.getString("id"), variant)).isEqualTo(3);

    Result other = reserve(order, List.of(new StockLine(UUID.fromString(variant), 1)));
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.errorCode()).isEqualTo("RESERVATION_MISMATCH");

    Result released = release(order);
    Result releasedAgain = release(order);
    assertThat(released.body().getJsonArray("released")).hasSize(1);
    assertThat(releasedAgain.body().getJsonArray("released")).isEmpty();
    assertThat(stockOf(product.getString("id"), variant)).isEqualTo(5);
    assertThat(reserve(order, two).errorCode()).as("a released order cannot reserve again").isEqualTo("RESERVATION_MISMATCH");
  }

  @Test
  void a_hundred_reservations_racing_ten_restocks_lose_no_unit() {
    JsonObject product = withStock("Restocked", 50);
    String variant = variantIds(product).get(0);
    List<StockLine> one = List.of(new StockLine(UUID.fromString(variant), 1));

    List<Future<?>> raced = OnContext.await(stack.vertx().getOrCreateContext(), () -> {
      List<Future<?>> started = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        started.add(client.reserve(UUID.randomUUID(), one));
        if (i % 10 == 0) {
          started.add(stack.platform().bus().request(ProductAddresses.VARIANTS_UPDATE, new BusRequest(
            new JsonObject().put("id", variant), new JsonObject(), new JsonObject(),
            new JsonObject().put("stockDelta", 5), TestBus.admin(), "restock"), 30_000));
        }
      }
      return Future.join(started).otherwiseEmpty().map(started);
    });

    long reserved = raced.stream().filter(f -> f.succeeded() && f.result() instanceof List).count();
    long restocked = raced.stream().filter(f -> f.succeeded() && !(f.result() instanceof List)).count();
    long held = stack.database().queryLong("SELECT coalesce(sum(r.quantity), 0) FROM product.stock_reservations r "
      + "WHERE r.variant_id = '" + variant + "' AND r.released_at IS NULL");
    assertThat(restocked).isEqualTo(10);
    assertThat(reserved).isEqualTo(held);
    assertThat(stockOf(product.getString("id"), variant)).isEqualTo(50 + 10 * 5 - reserved);
  }

  @Test
  void a_write_off_below_zero_is_refused_and_changes_nothing() {
    JsonObject product = withStock("Written off", 3);
    String variant = variantIds(product).get(0);
    Result refused = bus.call(ProductAddresses.VARIANTS_UPDATE, Map.of("id", variant), Map.of(),
      new JsonObject().put("stockDelta", -4), TestBus.admin());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("STOCK_BELOW_ZERO");
    assertThat(stockOf(product.getString("id"), variant)).isEqualTo(3);
  }

  @Test
  void concurrent_retries_of_one_order_take_its_stock_once() {
    JsonObject product = withStock("Stormed", 10);
    String variant = variantIds(product).get(0);
    UUID order = UUID.randomUUID();
    List<StockLine> one = List.of(new StockLine(UUID.fromString(variant), 1));

    List<Future<List<StockLine>>> attempts = OnContext.await(stack.vertx().getOrCreateContext(), () -> {
      List<Future<List<StockLine>>> started = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        started.add(client.reserve(order, one));
      }
      return Future.join(started).otherwiseEmpty().map(started);
    });

    assertThat(attempts).allMatch(Future::succeeded);
    assertThat(stockOf(product.getString("id"), variant)).isEqualTo(9);
  }

  @Test
  void a_lookup_answers_price_currency_state_and_stock_in_one_statement() {
    JsonObject product = withStock("Looked up", 7);
    List<String> ids = variantIds(product);
    stack.sql().clear();

    Map<UUID, VariantSnapshot> found = OnContext.await(stack.vertx().getOrCreateContext(), () -> client.lookup(
      Set.of(UUID.fromString(ids.get(0)), UUID.fromString(ids.get(3)), UUID.randomUUID())));

    List<VariantSnapshot> snapshots = List.copyOf(found.values());
    assertThat(snapshots).hasSize(2);
    assertThat(snapshots).allMatch(s -> s.active() && s.stock() == 7 && s.currency().equals("INR")
      && s.productId().toString().equals(product.getString("id")));
    assertThat(stack.sql().all()).hasSize(1);
  }
}
