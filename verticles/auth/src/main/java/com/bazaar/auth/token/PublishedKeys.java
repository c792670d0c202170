package com.bazaar.auth.token;

import com.bazaar.platform.auth.JwtSettings;
import com.bazaar.platform.bus.BusReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The verification keys the auth service publishes to gateways: the current one and, during a rotation, the previous. */
public final class PublishedKeys {
  private PublishedKeys() {
  }

  public static BusReply of(SigningKey current, JwtSettings settings) {
    JsonArray keys = new JsonArray().add(key(current.kid(), current.publicPem()));
    if (!settings.previousPublicKey().isBlank()) {
      keys.add(key(settings.previousKid(), settings.previousPublicKey()));
    }
    return BusReply.ok(new JsonObject().put("keys", keys));
  }

  private static JsonObject key(String kid, String publicPem) {
    return new JsonObject().put("kid", kid).put("algorithm", JwtSettings.ALGORITHM).put("publicKey", publicPem);
  }
}
