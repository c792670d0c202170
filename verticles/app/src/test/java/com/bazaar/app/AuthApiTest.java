package com.bazaar.app;

import com.bazaar.platform.testing.TestHttp.Response;
import com.bazaar.platform.testing.TestKeys;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bazaar.app.AuthFlows.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Accounts, tokens and roles through the real HTTP gateway. */
class AuthApiTest {
  private static final TestKeys KEYS = TestKeys.generate("test-key-1");
  private static final TestKeys PREVIOUS = TestKeys.generate("test-key-0");
  private static final TestKeys STRANGER = TestKeys.generate("test-key-1");
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start(Map.of(
      "BAZAAR_AUTH_JWT_KID", KEYS.kid(),
      "BAZAAR_AUTH_JWT_PRIVATE_KEY", KEYS.privatePem(),
      "BAZAAR_AUTH_JWT_PREVIOUS_KID", PREVIOUS.kid(),
      "BAZAAR_AUTH_JWT_PREVIOUS_PUBLIC_KEY", PREVIOUS.publicPem(),
      "BAZAAR_ADMIN_EMAIL", "root@bazaar.test",
      "BAZAAR_ADMIN_PASSWORD", "admin password 1"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String email() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@bazaar.test";
  }

  @Test
  void register_login_me_refresh_logout_and_me_after_logout() {
    String email = email();
    Response registered = app.http.post("/api/v1/auth/register", new JsonObject().put("email", email.toUpperCase())
      .put("password", "correct horse battery").put("firstName", "Asha").put("role", "RESELLER"));
    JsonObject pair = AuthFlows.login(app.http, email, "correct horse battery");

    Response me = app.http.get("/api/v1/auth/me", bearer(pair));
    Response refreshed = app.http.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", pair.getString("refreshToken")));
    JsonObject newPair = refreshed.json();
    Response meWithNewToken = app.http.get("/api/v1/auth/me", bearer(newPair));
    Response logout = app.http.post("/api/v1/auth/logout",
      new JsonObject().put("refreshToken", newPair.getString("refreshToken")), bearer(newPair));
    Response meAfterLogout = app.http.get("/api/v1/auth/me", bearer(newPair));
    Response refreshAfterLogout = app.http.post("/api/v1/auth/refresh",
      new JsonObject().put("refreshToken", newPair.getString("refreshToken")));

    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.json().getJsonObject("user").getString("email")).isEqualTo(email);
    assertThat(registered.json().getJsonObject("user").containsKey("passwordHash")).isFalse();
    assertThat(pair.getString("tokenType")).isEqualTo("Bearer");
    assertThat(pair.getInteger("expiresIn")).isEqualTo(900);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("firstName")).isEqualTo("Asha");
    assertThat(me.json().getJsonArray("roles")).containsExactly("RESELLER");
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(newPair.getString("refreshToken")).isNotEqualTo(pair.getString("refreshToken"));
    assertThat(meWithNewToken.status()).isEqualTo(200);
    assertThat(logout.status()).isEqualTo(204);
    assertThat(meAfterLogout.status()).isEqualTo(401);
    assertThat(meAfterLogout.errorCode()).isEqualTo("TOKEN_REVOKED");
    assertThat(refreshAfterLogout.status()).isEqualTo(401);
  }

  @Test
  void a_duplicate_email_is_a_409_whatever_its_case_and_a_weak_password_or_admin_role_is_a_400() {
    String email = email();
    app.http.post("/api/v1/auth/register", new JsonObject().put("email", email).put("password", "long enough pw"));

    Response duplicate = app.http.post("/api/v1/auth/register",
      new JsonObject().put("email", email.toUpperCase()).put("password", "long enough pw"));
    Response weak = app.http.post("/api/v1/auth/register", new JsonObject().put("email", email()).put("password", "short7!"));
    Response admin = app.http.post("/api/v1/auth/register",
      new JsonObject().put("email", email()).put("password", "long enough pw").put("role", "ADMIN"));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.errorCode()).isEqualTo("EMAIL_TAKEN");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(admin.status()).isEqualTo(400);
  }

  @Test
  void a_wrong_password_and_an_unknown_email_get_the_same_401_in_comparable_time() {
    String email = email();
    AuthFlows.registerAndLogin(app.http, email, "CUSTOMER");
    JsonObject wrongPassword = new JsonObject().put("email", email).put("password", "not the password");
    JsonObject unknownEmail = new JsonObject().put("email", email()).put("password", "not the password");

    for (int warmUp = 0; warmUp < 2; warmUp++) {
      app.http.post("/api/v1/auth/login", wrongPassword);
      app.http.post("/api/v1/auth/login", unknownEmail);
    }
    int samples = 11;
    long[] wrong = new long[samples];
    long[] unknown = new long[samples];
    Response a = null;
    Response b = null;
    for (int i = 0; i < samples; i++) {
      boolean wrongFirst = i % 2 == 0;
      long t0 = System.nanoTime();
      Response first = app.http.post("/api/v1/auth/login", wrongFirst ? wrongPassword : unknownEmail);
      long t1 = System.nanoTime();
      Response second = app.http.post("/api/v1/auth/login", wrongFirst ? unknownEmail : wrongPassword);
      long t2 = System.nanoTime();
      a = wrongFirst ? first : second;
      b = wrongFirst ? second : first;
      wrong[i] = wrongFirst ? t1 - t0 : t2 - t1;
      unknown[i] = wrongFirst ? t2 - t1 : t1 - t0;
    }

    assertThat(a.status()).isEqualTo(401);
    assertThat(b.status()).isEqualTo(401);
    assertThat(b.json().getJsonObject("error").getString("code")).isEqualTo(a.json().getJsonObject("error").getString("code"));
    assertThat(b.json().getJsonObject("error").getString("message")).isEqualTo(a.json().getJsonObject("error").getString("message"));
    double ratio = (double) median(unknown) / median(wrong);
    assertThat(ratio).as("median login time, unknown email %d us / wrong password %d us", median(unknown) / 1000,
      median(wrong) / 1000).isBetween(0.5, 2.0);
  }

  @Test
  void forged_expired_and_mis_addressed_tokens_are_each_a_401() {
    JsonObject pair = AuthFlows.registerAndLogin(app.http, email(), "CUSTOMER");
    String userId = pair.getJsonObject("user").getString("id");
    long now = System.currentTimeMillis() / 1000;
    JsonObject good = new JsonObject().put("sub", userId).put("roles", new JsonArray().add("CUSTOMER"))
      .put("iss", "bazaar").put("aud", "bazaar-api").put("iat", now).put("exp", now + 600).put("jti", "j1");
    String valid = KEYS.sign(good);
    String[] parts = valid.split("\\.");

    Map<String, String> tokens = Map.ofEntries(
      Map.entry("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."),
      Map.entry("another key", STRANGER.sign(good)),
      Map.entry("expired beyond the leeway", KEYS.sign(good.copy().put("exp", now - 120))),
      Map.entry("wrong audience", KEYS.sign(good.copy().put("aud", "someone-else"))),
      Map.entry("wrong issuer", KEYS.sign(good.copy().put("iss", "evil"))),
      Map.entry("tampered payload", parts[0] + "." + b64(good.copy().put("roles", new JsonArray().add("ADMIN")).encode()) + "." + parts[2]),
      Map.entry("no exp", KEYS.sign(withoutExp(good))),
      Map.entry("a null exp", KEYS.sign(good.copy().putNull("exp"))),
      Map.entry("garbage", "not.a.jwt"));

    assertThat(app.http.get("/api/v1/auth/me", Map.of("Authorization", "Bearer " + valid)).status())
      .as("the well-formed control token").isEqualTo(200);
    tokens.forEach((name, token) -> {
      Response response = app.http.get("/api/v1/auth/me", Map.of("Authorization", "Bearer " + token));
      assertThat(response.status()).as(name).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).as(name).isEqualTo("Bearer");
    });
  }

  @Test
  void a_token_signed_with_the_previous_key_still_verifies_during_a_rotation() {
    JsonObject pair = AuthFlows.registerAndLogin(app.http, email(), "CUSTOMER");
    String userId = app.http.get("/api/v1/auth/me", bearer(pair)).json().getString("id");
    long now = System.currentTimeMillis() / 1000;
    String oldKeyToken = PREVIOUS.sign(new JsonObject().put("sub", userId)
      .put("roles", new JsonArray().add("CUSTOMER")).put("iss", "bazaar").put("aud", "bazaar-api")
      .put("iat", now).put("exp", now + 600));

    Response response = app.http.get("/api/v1/auth/me", Map.of("Authorization", "Bearer " + oldKeyToken));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getString("id")).isEqualTo(userId);
  }

  @Test
  void reusing_a_refresh_token_revokes_the_family_so_the_newest_token_fails_too() {
    JsonObject first = AuthFlows.registerAndLogin(app.http, email(), "CUSTOMER");
    JsonObject second = app.http.post("/api/v1/auth/refresh",
      new JsonObject().put("refreshToken", first.getString("refreshToken"))).json();

    Response reuse = app.http.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", first.getString("refreshToken")));
    Response newest = app.http.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", second.getString("refreshToken")));
    Response access = app.http.get("/api/v1/auth/me", bearer(second));

    assertThat(reuse.status()).isEqualTo(401);
    assertThat(reuse.errorCode()).isEqualTo("REFRESH_TOKEN_REUSED");
    assertThat(newest.status()).isEqualTo(401);
    assertThat(access.status()).isEqualTo(401);
  }

  @Test
  void of_20_concurrent_refreshes_with_one_token_exactly_one_succeeds() {
    JsonObject pair = AuthFlows.registerAndLogin(app.http, email(), "CUSTOMER");

    List<Response> responses = app.http.concurrently(20, HttpMethod.POST, "/api/v1/auth/refresh",
      Map.of("content-type", "application/json"), new JsonObject().put("refreshToken", pair.getString("refreshToken")));

    assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
    assertThat(responses).filteredOn(r -> r.status() == 401).hasSize(19);
  }

  @Test
  void admin_only_routes_refuse_a_customer_with_403_and_serve_the_bootstrap_admin() {
    JsonObject customer = AuthFlows.registerAndLogin(app.http, email(), "CUSTOMER");
    JsonObject admin = AuthFlows.login(app.http, "root@bazaar.test", "admin password 1");
    JsonObject category = new JsonObject().put("name", "Watches " + UUID.randomUUID().toString().substring(0, 6));

    Response asCustomer = app.http.post("/api/v1/categories", category, bearer(customer));
    Response asAdmin = app.http.post("/api/v1/categories", category, bearer(admin));
    Response duplicate = app.http.post("/api/v1/categories", category, bearer(admin));
    String id = asAdmin.json().getString("id");
    Response patched = app.http.send(HttpMethod.PATCH, "/api/v1/categories/" + id,
      Map.of("content-type", "application/json", "Authorization", bearer(admin).get("Authorization")),
      new JsonObject().put("description", "Wrist watches").toBuffer());
    Response deleted = app.http.send(HttpMethod.DELETE, "/api/v1/categories/" + id, bearer(admin), null);
    Response unknown = app.http.send(HttpMethod.DELETE, "/api/v1/categories/" + id, bearer(admin), null);

    assertThat(asCustomer.status()).isEqualTo(403);
    assertThat(asCustomer.errorCode()).isEqualTo("FORBIDDEN");
    assertThat(asAdmin.status()).isEqualTo(201);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(patched.json().getString("description")).isEqualTo("Wrist watches");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(app.http.get("/api/v1/auth/me", bearer(admin)).json().getJsonArray("roles")).containsExactly("ADMIN");
  }

  private static JsonObject withoutExp(JsonObject claims) {
    JsonObject copy = claims.copy();
    copy.remove("exp");
    return copy;
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
