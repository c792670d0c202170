package com.bazaar.platform.db;

import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(VertxExtension.class)
class PgPoolsTest {
  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
    database.execute("CREATE SCHEMA product; CREATE TABLE product.things (id int PRIMARY KEY)");
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void each_service_pool_works_in_its_own_schema_with_the_configured_size(Vertx vertx) {
    PgPools pools = new PgPools(vertx, PgSettings.from(TestConfig.forDatabase(database.name(),
      Map.of("BAZAAR_PG_POOL_SIZE_PRODUCT", "3"))), 2);

    pools.forService("product").write().query("INSERT INTO things VALUES (1)").execute().await();
    Row row = pools.forService("product").read()
      .query("SELECT current_schema() AS schema, (SELECT count(*) FROM things) AS n").execute().await()
      .iterator().next();

    List<Future<Integer>> sleepers = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      sleepers.add(pools.forService("product").write()
        .query("SELECT pg_backend_pid() AS pid, pg_sleep(0.2)").execute()
        .map(rows -> rows.iterator().next().getInteger("pid")));
    }
    Future.all(sleepers).await();

    assertThat(row.getString("schema")).isEqualTo("product");
    assertThat(row.getLong("n")).isEqualTo(1);
    assertThat(pools.forService("product").read()).isSameAs(pools.forService("product").write());
    assertThat(sleepers.stream().map(Future::result).distinct()).hasSize(3);
    pools.close().await();
  }

  @Test
  void a_query_over_the_statement_timeout_is_cancelled_and_maps_to_504(Vertx vertx) {
    PgPools pools = new PgPools(vertx, PgSettings.from(TestConfig.forDatabase(database.name(),
      Map.of("BAZAAR_PG_STATEMENT_TIMEOUT_MS", "100"))), 2);

    Throwable failure = catchThrowable(() -> pools.forService("product").write().query("SELECT pg_sleep(2)").execute().await());

    ApiError error = ErrorMapper.map(failure);
    assertThat(error.status()).isEqualTo(504);
    pools.close().await();
  }

  @Test
  void a_replica_host_gives_reads_their_own_pool(Vertx vertx) {
    PgPools pools = new PgPools(vertx, PgSettings.from(TestConfig.forDatabase(database.name(),
      Map.of("BAZAAR_PG_REPLICA_HOST", "127.0.0.1"))), 2);

    ServiceDb db = pools.forService("product");
    long count = db.read().query("SELECT count(*) FROM things").execute().await().iterator().next().getLong(0);

    assertThat(db.read()).isNotSameAs(db.write());
    assertThat(count).isGreaterThanOrEqualTo(0);
    pools.close().await();
  }
}
