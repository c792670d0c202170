package com.bazaar.gateway.auth;

import com.bazaar.platform.auth.AuthContract;
import com.bazaar.platform.auth.JwtSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public keys the gateway verifies tokens with, pinned to RS256 and checking {@code iss}, {@code aud} and
 * {@code exp} with the configured leeway. They come from the config when {@code auth.jwt.publicKey} is set,
 * otherwise from the auth service over the bus, re-read every few minutes to follow key rotation.
 */
final class VerificationKeys {
  private static final Logger LOG = LoggerFactory.getLogger(VerificationKeys.class);
  private static final long RETRY_MS = 1_000;
  private static final long REFRESH_MS = 300_000;

  private final Vertx vertx;
  private final JwtSettings settings;
  private volatile JWTAuth verifier;
  private long timer = -1;
  private boolean warned;

  VerificationKeys(Vertx vertx, JwtSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  /** The current verifier, or null while no keys are known yet. */
  JWTAuth verifier() {
    return verifier;
  }

  /** Loads the keys once; when they come from the bus and are not there yet, keeps trying in the background. */
  Future<Void> start() {
    if (settings.hasConfiguredPublicKey()) {
      JWTAuthOptions options = options().addPubSecKey(key(settings.kid(), settings.publicKey()));
      if (!settings.previousPublicKey().isBlank()) {
        options.addPubSecKey(key(settings.previousKid(), settings.previousPublicKey()));
      }
      verifier = JWTAuth.create(vertx, options);
      return Future.succeededFuture();
    }
    return fetch().otherwiseEmpty();
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private Future<Void> fetch() {
    return vertx.eventBus().<Buffer>request(AuthContract.KEYS_ADDRESS, new JsonObject(), new DeliveryOptions().setSendTimeout(2_000))
      .map(reply -> {
        JWTAuthOptions options = options();
        reply.body().toJsonObject().getJsonArray("keys").forEach(k -> {
          JsonObject key = (JsonObject) k;
          options.addPubSecKey(key(key.getString("kid"), key.getString("publicKey")));
        });
        verifier = JWTAuth.create(vertx, options);
        warned = false;
        schedule(REFRESH_MS);
        return (Void) null;
      })
      .onFailure(failure -> {
        if (!warned) {
          warned = true;
          LOG.warn("Token verification keys not available from the auth service ({}); retrying in the background",
            failure.getMessage());
        }
        schedule(verifier == null ? RETRY_MS : REFRESH_MS);
      });
  }

  private void schedule(long delayMs) {
    timer = vertx.setTimer(delayMs, id -> fetch());
  }

  private JWTAuthOptions options() {
    return new JWTAuthOptions().setJWTOptions(new JWTOptions()
      .setIssuer(settings.issuer())
      .addAudience(settings.audience())
      .setLeeway(settings.leewaySec()));
  }

  private static PubSecKeyOptions key(String kid, String publicPem) {
    return new PubSecKeyOptions().setAlgorithm(JwtSettings.ALGORITHM).setBuffer(publicPem).setId(kid.isBlank() ? null : kid);
  }
}
