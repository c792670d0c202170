package com.bazaar.auth.token;

import com.bazaar.platform.auth.AuthContract;
import com.bazaar.platform.auth.JwtSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.util.Collection;
import java.util.UUID;

/**
 * Signs access tokens: RS256 with {@code sub}, {@code roles}, {@code iss}, {@code aud}, {@code exp}, {@code iat}
 * (whole seconds, as other verifiers expect) and {@code jti}, plus {@link AuthContract#ISSUED_AT_MS_CLAIM}, so that
 * a revocation at a given instant voids exactly the tokens issued before it.
 */
public final class TokenIssuer {
  private final JWTAuth jwt;
  private final JwtSettings settings;
  private final JWTOptions options;

  public TokenIssuer(Vertx vertx, SigningKey key, JwtSettings settings) {
    this.settings = settings;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
      .setAlgorithm(JwtSettings.ALGORITHM).setBuffer(key.privatePem()).setId(key.kid())));
    this.options = new JWTOptions().setAlgorithm(JwtSettings.ALGORITHM).setIssuer(settings.issuer())
      .addAudience(settings.audience());
  }

  public String accessToken(String userId, Collection<String> roles) {
    long nowMs = System.currentTimeMillis();
    JsonObject claims = new JsonObject()
      .put("sub", userId)
      .put("roles", new JsonArray(roles.stream().sorted().toList()))
      .put("iat", nowMs / 1000)
      .put(AuthContract.ISSUED_AT_MS_CLAIM, nowMs)
      .put("exp", nowMs / 1000 + settings.accessTtlSec())
      .put("jti", UUID.randomUUID().toString());
    return jwt.generateToken(claims, options);
  }

  public int accessTtlSec() {
    return settings.accessTtlSec();
  }
}
