package com.bazaar.payment.provider;

import com.bazaar.platform.Digests;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Razorpay's webhook signature: the hex HMAC-SHA256 of the exact request bytes under the webhook secret, sent as
 * {@code X-Razorpay-Signature}. Checked in constant time, so the comparison leaks nothing of the expected value.
 */
public final class WebhookSignature {
  private final byte[] secret;

  public WebhookSignature(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  public String sign(Buffer body) {
    return HexFormat.of().formatHex(Digests.hmacSha256(secret, body.getBytes()));
  }

  public boolean verifies(Buffer body, String signature) {
    if (signature == null || signature.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
      signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
