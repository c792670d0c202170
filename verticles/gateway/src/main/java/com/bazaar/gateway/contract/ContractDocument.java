package com.bazaar.gateway.contract;

import com.bazaar.platform.Platform;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;

/**
 * An OpenAPI contract loaded once per process and shared by every gateway instance (it is read-only once built).
 * The YAML is parsed on a worker thread, then given to vertx-openapi as JSON: its
 * {@code OpenAPIContract.from(vertx, path)} parses the YAML on the calling event loop, which for this contract (over
 * 3,000 lines) held each gateway instance's event loop for 160 to 350 ms. Parsing, resolving, checking against the
 * OpenAPI meta-schema and building take 1 to 2.3 s of a cold JVM, so
 * {@link com.bazaar.gateway.GatewayVerticle#preload} starts it while the services deploy.
 */
public final class ContractDocument {
  private ContractDocument() {
  }

  public static Future<OpenAPIContract> load(Platform platform, String path) {
    return platform.perProcessStarted("gateway.contract:" + path, () -> onWorkerContext(platform.vertx(), path));
  }

  /**
   * vertx-openapi validates on a worker but then builds the contract's objects (400 ms of a cold JVM for this
   * contract) on the context that called it, which fails the blocked-thread check on an event loop. Called from a
   * worker context, all of it runs on workers. Vert.x has no public way to make one short of deploying a worker
   * verticle, hence {@link VertxInternal#createWorkerContext()}.
   */
  private static Future<OpenAPIContract> onWorkerContext(Vertx vertx, String path) {
    Promise<OpenAPIContract> built = Promise.promise();
    ((VertxInternal) vertx).createWorkerContext().runOnContext(v -> {
      try {
        JsonObject json = parse(vertx.fileSystem().readFileBlocking(path).toString(), path);
        OpenAPIContract.from(vertx, json).onComplete(built);
      } catch (RuntimeException e) {
        built.fail(e);
      }
    });
    return built.future();
  }

  /** The YAML text of a contract as JSON; blocking, for a worker thread or a test. */
  public static JsonObject parse(String yaml, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    Object document = new Yaml(options).load(yaml);
    if (!(document instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(source + " is not a YAML mapping");
    }
    @SuppressWarnings("unchecked")
    JsonObject json = new JsonObject((Map<String, Object>) map);
    return new JsonObject(json.encode());
  }
}
