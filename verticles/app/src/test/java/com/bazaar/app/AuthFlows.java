package com.bazaar.app;

import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonObject;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Register and log in through the public API, for tests that need real tokens. */
final class AuthFlows {
  private AuthFlows() {
  }

  static JsonObject registerAndLogin(TestHttp http, String email, String role) {
    Response registered = http.post("/api/v1/auth/register",
      new JsonObject().put("email", email).put("password", "correct horse battery").put("role", role));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    return login(http, email, "correct horse battery");
  }

  static JsonObject login(TestHttp http, String email, String password) {
    Response login = http.post("/api/v1/auth/login", new JsonObject().put("email", email).put("password", password));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    return login.json();
  }

  static Map<String, String> bearer(JsonObject pair) {
    return Map.of("Authorization", "Bearer " + pair.getString("accessToken"));
  }
}
