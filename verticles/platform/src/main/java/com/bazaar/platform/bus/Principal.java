package com.bazaar.platform.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.stream.Collectors;

/** Who is calling, as the gateway verified it from the token. An anonymous caller has no user id. */
public record Principal(String userId, Set<String> roles) {
  public static final String ADMIN = "ADMIN";
  public static final String CUSTOMER = "CUSTOMER";
  public static final String RESELLER = "RESELLER";
  public static final Principal ANONYMOUS = new Principal(null, Set.of());

  public boolean isAnonymous() {
    return userId == null;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return roles.contains(ADMIN);
  }

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("roles", new JsonArray(roles.stream().sorted().toList()));
  }

  public static Principal fromJson(JsonObject json) {
    if (json == null || json.getString("userId") == null) {
      return ANONYMOUS;
    }
    Set<String> roles = json.getJsonArray("roles", new JsonArray()).stream()
      .map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    return new Principal(json.getString("userId"), roles);
  }
}
