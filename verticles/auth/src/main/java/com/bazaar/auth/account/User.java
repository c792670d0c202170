package com.bazaar.auth.account;

import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A user row with its roles. The password hash never leaves the auth service. */
public record User(UUID id, String email, String passwordHash, String firstName, String lastName, String phone,
                   boolean active, List<String> roles, OffsetDateTime createdAt) {

  static final String COLUMNS = "u.id, u.email, u.password_hash, u.first_name, u.last_name, u.phone, u.is_active, "
    + "u.created_at, array(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles";

  static User from(Row row) {
    return new User(row.getUUID("id"), row.getString("email"), row.getString("password_hash"),
      row.getString("first_name"), row.getString("last_name"), row.getString("phone"), row.getBoolean("is_active"),
      List.of(row.getArrayOfStrings("roles")), row.getOffsetDateTime("created_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
      .put("id", id.toString())
      .put("email", email)
      .put("firstName", firstName)
      .put("lastName", lastName)
      .put("phone", phone)
      .put("roles", new JsonArray(roles))
      .put("isActive", active)
      .put("createdAt", IsoTime.format(createdAt));
  }
}
