package com.bazaar.platform.db;

import com.bazaar.platform.error.StartupException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up checks for PostgreSQL: fail fast, in one readable line, when it is unreachable; create the
 * configured database when it is missing and {@code pg.createDatabase} allows it (dev and bench profiles).
 */
public final class DatabaseBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);

  private DatabaseBootstrap() {
  }

  public static Future<Void> ensureDatabase(Vertx vertx, PgSettings settings) {
    PgConnectOptions admin = PgPools.connectOptions(settings, settings.host(), settings.port(), "postgres");
    Pool pool = PgBuilder.pool()
      .with(new PoolOptions().setMaxSize(1))
      .with(new NetClientOptions().setConnectTimeout(settings.connectTimeoutMs()))
      .connectingTo(admin)
      .using(vertx)
      .build();
    return pool.preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1")
      .execute(Tuple.of(settings.database()))
      .recover(cause -> Future.failedFuture(unreachable(settings, cause)))
      .compose(rows -> {
        if (rows.size() > 0) {
          return Future.<Void>succeededFuture();
        }
        if (!settings.createDatabase()) {
          return Future.<Void>failedFuture(new StartupException("PostgreSQL database '" + settings.database()
            + "' does not exist at " + settings.address() + " — create it or set BAZAAR_PG_DATABASE"));
        }
        LOG.info("Creating database {}", settings.database());
        return pool.query("CREATE DATABASE " + quoteIdentifier(settings.database())).execute().<Void>mapEmpty()
          .recover(cause -> isDuplicateDatabase(cause) ? Future.succeededFuture() : Future.failedFuture(cause));
      })
      .eventually(pool::close);
  }

  private static StartupException unreachable(PgSettings settings, Throwable cause) {
    return new StartupException("PostgreSQL not reachable at " + settings.address()
      + " — start it or set BAZAAR_PG_HOST / BAZAAR_PG_PORT (" + cause.getMessage() + ")");
  }

  private static boolean isDuplicateDatabase(Throwable cause) {
    return cause instanceof io.vertx.pgclient.PgException pg && "42P04".equals(pg.getSqlState());
  }

  static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
