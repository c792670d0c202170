package com.bazaar.gateway.auth;

import com.bazaar.platform.auth.AuthContract;
import com.bazaar.platform.auth.JwtSettings;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.metrics.Degradations;
import com.bazaar.platform.redis.SharedRedis;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies a bearer token locally, with no call to the auth service: signature (RS256 only), issuer, audience,
 * expiry with leeway, required claims, then revocation. A token that verified once is remembered until it
 * expires, so a client reusing its token costs one signature check per gateway instance, not one per request.
 */
public final class TokenVerifier {
  private static final ApiError INVALID = new ApiError(401, "INVALID_TOKEN", "The bearer token is invalid or expired");
  private static final ApiError REVOKED = new ApiError(401, "TOKEN_REVOKED", "The bearer token was revoked");

  private record Verified(Principal principal, double issuedAt, long expiresAtSec) {
  }

  private final VerificationKeys keys;
  private final RevocationCheck revocations;
  private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(50_000)
    .executor(Runnable::run).build();

  public TokenVerifier(Vertx vertx, JwtSettings settings, SharedRedis redis, Degradations degradations) {
    this.keys = new VerificationKeys(vertx, settings);
    this.revocations = new RevocationCheck(vertx, redis, degradations, settings.revocationCacheMs());
  }

  public Future<Void> start() {
    return keys.start();
  }

  public Future<Void> stop() {
    keys.stop();
    return revocations.stop();
  }

  public Future<Principal> verify(String token) {
    Verified known = verified.getIfPresent(token);
    long nowSec = System.currentTimeMillis() / 1000;
    if (known != null && known.expiresAtSec() > nowSec) {
      return checkRevocation(known);
    }
    JWTAuth verifier = keys.verifier();
    if (verifier == null) {
      return Future.failedFuture(ApiError.unavailable("Token verification keys are not loaded yet"));
    }
    Future<io.vertx.ext.auth.User> authenticated;
    try {
      authenticated = verifier.authenticate(new TokenCredentials(token));
    } catch (RuntimeException malformed) {
      return Future.failedFuture(INVALID);
    }
    return authenticated
      .recover(failure -> Future.failedFuture(INVALID))
      .compose(user -> {
        JsonObject claims = user.attributes().getJsonObject("accessToken");
        Verified fresh = fromClaims(claims);
        verified.put(token, fresh);
        return checkRevocation(fresh);
      });
  }

  private Future<Principal> checkRevocation(Verified token) {
    return revocations.isRevoked(token.principal().userId(), token.issuedAt())
      .compose(revoked -> revoked ? Future.failedFuture(REVOKED) : Future.succeededFuture(token.principal()));
  }

  private static Verified fromClaims(JsonObject claims) {
    Object exp = claims.getValue("exp");
    Object iat = claims.getValue("iat");
    String sub = claims.getValue("sub") instanceof String s ? s : null;
    if (!(exp instanceof Number) || !(iat instanceof Number) || sub == null || sub.isBlank()
      || !(claims.getValue("roles") instanceof JsonArray)) {
      throw INVALID;
    }
    Set<String> roles = claims.getJsonArray("roles").stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    double issuedAt = claims.getValue(AuthContract.ISSUED_AT_MS_CLAIM) instanceof Number ms
      ? ms.longValue() / 1000.0 : ((Number) iat).doubleValue();
    return new Verified(new Principal(sub, roles), issuedAt, ((Number) exp).longValue());
  }
}
