package com.bazaar.app;

import com.bazaar.gateway.GatewayVerticle;
import com.bazaar.platform.Platform;
import com.bazaar.platform.VertxSetup;
import com.bazaar.platform.db.DatabaseBootstrap;
import com.bazaar.platform.events.admin.EventsVerticle;
import com.bazaar.platform.metrics.MetricsSetup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One running Bazaar process: Vert.x (local or clustered), the platform, migrated schemas and the deployed
 * verticles. Start-up order: database check, migrations, services, then the gateway, so that the port only
 * opens when every local address has a consumer.
 */
public final class Bazaar {
  private static final Logger LOG = LoggerFactory.getLogger(Bazaar.class);

  private final Vertx vertx;
  private final Platform platform;
  private final List<String> deployments;

  private Bazaar(Vertx vertx, Platform platform, List<String> deployments) {
    this.vertx = vertx;
    this.platform = platform;
    this.deployments = deployments;
  }

  public static Future<Bazaar> start(JsonObject config, LaunchOptions options) {
    PrometheusMeterRegistry registry = MetricsSetup.newRegistry();
    return createVertx(config, registry, options.cluster()).compose(vertx -> {
      Platform platform = new Platform(vertx, config, registry);
      if (selected(options).stream().anyMatch(service -> service.name().equals(ServiceCatalog.GATEWAY))) {
        GatewayVerticle.preload(platform);
      }
      List<String> deployments = new ArrayList<>();
      return prepareDatabase(platform, options)
        .compose(v -> deployAll(vertx, platform, options, deployments))
        .map(v -> new Bazaar(vertx, platform, deployments))
        .recover(failure -> {
          platform.close().onComplete(ignored -> vertx.close());
          return Future.failedFuture(failure);
        });
    });
  }

  public Vertx vertx() {
    return vertx;
  }

  public Platform platform() {
    return platform;
  }

  /** Undeploys the gateway first (draining in-flight requests), then the services, then closes the pools. */
  public Future<Void> close() {
    Future<Void> undeployed = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      undeployed = undeployed.compose(v -> vertx.undeploy(id).otherwiseEmpty());
    }
    return undeployed.compose(v -> platform.close()).eventually(vertx::close);
  }

  private static Future<Vertx> createVertx(JsonObject config, PrometheusMeterRegistry registry, boolean cluster) {
    if (!cluster) {
      return Future.succeededFuture(VertxSetup.local(config, registry));
    }
    VertxOptions options = VertxSetup.options(config);
    ClusterSetup.configureEventBus(options, config);
    return VertxSetup.builder(config, registry).with(options).withClusterManager(ClusterSetup.manager(config))
      .buildClustered();
  }

  /**
   * Migrates the events schema first (every other schema's outbox and inbox are made by its functions), then the
   * others at once: they do not refer to each other, so none waits for another (Flyway is 6% of a start's CPU).
   */
  private static Future<Void> prepareDatabase(Platform platform, LaunchOptions options) {
    List<ServiceCatalog.ServiceEntry> withSchema = selected(options).stream()
      .filter(ServiceCatalog.ServiceEntry::hasSchema).toList();
    if (withSchema.isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Void> events = DatabaseBootstrap.ensureDatabase(platform.vertx(), platform.pgSettings())
      .compose(v -> withSchema.stream().anyMatch(s -> s.name().equals(EventsVerticle.SERVICE))
        ? platform.migrate(EventsVerticle.SERVICE).mapEmpty() : Future.succeededFuture());
    return events.compose(v -> Future.all(withSchema.stream()
      .filter(service -> !service.name().equals(EventsVerticle.SERVICE))
      .map(service -> platform.migrate(service.name())).toList())).mapEmpty();
  }

  private static Future<Void> deployAll(Vertx vertx, Platform platform, LaunchOptions options,
                                        List<String> deployments) {
    Future<Void> chain = Future.succeededFuture();
    for (ServiceCatalog.ServiceEntry service : selected(options)) {
      int instances = options.instances(service.name(), platform);
      chain = chain.compose(v -> vertx
        .deployVerticle(() -> service.verticle().apply(platform), new DeploymentOptions().setInstances(instances))
        .map(id -> {
          deployments.add(id);
          LOG.info("Deployed {} x{}", service.name(), instances);
          return null;
        }));
    }
    return chain;
  }

  private static List<ServiceCatalog.ServiceEntry> selected(LaunchOptions options) {
    return ServiceCatalog.selected(options.services());
  }
}
