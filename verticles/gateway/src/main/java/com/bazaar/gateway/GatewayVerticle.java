package com.bazaar.gateway;

import com.bazaar.gateway.auth.TokenVerifier;
import com.bazaar.gateway.contract.ContractDocument;
import com.bazaar.gateway.http.HeaderDeadline;
import com.bazaar.gateway.http.InvalidRequests;
import com.bazaar.gateway.http.RequestGuard;
import com.bazaar.gateway.http.StrictRequestDecoder;
import com.bazaar.gateway.system.SystemHandlers;
import com.bazaar.platform.auth.JwtSettings;
import com.bazaar.platform.Platform;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.openapi.contract.OpenAPIContract;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The router verticle: one instance per event loop, all sharing the port. On undeploy it stops accepting,
 * lets in-flight requests finish for up to {@code http.shutdownGraceMs}, then closes.
 */
public final class GatewayVerticle extends VerticleBase {
  private final Platform platform;
  private final GatewaySettings settings;
  private HttpServer server;
  private TokenVerifier tokens;

  public GatewayVerticle(Platform platform) {
    this.platform = platform;
    this.settings = GatewaySettings.from(platform.config());
  }

  /**
   * Starts loading the contracts (seconds of a cold JVM's time, on a worker) while the services deploy; the
   * instances started later take the same result. A failure surfaces when the gateway starts.
   */
  public static void preload(Platform platform) {
    Contracts.load(platform, GatewaySettings.from(platform.config()));
  }

  private record Contracts(Future<OpenAPIContract> main, Future<OpenAPIContract> extra) {
    static Contracts load(Platform platform, GatewaySettings settings) {
      return new Contracts(ContractDocument.load(platform, settings.contractPath()),
        settings.extraContractPath().isBlank() ? Future.succeededFuture()
          : ContractDocument.load(platform, settings.extraContractPath()));
    }

    /** The main contract, then the extra one when there is one. */
    Future<List<OpenAPIContract>> list() {
      return Future.all(main, extra).map(v -> extra.result() == null ? List.of(main.result())
        : List.of(main.result(), extra.result()));
    }
  }

  @Override
  public Future<?> start() {
    Future<List<OpenAPIContract>> contracts = Contracts.load(platform, settings).list();
    Future<SystemHandlers> system = SystemHandlers.load(vertx, platform, settings.contractPath(),
      settings.eventsContractPath());
    tokens = new TokenVerifier(vertx, JwtSettings.from(platform.config()), platform.redis(), platform.degradations());
    return Future.all(contracts, system, tokens.start())
      .compose(ignored -> GatewayEdge.of(platform, contracts.result()).map(edge -> GatewayRouter.build(vertx, platform,
        contracts.result(), system.result(), tokens, edge, settings)))
      .compose(this::listen);
  }

  private Future<HttpServer> listen(Router router) {
    HeaderDeadline headers = new HeaderDeadline(vertx, settings.headerTimeoutMs());
    HttpServerOptions options = serverOptions();
    server = vertx.createHttpServer(options)
      .invalidRequestHandler(new InvalidRequests())
      .connectionHandler(connection -> {
        StrictRequestDecoder.install(connection, options);
        headers.onConnection().handle(connection);
      })
      .requestHandler(headers.around(new RequestGuard(router)));
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    Future<Void> drained = server == null ? Future.succeededFuture()
      : server.shutdown(settings.shutdownGraceMs(), TimeUnit.MILLISECONDS);
    return drained.compose(v -> tokens.stop());
  }

  private HttpServerOptions serverOptions() {
    return new HttpServerOptions()
      .setHost(settings.host())
      .setPort(settings.port())
      .setCompressionSupported(settings.compression())
      .setCompressionLevel(settings.compressionLevel())
      .setCompressionContentSizeThreshold(settings.compressionMinBytes())
      .setTcpNoDelay(true)
      .setTcpFastOpen(true)
      .setHttp2ClearTextEnabled(false)
      .setIdleTimeout(120);
  }
}
