package com.bazaar.platform.testing;

import com.bazaar.platform.Platform;
import com.bazaar.platform.VertxSetup;
import com.bazaar.platform.config.ConfigLoader;
import com.bazaar.platform.metrics.MetricsSetup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.function.Function;

/**
 * A fresh database, a Vert.x with metrics and a {@link Platform} on it, for one test class. Services are
 * migrated and deployed onto it the way the launcher does it.
 */
public final class TestStack implements AutoCloseable {
  private static final String EVENTS_SCHEMA = "events";

  private final TestDatabase database;
  private final JsonObject config;
  private final Vertx vertx;
  private final Platform platform;
  private final SqlLog sql = new SqlLog();
  private final boolean ownsDatabase;

  private TestStack(Map<String, String> env, JsonObject overlay) {
    this(TestDatabase.create(), true, env, overlay);
  }

  private TestStack(TestDatabase database, boolean ownsDatabase, Map<String, String> env, JsonObject overlay) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.config = TestConfig.forDatabase(database.name(), env);
    ConfigLoader.deepMerge(config, overlay);
    PrometheusMeterRegistry registry = MetricsSetup.newRegistry();
    this.vertx = VertxSetup.builder(config, registry).withTracer(options -> sql.tracer())
      .with(VertxSetup.options(config)).build();
    this.platform = new Platform(vertx, config, registry);
  }

  public static TestStack start() {
    return new TestStack(Map.of(), new JsonObject());
  }

  /** @param env environment overrides, applied like real environment variables */
  public static TestStack start(Map<String, String> env) {
    return new TestStack(env, new JsonObject());
  }

  /** @param overlay config merged over everything, for what environment variables cannot add (new map entries) */
  public static TestStack start(Map<String, String> env, JsonObject overlay) {
    return new TestStack(env, overlay);
  }

  /** A second process on the same database and Redis: another Vert.x, another platform, no shared memory. */
  public TestStack anotherProcess() {
    return anotherProcess(Map.of(), new JsonObject());
  }

  public TestStack anotherProcess(Map<String, String> env, JsonObject overlay) {
    Map<String, String> shared = new java.util.HashMap<>(env);
    shared.putIfAbsent("BAZAAR_REDIS_URL", config.getJsonObject("redis").getString("url"));
    return new TestStack(database, false, shared, overlay);
  }

  /** Migrates the services' schemas, after the events schema whose outbox and inbox functions theirs call. */
  public TestStack migrate(String... services) {
    platform.migrate(EVENTS_SCHEMA).await();
    for (String service : services) {
      if (!service.equals(EVENTS_SCHEMA)) {
        platform.migrate(service).await();
      }
    }
    return this;
  }

  public TestStack deploy(Function<Platform, Deployable> verticle, int instances) {
    vertx.deployVerticle(() -> verticle.apply(platform), new DeploymentOptions().setInstances(instances)).await();
    return this;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Platform platform() {
    return platform;
  }

  /** The SQL statements sent so far. */
  public SqlLog sql() {
    return sql;
  }

  public TestDatabase database() {
    return database;
  }

  public JsonObject config() {
    return config;
  }

  public int httpPort() {
    return config.getJsonObject("http").getInteger("port");
  }

  public TestHttp http() {
    return new TestHttp(vertx, httpPort());
  }

  public TestBus bus() {
    return new TestBus(vertx);
  }

  @Override
  public void close() {
    try {
      platform.close().await();
      vertx.close().await();
    } finally {
      if (ownsDatabase) {
        database.close();
      }
    }
  }
}
