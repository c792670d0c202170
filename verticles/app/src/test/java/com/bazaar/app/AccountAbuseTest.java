package com.bazaar.app;

import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An attacker may not lock an owner out of login, and a disabled account keeps no working token. */
class AccountAbuseTest {
  private static RunningApp app;
  private static Map<String, String> admin;

  @BeforeAll
  static void start() {
    app = RunningApp.start(Map.of("BAZAAR_ADMIN_EMAIL", "abuse@bazaar.test", "BAZAAR_ADMIN_PASSWORD", "abuse admin pw",
      "BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_LOGIN_EMAIL_IP_BURST", "5",
      "BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_LOGIN_EMAIL_BURST", "20"));
    admin = AuthFlows.bearer(AuthFlows.login(app.http, "abuse@bazaar.test", "abuse admin pw"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String email() {
    return "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@bazaar.test";
  }

  /** A login from another loopback address, 127.0.0.2, as a second client machine would send it. */
  private static int loginFrom127002(String email, String password) {
    Vertx vertx = Vertx.vertx();
    try {
      HttpClient client = vertx.createHttpClient(new HttpClientOptions().setLocalAddress("127.0.0.2"));
      return client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
          .setPort(app.config.getJsonObject("http").getInteger("port")).setURI("/api/v1/auth/login")
          .putHeader("content-type", "application/json"))
        .compose(request -> request.send(Buffer.buffer(new JsonObject().put("email", email).put("password", password)
          .encode())))
        .map(response -> response.statusCode()).await();
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void wrong_passwords_from_one_address_are_limited_there_and_the_owner_still_logs_in_from_another() {
    String email = email();
    AuthFlows.registerAndLogin(app.http, email, "CUSTOMER");
    List<Integer> attacker = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      attacker.add(loginFrom127002(email, "guess " + i));
    }

    Response owner = app.http.post("/api/v1/auth/login",
      new JsonObject().put("email", email).put("password", "correct horse battery"));

    assertThat(attacker.subList(0, 5)).containsOnly(401);
    assertThat(attacker.subList(5, 7)).containsOnly(429);
    assertThat(owner.status()).isEqualTo(200);
  }

  @Test
  void registrations_do_not_count_against_an_email() {
    String email = email();
    for (int i = 0; i < 6; i++) {
      app.http.post("/api/v1/auth/register", new JsonObject().put("email", email).put("password", "correct horse battery"));
    }

    assertThat(app.http.post("/api/v1/auth/login",
      new JsonObject().put("email", email).put("password", "correct horse battery")).status()).isEqualTo(200);
  }

  @Test
  void disabling_an_account_revokes_its_tokens_at_once_and_its_refresh_token_too() {
    JsonObject pair = AuthFlows.registerAndLogin(app.http, email(), "RESELLER");
    String userId = app.http.get("/api/v1/auth/me", AuthFlows.bearer(pair)).json().getString("id");

    Response disabled = app.http.patch("/api/v1/admin/users/" + userId, new JsonObject().put("isActive", false), admin);
    Response me = app.http.get("/api/v1/auth/me", AuthFlows.bearer(pair));
    Response categories = app.http.get("/api/v1/categories", AuthFlows.bearer(pair));
    Response refresh = app.http.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", pair.getString("refreshToken")));
    Response byCustomer = app.http.patch("/api/v1/admin/users/" + userId, new JsonObject().put("isActive", true),
      AuthFlows.bearer(pair));

    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().getBoolean("isActive")).isFalse();
    assertThat(me.status()).isEqualTo(401);
    assertThat(me.errorCode()).isEqualTo("TOKEN_REVOKED");
    assertThat(categories.status()).as("every route, not only /auth/me").isEqualTo(401);
    assertThat(refresh.status()).isEqualTo(401);
    assertThat(byCustomer.status()).isEqualTo(401);
  }
}
