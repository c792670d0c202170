package com.bazaar.platform.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One pooled PostgreSQL client per service, each bound to its own schema through {@code search_path}, with
 * prepared-statement caching, pipelining and a server-side {@code statement_timeout}. When a replica is
 * configured, {@link ServiceDb#read()} points at it; otherwise reads share the primary pool.
 */
public final class PgPools {
  private final Vertx vertx;
  private final PgSettings settings;
  private final int eventLoops;
  private final Map<String, ServiceDb> byService = new ConcurrentHashMap<>();

  public PgPools(Vertx vertx, PgSettings settings, int eventLoops) {
    this.vertx = vertx;
    this.settings = settings;
    this.eventLoops = eventLoops;
  }

  /** A cheap round trip on a dedicated one-connection pool, for readiness checks. */
  public Future<Void> ping() {
    return forService("public").write().query("SELECT 1").execute().mapEmpty();
  }

  public ServiceDb forService(String service) {
    return byService.computeIfAbsent(service, this::create);
  }

  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (ServiceDb db : byService.values()) {
      closing.add(db.write().close());
      if (db.read() != db.write()) {
        closing.add(db.read().close());
      }
    }
    return Future.join(closing).mapEmpty();
  }

  private ServiceDb create(String service) {
    Pool write = pool(service, settings.host(), settings.port(), service);
    Pool read = settings.hasReplica()
      ? pool(service, settings.replicaHost(), settings.replicaPort(), service + "-read")
      : write;
    return new ServiceDb(service, write, read);
  }

  private Pool pool(String schema, String host, int port, String name) {
    PgConnectOptions connect = connectOptions(settings, host, port, settings.database())
      .addProperty("search_path", schema)
      .addProperty("application_name", "bazaar-" + name);
    connect.setMetricsName("pg-" + name);
    PoolOptions pool = new PoolOptions()
      .setName("pg-" + name)
      .setMaxSize(settings.poolSize(schema))
      .setMaxWaitQueueSize(settings.poolMaxWaiting())
      .setConnectionTimeout(settings.poolWaitTimeoutMs())
      .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
      .setIdleTimeout(settings.idleTimeoutSec())
      .setIdleTimeoutUnit(TimeUnit.SECONDS)
      .setEventLoopSize(eventLoops);
    return PgBuilder.pool()
      .with(pool)
      .with(new NetClientOptions().setConnectTimeout(settings.connectTimeoutMs()))
      .connectingTo(connect)
      .using(vertx)
      .build();
  }

  /** Connect options shared by the pools and the start-up checks. */
  public static PgConnectOptions connectOptions(PgSettings settings, String host, int port, String database) {
    PgConnectOptions options = new PgConnectOptions()
      .setHost(host)
      .setPort(port)
      .setDatabase(database)
      .setUser(settings.user())
      .setPassword(settings.password())
      .setCachePreparedStatements(true)
      .setPreparedStatementCacheMaxSize(settings.preparedStatementCacheSize())
      .setPipeliningLimit(settings.pipeliningLimit())
      .addProperty("statement_timeout", Integer.toString(settings.statementTimeoutMs()));
    options.setTracingPolicy(TracingPolicy.ALWAYS);
    return options;
  }
}
