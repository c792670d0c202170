package com.bazaar.gateway.system;

import com.bazaar.gateway.http.ErrorResponder;
import com.bazaar.platform.Platform;
import com.bazaar.platform.health.ReadinessProbe;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.Properties;

/**
 * The built-in operations the contract names with {@code x-bazaar-handler}: health, ready, metrics, the
 * contract itself, the events' contract (AsyncAPI) and the interactive docs (Swagger UI from the webjar, nothing
 * fetched from the internet).
 */
public final class SystemHandlers {
  private static final String SWAGGER = "META-INF/resources/webjars/swagger-ui/";
  private static final Buffer HEALTH = new JsonObject().put("status", "UP").toBuffer();

  private final ReadinessProbe readiness;
  private final Handler<RoutingContext> metrics;
  private final Buffer contract;
  private final Buffer eventsContract;
  private final Buffer docsPage;
  private final String swaggerRoot;

  private SystemHandlers(Platform platform, Buffer contract, Buffer eventsContract, String swaggerVersion) {
    this.readiness = platform.readiness();
    this.metrics = PrometheusScrapingHandler.create(platform.registry());
    this.contract = contract;
    this.eventsContract = eventsContract;
    this.docsPage = Buffer.buffer(DocsPage.html());
    this.swaggerRoot = SWAGGER + swaggerVersion;
  }

  public static Future<SystemHandlers> load(Vertx vertx, Platform platform, String contractPath,
                                           String eventsContractPath) {
    Future<Buffer> contract = vertx.fileSystem().readFile(contractPath);
    Future<Buffer> eventsContract = vertx.fileSystem().readFile(eventsContractPath);
    Future<String> swaggerVersion = vertx.executeBlocking(SystemHandlers::swaggerVersion, false);
    return Future.all(contract, eventsContract, swaggerVersion)
      .map(ignored -> new SystemHandlers(platform, contract.result(), eventsContract.result(), swaggerVersion.result()));
  }

  /** Mounts the named handler on its route; docs also serves its assets below {@code /docs/}. */
  public void mount(String name, Route route, Router router) {
    switch (name) {
      case "health" -> route.handler(rc -> json(rc, 200, HEALTH));
      case "ready" -> route.handler(this::ready);
      case "metrics" -> route.handler(metrics);
      case "contract" -> route.handler(rc -> yaml(rc, contract));
      case "events-contract" -> route.handler(rc -> yaml(rc, eventsContract));
      case "docs" -> {
        route.handler(rc -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(docsPage));
        router.get("/docs/*").handler(StaticHandler.create(swaggerRoot).setCachingEnabled(true));
      }
      default -> throw new IllegalArgumentException("Unknown x-bazaar-handler: " + name);
    }
  }

  private void ready(RoutingContext rc) {
    readiness.check().onComplete(ar -> {
      if (ar.succeeded()) {
        json(rc, ar.result().ready() ? 200 : 503, ar.result().body().toBuffer());
      } else {
        rc.fail(ar.cause());
      }
    });
  }

  private static void yaml(RoutingContext rc, Buffer document) {
    rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml").end(document);
  }

  private static void json(RoutingContext rc, int status, Buffer body) {
    rc.response().setStatusCode(status)
      .putHeader(HttpHeaders.CONTENT_TYPE, ErrorResponder.JSON)
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .end(body);
  }

  /**
   * The webjar's version, from its pom.properties through the class loader: Vert.x's file system walks every entry of
   * the fat jar to find a classpath file, which took 0.6 to 2.7 s of a cold start.
   */
  private static String swaggerVersion() throws java.io.IOException {
    try (java.io.InputStream in = SystemHandlers.class.getClassLoader()
      .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("swagger-ui's pom.properties is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    }
  }
}
