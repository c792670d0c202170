package com.bazaar.platform.db;

import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class FlywayMigratorTest {
  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void migrations_land_in_the_service_schema_with_their_own_history_and_run_once(Vertx vertx) throws Exception {
    PgSettings settings = PgSettings.from(TestConfig.forDatabase(database.name()));

    int first = FlywayMigrator.migrate(vertx, settings, "inventory").await();
    int second = FlywayMigrator.migrate(vertx, settings, "inventory").await();

    assertThat(first).isEqualTo(2);
    assertThat(second).isZero();
    try (Connection connection = TestDatabase.connect(database.name())) {
      assertThat(single(connection, "SELECT count(*) FROM inventory.items")).isEqualTo(1);
      assertThat(single(connection, "SELECT count(*) FROM inventory.flyway_schema_history WHERE success AND version IS NOT NULL"))
        .isEqualTo(2);
      assertThat(single(connection,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'items'"))
        .isZero();
    }
  }

  private static long single(Connection connection, String sql) throws SQLException {
    try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
