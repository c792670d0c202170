package com.bazaar.gateway.contract;

import io.vertx.core.http.HttpMethod;
import io.vertx.openapi.contract.Operation;

import java.util.Map;

/**
 * What the gateway needs to know about one operation, read from its {@code x-bazaar-*} extensions:
 * the bus address (or a built-in system handler), who may call it, its cache TTL, the domain whose version
 * retires it and its scope ({@code x-bazaar-cache-scope}: {@code public}, one answer for every caller, so shared with
 * signed-in callers too; {@code anonymous}, an answer that depends on who asks, shared among anonymous callers
 * only), its rate-limit policy, whether it needs {@code Idempotency-Key}, whether the service is told the
 * client's address ({@code x-bazaar-client-address}, as the {@code x-client-address} header of the envelope), and
 * whether it gets the body's exact bytes ({@code x-bazaar-raw-body}, for signatures computed over them).
 */
public record OperationSpec(String operationId, HttpMethod method, String openApiPath, String address,
                            String systemHandler, AccessRule access, int cacheTtlSeconds, String cacheDomain,
                            boolean cacheSharedWithSignedIn, String rateLimitPolicy, boolean idempotent, boolean forwardsClientAddress,
                            boolean rawBody) {

  public static OperationSpec from(Operation operation) {
    Map<String, Object> ext = operation.getExtensions();
    String id = operation.getOperationId();
    String address = (String) ext.get("x-bazaar-address");
    String system = (String) ext.get("x-bazaar-handler");
    if ((address == null) == (system == null)) {
      throw new IllegalArgumentException(id + ": exactly one of x-bazaar-address and x-bazaar-handler is required");
    }
    Object ttl = ext.get("x-bazaar-cache");
    String domain = (String) ext.get("x-bazaar-cache-domain");
    Object scope = ext.get("x-bazaar-cache-scope");
    if (ttl != null && (domain == null || operation.getHttpMethod() != HttpMethod.GET
      || !"public".equals(scope) && !"anonymous".equals(scope))) {
      throw new IllegalArgumentException(id + ": x-bazaar-cache needs a GET, an x-bazaar-cache-domain and an "
        + "x-bazaar-cache-scope of public or anonymous");
    }
    Object owner = ext.get("x-bazaar-owner");
    if ("public".equals(scope) && owner != null && !"none".equals(owner)) {
      throw new IllegalArgumentException(id + ": an operation about its caller's own data (x-bazaar-owner: " + owner
        + ") cannot share its answers (x-bazaar-cache-scope: public)");
    }
    return new OperationSpec(id, operation.getHttpMethod(), operation.getOpenAPIPath(), address, system,
      AccessRule.parse(id, ext.get("x-bazaar-auth")),
      ttl == null ? 0 : ((Number) ttl).intValue(), domain, "public".equals(scope),
      (String) ext.get("x-bazaar-rate-limit"),
      Boolean.TRUE.equals(ext.get("x-bazaar-idempotent")),
      Boolean.TRUE.equals(ext.get("x-bazaar-client-address")),
      Boolean.TRUE.equals(ext.get("x-bazaar-raw-body")));
  }

  /** The OpenAPI template {@code /a/{id}} as a Vert.x route path {@code /a/:id}. */
  public String routePath() {
    return openApiPath.replaceAll("\\{([^}/]+)}", ":$1");
  }

  public int pathParamCount() {
    return (int) openApiPath.chars().filter(c -> c == '{').count();
  }
}
