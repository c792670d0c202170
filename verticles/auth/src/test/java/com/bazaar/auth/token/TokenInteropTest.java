package com.bazaar.auth.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.bazaar.platform.auth.JwtSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bazaar's access tokens as another JWT library (Auth0's java-jwt) sees them. */
class TokenInteropTest {
  private static final Vertx VERTX = Vertx.vertx();

  @AfterAll
  static void close() {
    VERTX.close().await();
  }

  @Test
  void another_library_verifies_the_token_and_reads_whole_second_times() throws Exception {
    SigningKey key = SigningKey.generate("interop");
    JwtSettings settings = new JwtSettings("bazaar", "bazaar-api", 5, "interop", null, null, null, null, null, false,
      900, 86_400, 5_000);
    long before = Instant.now().getEpochSecond();

    String token = new TokenIssuer(VERTX, key, settings).accessToken("user-1", List.of("CUSTOMER"));

    DecodedJWT verified = JWT.require(Algorithm.RSA256(publicKey(key), null)).withIssuer("bazaar")
      .withAudience("bazaar-api").withSubject("user-1").build().verify(token);
    assertThat(verified.getIssuedAtAsInstant().getEpochSecond()).isBetween(before, before + 1);
    assertThat(verified.getExpiresAtAsInstant().getEpochSecond() - verified.getIssuedAtAsInstant().getEpochSecond())
      .isEqualTo(900);
    JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
      StandardCharsets.UTF_8));
    assertThat(payload.getValue("iat")).as("RFC 7519 NumericDate as an integer").isInstanceOfAny(Integer.class,
      Long.class);
    assertThat(payload.getLong("bazaar_iat_ms") / 1000).isEqualTo(payload.getLong("iat"));
  }

  private static RSAPublicKey publicKey(SigningKey key) throws Exception {
    String base64 = key.publicPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
      Base64.getDecoder().decode(base64)));
  }
}
