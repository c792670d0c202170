package com.bazaar.notification.webhook;

import com.bazaar.platform.Digests;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Standard Webhooks signature (standardwebhooks.com): {@code webhook-signature} is {@code v1,} and the base64
 * HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the bytes that the secret
 * {@code whsec_<base64>} encodes. Receivers check it with any Standard Webhooks library, or in a few lines.
 */
public final class StandardWebhooks {
  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";
  private static final String SECRET_PREFIX = "whsec_";
  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private StandardWebhooks() {
  }

  /** A fresh secret, {@code whsec_} and 32 random bytes in base64. */
  public static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} value of one attempt. */
  public static String sign(String secret, String id, long timestampSec, String body) {
    byte[] signed = Digests.hmacSha256(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())),
      (id + "." + timestampSec + "." + body).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(signed);
  }
}
