package com.bazaar.platform.auth;

/**
 * The conventions the auth service and the gateway share without depending on each other: where the auth
 * service publishes its verification keys and revocations, and the Redis key of a user's "not before" time.
 */
public final class AuthContract {
  /** Request/reply: {@code {"keys":[{"kid","algorithm","publicKey"}]}} — public keys only. */
  public static final String KEYS_ADDRESS = "auth.keys";
  /** Published: {@code {"userId","notBefore"}} when a user's tokens are revoked. */
  public static final String REVOCATIONS_ADDRESS = "auth.revocations";
  /**
   * The private claim with the token's issue time in epoch milliseconds. {@code iat} is whole seconds (RFC 7519
   * NumericDate, as every verifier expects); this one lets a revocation void exactly the tokens issued before it,
   * even within the same second.
   */
  public static final String ISSUED_AT_MS_CLAIM = "bazaar_iat_ms";

  private AuthContract() {
  }

  /** Redis key holding the epoch seconds (with millisecond fraction) before which a user's tokens are void. */
  public static String notBeforeKey(String userId) {
    return "auth:nbf:" + userId;
  }
}
