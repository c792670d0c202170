package com.bazaar.gateway.contract;

import com.bazaar.platform.Platform;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;

/**
 * An OpenAPI contract loaded once per process and shared by every gateway instance (it is read-only once built).
 * The YAML is parsed on a worker thread, then given to vertx-openapi as JSON: its
 * {@code OpenAPIContract.from(vertx, path)} parses the YAML on the calling event loop, which for this contract (over
 * 3,000 lines) held each gateway instance's event loop for 160 to 350 ms. Parsing and then resolving and checking
 * the contract against the OpenAPI meta-schema (vertx-openapi does that on a worker) take 1 to 2.3 s of a cold JVM,
 * so {@link com.bazaar.gateway.GatewayVerticle#preload} starts it while the services deploy.
 */
public final class ContractDocument {
  private ContractDocument() {
  }

  public static Future<OpenAPIContract> load(Platform platform, String path) {
    return platform.perProcessStarted("gateway.contract:" + path, () -> platform.vertx().executeBlocking(
      () -> parse(platform.vertx().fileSystem().readFileBlocking(path).toString(), path), false)
      .compose(json -> OpenAPIContract.from(platform.vertx(), json)));
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
