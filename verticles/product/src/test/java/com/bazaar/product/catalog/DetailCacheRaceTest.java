package com.bazaar.product.catalog;

import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.testing.OnContext;
import com.bazaar.platform.testing.TestBus;
import com.bazaar.platform.testing.TestDatabase;
import com.bazaar.platform.testing.TestStack;
import com.bazaar.product.ProductFixtures;
import com.bazaar.product.ProductVerticle;
import com.bazaar.product.api.ProductAddresses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers and readers of one product at once: a read that began before a write committed must not put the old
 * detail back in the cache after the write dropped it. Once the writers stop, every read is the database's version.
 */
class DetailCacheRaceTest {
  private static final int ROUNDS = 60;
  private static TestStack stack;
  private static ProductFixtures products;

  @BeforeAll
  static void start() {
    stack = TestStack.start().migrate(ProductVerticle.SERVICE).deploy(ProductVerticle::new, 2);
    products = new ProductFixtures(stack.bus());
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static Future<Object> call(String address, JsonObject params, Object body) {
    BusRequest request = new BusRequest(params, new JsonObject(), new JsonObject(), body, TestBus.admin(), "race");
    return stack.vertx().eventBus().request(address, request.toJson()).map(m -> m.body());
  }

  private static int databaseVersion(String id) throws Exception {
    try (Connection connection = TestDatabase.connect(stack.database().name());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT version FROM product.products WHERE id = '" + id + "'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Test
  void after_concurrent_writers_stop_every_read_returns_the_database_version() throws Exception {
    String id = products.created(ProductFixtures.shirt("Raced " + UUID.randomUUID().toString().substring(0, 8), 1_000))
      .getString("id");
    JsonObject params = new JsonObject().put("idOrSlug", id);
    List<Integer> staleReads = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      int name = round;
      OnContext.await(stack.vertx().getOrCreateContext(), () -> {
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
          Promise<Void> done = Promise.promise();
          readUntil(params, writing, done);
          readers.add(done.future());
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
          writers.add(call(ProductAddresses.PRODUCTS_UPDATE, params,
            new JsonObject().put("description", "round " + name + " writer " + w)));
        }
        return Future.join(writers).eventually(() -> {
          writing.set(false);
          return Future.join(readers);
        });
      });
      int expected = databaseVersion(id);
      int served = products.get(id, Principal.ANONYMOUS).body().getInteger("version");
      if (served != expected) {
        staleReads.add(round);
      }
    }

    assertThat(staleReads).as("rounds whose cache kept an older version than the database").isEmpty();
  }

  private static void readUntil(JsonObject params, AtomicBoolean writing, Promise<Void> done) {
    call(ProductAddresses.PRODUCTS_GET, params, null).onComplete(ar -> {
      if (writing.get()) {
        readUntil(params, writing, done);
      } else {
        done.complete();
      }
    });
  }
}
