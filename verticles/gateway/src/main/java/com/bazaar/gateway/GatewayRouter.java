package com.bazaar.gateway;

import com.bazaar.gateway.auth.AuthHandler;
import com.bazaar.gateway.auth.TokenVerifier;
import com.bazaar.gateway.contract.JsonBodyReader;
import com.bazaar.gateway.contract.OperationSpec;
import com.bazaar.gateway.contract.RequestValidator;
import com.bazaar.gateway.contract.schema.SchemaCompiler;
import com.bazaar.gateway.http.AccessLogHandler;
import com.bazaar.gateway.http.BusForwarder;
import com.bazaar.gateway.http.BusProxyHandler;
import com.bazaar.gateway.http.ClientAddresses;
import com.bazaar.gateway.http.Cors;
import com.bazaar.gateway.idempotency.IdempotencyHandler;
import com.bazaar.gateway.limit.RateLimitHandler;
import com.bazaar.platform.Platform;
import com.bazaar.gateway.http.ErrorResponder;
import com.bazaar.gateway.http.RequestIdHandler;
import com.bazaar.gateway.http.RequestState;
import com.bazaar.gateway.system.SystemHandlers;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

import java.util.Comparator;
import java.util.List;

/**
 * Builds the HTTP router from the contract. Every route comes from an operation in {@code openapi.yaml}; this
 * class only decides the handler chain each one gets.
 */
final class GatewayRouter {
  private static final Buffer HELLO = Buffer.buffer("Hello, World!");
  private static final CharSequence TEXT = HttpHeaders.createOptimized("text/plain");

  private GatewayRouter() {
  }

  /** Routes every operation of the contracts: the public one and, for benchmarks, an optional extra one. */
  static Router build(Vertx vertx, Platform platform, List<OpenAPIContract> contracts, SystemHandlers system,
                      TokenVerifier tokens, GatewayEdge edge, GatewaySettings settings) {
    Router router = Router.router(vertx);
    ErrorResponder errors = new ErrorResponder();
    if (settings.benchRoutes()) {
      router.get("/bench/hello").handler(rc -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, TEXT).end(HELLO));
    }
    Handler<RoutingContext> cors = Cors.handler(settings.cors());
    if (cors != null) {
      router.route().handler(cors);
    }
    router.route().handler(new ClientAddresses(settings.trustedProxies()).handler());
    router.route().handler(new RequestIdHandler());
    if (settings.accessLog()) {
      router.route().handler(new AccessLogHandler());
    }
    router.route().failureHandler(errors);
    for (int status : List.of(400, 401, 403, 404, 405, 413, 415, 500)) {
      router.errorHandler(status, errors);
    }
    record Mounted(SchemaCompiler schemas, Operation operation) {
    }
    List<Mounted> operations = contracts.stream()
      .flatMap(contract -> {
        SchemaCompiler schemas = new SchemaCompiler(contract.getRawContract());
        return contract.operations().stream().map(op -> new Mounted(schemas, op));
      })
      .sorted(Comparator.comparingInt((Mounted m) -> OperationSpec.from(m.operation()).pathParamCount())
        .thenComparing(m -> m.operation().getOpenAPIPath()))
      .toList();
    for (Mounted mounted : operations) {
      mount(router, platform, mounted.schemas(), mounted.operation(), system, tokens, edge, settings);
    }
    return router;
  }

  private static void mount(Router router, Platform platform, SchemaCompiler schemas, Operation operation,
                            SystemHandlers system, TokenVerifier tokens, GatewayEdge edge, GatewaySettings settings) {
    OperationSpec spec = OperationSpec.from(operation);
    Route route = router.route(spec.method(), spec.routePath()).setName(spec.operationId());
    if (spec.method() == HttpMethod.GET) {
      route.method(HttpMethod.HEAD);
    }
    if (spec.systemHandler() != null) {
      system.mount(spec.systemHandler(), route, router);
      return;
    }
    RequestValidator validator = new RequestValidator(operation, schemas);
    if (operation.getRequestBody() != null) {
      route.handler(new JsonBodyReader(settings.bodyLimitBytes()));
    }
    route.handler(new AuthHandler(spec.access(), tokens));
    // Limits before validation: a request with a bad parameter is counted like any other.
    if (spec.rateLimitPolicy() != null && edge.limiter().enabled()) {
      for (String policy : spec.rateLimitPolicy().split(",")) {
        route.handler(new RateLimitHandler(edge.limiter(), edge.limiter().policy(policy.trim())));
      }
    }
    route.handler(rc -> {
      RequestState.validated(rc, validator.validate(rc));
      rc.next();
    });
    BusForwarder forwarder = new BusForwarder(platform.bus(), spec.address(), settings.busTimeoutMs(),
      spec.forwardsClientAddress(), spec.rawBody());
    if (spec.idempotent()) {
      route.handler(new IdempotencyHandler(platform.redis(), forwarder, edge.idempotency().getLong("ttlSec"),
        edge.idempotency().getLong("waitMs")));
    } else if (spec.cacheTtlSeconds() > 0) {
      route.handler(edge.caching().handler(forwarder, spec.cacheDomain(), spec.cacheTtlSeconds(),
        spec.cacheSharedWithSignedIn(), spec.operationId()));
    } else {
      route.handler(new BusProxyHandler(forwarder));
    }
  }
}
