package com.bazaar.platform.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** RSA key pairs, and RS256 tokens signed with them exactly as given, for tests that need or forge tokens. */
public final class TestKeys {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final String kid;
  private final KeyPair pair;

  private TestKeys(String kid, KeyPair pair) {
    this.kid = kid;
    this.pair = pair;
  }

  public static TestKeys generate(String kid) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new TestKeys(kid, generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String kid() {
    return kid;
  }

  public String privatePem() {
    return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  public String publicPem() {
    return pem("PUBLIC KEY", pair.getPublic().getEncoded());
  }

  /** Environment variables that make Bazaar sign (auth) and verify (gateway) with this key. */
  public Map<String, String> env() {
    return Map.of("BAZAAR_AUTH_JWT_KID", kid, "BAZAAR_AUTH_JWT_PRIVATE_KEY", privatePem(),
      "BAZAAR_AUTH_JWT_PUBLIC_KEY", publicPem());
  }

  /** A valid access token for the default issuer and audience. */
  public String token(String userId, String... roles) {
    long now = System.currentTimeMillis() / 1000;
    return sign(new JsonObject().put("sub", userId).put("roles", new JsonArray(java.util.List.of(roles)))
      .put("iss", "bazaar").put("aud", "bazaar-api").put("iat", now).put("exp", now + 600));
  }

  /** Signs exactly these claims, RS256, with this key's kid. */
  public String sign(JsonObject claims) {
    String header = encode(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", kid).encode());
    String input = header + "." + encode(claims.encode());
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(pair.getPrivate());
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
      + "\n-----END " + type + "-----\n";
  }
}
