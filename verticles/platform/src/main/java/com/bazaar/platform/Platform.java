package com.bazaar.platform;

import com.bazaar.platform.amqp.AmqpSettings;
import com.bazaar.platform.amqp.Broker;
import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.db.FlywayMigrator;
import com.bazaar.platform.db.PgPools;
import com.bazaar.platform.db.PgSettings;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.events.EventSettings;
import com.bazaar.platform.events.Events;
import com.bazaar.platform.health.ReadinessProbe;
import com.bazaar.platform.metrics.Degradations;
import com.bazaar.platform.redis.RedisSettings;
import com.bazaar.platform.redis.SharedRedis;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.http.PoolOptions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What every service in a process shares: config, the metrics registry, PostgreSQL pools (one per service),
 * the Redis client, the RabbitMQ clients with the event kit, and the pooled keep-alive WebClient. One instance per JVM; verticles
 * receive it when they are deployed.
 */
public final class Platform {
  private final Vertx vertx;
  private final JsonObject config;
  private final PrometheusMeterRegistry registry;
  private final PgSettings pgSettings;
  private final PgPools pgPools;
  private final SharedRedis redis;
  private final Broker broker;
  private final Events events;
  private final WebClient webClient;
  private final BusClient bus;
  private final Degradations degradations;
  private final Map<String, Object> perProcess = new ConcurrentHashMap<>();

  public Platform(Vertx vertx, JsonObject config, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.config = config;
    this.registry = registry;
    this.pgSettings = PgSettings.from(config);
    this.pgPools = new PgPools(vertx, pgSettings, eventLoops(config));
    this.redis = new SharedRedis(vertx, RedisSettings.from(config));
    EventSettings eventSettings = EventSettings.from(config);
    this.broker = new Broker(vertx, AmqpSettings.from(config), eventSettings, registry);
    this.events = new Events(vertx, broker, eventSettings, pgSettings, pgPools, registry);
    this.webClient = createWebClient(vertx, config.getJsonObject("webClient"));
    this.bus = new BusClient(vertx, config.getJsonObject("breakers"), registry);
    this.degradations = new Degradations(registry);
    broker.start();
    redis.ping(redis.settings().connectTimeoutMs() + 1000L);
  }

  /** Event loops for this process: {@code vertx.eventLoops}, or one per core when it is 0. */
  public static int eventLoops(JsonObject config) {
    int configured = config.getJsonObject("vertx").getInteger("eventLoops");
    return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
  }

  public Vertx vertx() {
    return vertx;
  }

  public JsonObject config() {
    return config;
  }

  public String profile() {
    return config.getString("profile");
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public PgSettings pgSettings() {
    return pgSettings;
  }

  public ServiceDb db(String service) {
    return pgPools.forService(service);
  }

  public Future<Integer> migrate(String service) {
    return FlywayMigrator.migrate(vertx, pgSettings, service);
  }

  public SharedRedis redis() {
    return redis;
  }

  /** Outbox relays and consumers of domain events on RabbitMQ. */
  public Events events() {
    return events;
  }

  /** Service-to-service calls with timeouts and a circuit breaker per target. */
  public BusClient bus() {
    return bus;
  }

  /** The counters of decisions taken in a degraded state (Redis down, requests shed). */
  public Degradations degradations() {
    return degradations;
  }

  public WebClient webClient() {
    return webClient;
  }

  /**
   * One object per process under a name, created on first use: state that every instance of a service's verticle
   * must share, such as a cache with single-flight loading.
   */
  @SuppressWarnings("unchecked")
  public <T> T perProcess(String name, Supplier<T> create) {
    return (T) perProcess.computeIfAbsent(name, n -> create.get());
  }

  /**
   * {@link #perProcess} for state that takes a while to start; each caller gets the result on its own context
   * ({@link OnCallerContext}), not on the one of the instance that happened to start it.
   */
  public <T> Future<T> perProcessStarted(String name, Supplier<Future<T>> start) {
    return OnCallerContext.of(perProcess(name, start));
  }

  public ReadinessProbe readiness() {
    return new ReadinessProbe(pgPools, redis, broker);
  }

  public Future<Void> close() {
    webClient.close();
    redis.close();
    return events.close().transform(v -> Future.join(pgPools.close(), broker.close())).mapEmpty();
  }

  private static WebClient createWebClient(Vertx vertx, JsonObject settings) {
    WebClientOptions options = new WebClientOptions()
      .setKeepAlive(true)
      .setKeepAliveTimeout(settings.getInteger("keepAliveTimeoutSec"))
      .setConnectTimeout(settings.getInteger("connectTimeoutMs"))
      .setIdleTimeout(settings.getInteger("idleTimeoutSec"))
      .setDecompressionSupported(true)
      .setUserAgent("bazaar");
    return WebClient.create(vertx, options, new PoolOptions().setHttp1MaxSize(settings.getInteger("maxPoolSize")));
  }
}
