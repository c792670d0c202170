package com.bazaar.auth.session;

import com.bazaar.auth.account.User;
import io.vertx.core.json.JsonObject;

/** A new session's tokens: a short-lived access token and the refresh token that renews it. */
public record TokenPair(String accessToken, String refreshToken, int expiresIn, User user) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("accessToken", accessToken)
      .put("refreshToken", refreshToken)
      .put("tokenType", "Bearer")
      .put("expiresIn", expiresIn)
      .put("user", user.toJson());
  }
}
