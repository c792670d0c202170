package com.bazaar.platform.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling: a user as the gateway verified it from the token, a service calling another on its own behalf
 * ({@link #service}), or nobody. An anonymous caller has no user id.
 */
public record Principal(String userId, Set<String> roles) {
  public static final String ADMIN = "ADMIN";
  public static final String CUSTOMER = "CUSTOMER";
  public static final String RESELLER = "RESELLER";
  /** The role of a service principal; no token ever carries it, since the auth service never issues it. */
  public static final String SERVICE = "SERVICE";
  public static final Principal ANONYMOUS = new Principal(null, Set.of());

  /** A named service calling another service for itself rather than for a user, such as a sweeper or a consumer. */
  public static Principal service(String name) {
    return new Principal("service:" + name, Set.of(SERVICE));
  }

  public boolean isAnonymous() {
    return userId == null;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return roles.contains(ADMIN);
  }

  public boolean isService() {
    return roles.contains(SERVICE);
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
