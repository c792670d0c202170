package com.bazaar.platform.error;

import com.bazaar.platform.db.PgPools;
import com.bazaar.platform.db.PgSettings;
import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each mapping of {@link ErrorMapper} against the failure Vert.x really raises, provoked for real: if an upgrade
 * changes what a client throws, the test of its mapping fails, rather than a 503 silently becoming a 500.
 */
class FailureMappingTest {
  private static final Vertx VERTX = Vertx.vertx();
  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
    database.execute("CREATE SCHEMA product");
  }

  @AfterAll
  static void close() {
    database.close();
    VERTX.close().await();
  }

  @Test
  void a_pool_with_no_free_connection_in_time_is_503_busy() {
    PgPools pools = pools(Map.of("BAZAAR_PG_POOL_SIZE_PRODUCT", "1", "BAZAAR_PG_POOL_WAIT_TIMEOUT_MS", "100"));
    Pool pool = pools.forService("product").write();
    var busy = pool.query("SELECT pg_sleep(0.5)").execute();

    Throwable waited = catchThrowable(() -> pool.query("SELECT 1").execute().await());

    ApiError error = ErrorMapper.map(waited);
    assertThat(error.status()).as(String.valueOf(waited)).isEqualTo(503);
    assertThat(error.code()).isEqualTo("BUSY");
    busy.otherwiseEmpty().await();
    pools.close().await();
  }

  @Test
  void a_database_that_refuses_connections_is_503() {
    PgPools pools = pools(Map.of("BAZAAR_PG_PORT", "1"));

    ApiError error = ErrorMapper.map(catchThrowable(() -> pools.forService("product").write().query("SELECT 1")
      .execute().await()));

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.code()).isEqualTo("SERVICE_UNAVAILABLE");
    pools.close().await();
  }

  @Test
  void a_connection_the_database_closes_under_a_query_is_503() {
    PgPools pools = pools(Map.of());
    Pool pool = pools.forService("product").write();
    SqlConnection doomed = pool.getConnection().await();
    int pid = doomed.query("SELECT pg_backend_pid()").execute().await().iterator().next().getInteger(0);
    database.execute("SELECT pg_terminate_backend(" + pid + ")");

    Throwable closed = catchThrowable(() -> doomed.query("SELECT 1").execute().await());

    assertThat(ErrorMapper.map(closed).status()).as(String.valueOf(closed)).isEqualTo(503);
    pools.close().await();
  }

  @Test
  void a_bus_address_nobody_serves_is_503_and_one_that_never_answers_is_504() {
    VERTX.eventBus().consumer("mapping.silent", message -> { });

    ApiError nobody = ErrorMapper.map(catchThrowable(() -> VERTX.eventBus().request("mapping.nobody", "x").await()));
    ApiError silent = ErrorMapper.map(catchThrowable(() -> VERTX.eventBus().request("mapping.silent", "x",
      new DeliveryOptions().setSendTimeout(100)).await()));

    assertThat(nobody.status()).isEqualTo(503);
    assertThat(silent.status()).isEqualTo(504);
  }

  private static PgPools pools(Map<String, String> env) {
    return new PgPools(VERTX, PgSettings.from(TestConfig.forDatabase(database.name(), env)), 2);
  }
}
