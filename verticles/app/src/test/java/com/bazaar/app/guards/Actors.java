package com.bazaar.app.guards;

import com.bazaar.platform.testing.TestDatabase;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonObject;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One signed-in user per kind of caller, with their tokens; a caller whose tokens were revoked signs in again. */
final class Actors {
  static final String PASSWORD = "correct horse battery";

  private final TestHttp http;
  private final Map<Caller, String> emails = new EnumMap<>(Caller.class);
  private final Map<Caller, JsonObject> sessions = new EnumMap<>(Caller.class);
  private final Map<Caller, String> ids = new EnumMap<>(Caller.class);
  private final String adminPassword;
  private final String database;

  Actors(TestHttp http, String database, String adminEmail, String adminPassword) {
    this.http = http;
    this.database = database;
    this.adminPassword = adminPassword;
    emails.put(Caller.ADMIN, adminEmail);
    sessions.put(Caller.ADMIN, login(adminEmail, adminPassword));
    for (Caller caller : Caller.values()) {
      if (caller != Caller.ANONYMOUS && caller != Caller.ADMIN) {
        String email = caller.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8)
          + "@guards.test";
        register(email, caller.role);
        emails.put(caller, email);
        sessions.put(caller, login(email, PASSWORD));
      }
    }
    sessions.forEach((caller, session) -> ids.put(caller, session.getJsonObject("user").getString("id")));
  }

  TestHttp http() {
    return http;
  }

  /** Writes rows the API has no way to create (a dead letter), straight into the app's database. */
  void seed(String sql) {
    TestDatabase.named(database).execute(sql);
  }

  String register(String email, String role) {
    Response registered = http.post("/api/v1/auth/register", new JsonObject().put("email", email).put("password", PASSWORD)
      .put("role", role));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    return registered.json().getJsonObject("user").getString("id");
  }

  JsonObject login(String email, String password) {
    Response login = http.post("/api/v1/auth/login", new JsonObject().put("email", email).put("password", password));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    return login.json();
  }

  /** The bearer header of the caller; none for an anonymous one. */
  Map<String, String> headers(Caller caller) {
    Map<String, String> headers = new HashMap<>();
    if (caller != Caller.ANONYMOUS) {
      headers.put("Authorization", "Bearer " + sessions.get(caller).getString("accessToken"));
    }
    return headers;
  }

  String refreshToken(Caller caller) {
    return sessions.get(caller).getString("refreshToken");
  }

  String userId(Caller caller) {
    return ids.get(caller);
  }

  Map<String, String> admin() {
    return headers(Caller.ADMIN);
  }

  /** Signs the caller in again, after an operation revoked its tokens. */
  void renew(Caller caller) {
    sessions.put(caller, login(emails.get(caller), caller == Caller.ADMIN ? adminPassword : PASSWORD));
  }
}
