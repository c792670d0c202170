package com.bazaar.gateway.contract;

import com.bazaar.platform.bus.Principal;
import io.vertx.core.json.JsonArray;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call an operation, from {@code x-bazaar-auth}: {@code public}, {@code user} (any valid token), or a
 * role or list of roles (any one suffices). Ownership is the service's check, not the gateway's.
 */
public record AccessRule(boolean isPublic, Set<String> roles) {
  public static final AccessRule PUBLIC = new AccessRule(true, Set.of());
  public static final AccessRule ANY_USER = new AccessRule(false, Set.of());

  static AccessRule parse(String operationId, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(operationId + ": x-bazaar-auth is required");
    }
    List<String> entries = value instanceof JsonArray array
      ? array.stream().map(String::valueOf).toList()
      : value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    if (entries.equals(List.of("public"))) {
      return PUBLIC;
    }
    if (entries.equals(List.of("user"))) {
      return ANY_USER;
    }
    Set<String> roles = entries.stream().collect(Collectors.toUnmodifiableSet());
    Set<String> known = Set.of(Principal.ADMIN, Principal.CUSTOMER, Principal.RESELLER);
    if (!known.containsAll(roles)) {
      throw new IllegalArgumentException(operationId + ": x-bazaar-auth has unknown roles " + roles);
    }
    return new AccessRule(false, roles);
  }

  public boolean allows(Principal principal) {
    return roles.isEmpty() || principal.roles().stream().anyMatch(roles::contains);
  }
}
