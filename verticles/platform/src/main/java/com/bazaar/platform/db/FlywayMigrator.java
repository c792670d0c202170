package com.bazaar.platform.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a service's migrations from {@code classpath:sql/<service>} into the schema of the same name, with
 * the history table inside that schema. Flyway is blocking JDBC, so it always runs on a worker thread; this is
 * the only place in Bazaar allowed to use JDBC.
 */
public final class FlywayMigrator {
  private static final Logger LOG = LoggerFactory.getLogger(FlywayMigrator.class);

  private FlywayMigrator() {
  }

  public static Future<Integer> migrate(Vertx vertx, PgSettings settings, String service) {
    return vertx.executeBlocking(() -> migrateBlocking(settings, service), false);
  }

  private static int migrateBlocking(PgSettings settings, String service) {
    MigrateResult result = Flyway.configure(FlywayMigrator.class.getClassLoader())
      .dataSource(settings.jdbcUrl(settings.database()), settings.user(), settings.password())
      .schemas(service)
      .defaultSchema(service)
      .createSchemas(true)
      .table("flyway_schema_history")
      .locations("classpath:sql/" + service)
      .connectRetries(0)
      .load()
      .migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info("Schema {}: applied {} migration(s), now at version {}", service, result.migrationsExecuted,
        result.targetSchemaVersion);
    }
    return result.migrationsExecuted;
  }
}
