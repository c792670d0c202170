package com.bazaar.sharelink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Who a visitor is, for counting unique visitors and nothing else: the client's own visitor id when it sends a
 * well-formed one, else a salted SHA-256 of the client address and user agent. No raw address is kept anywhere.
 */
final class VisitorIds {
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  private final byte[] salt;

  VisitorIds(String salt) {
    this.salt = salt.getBytes(StandardCharsets.UTF_8);
  }

  String of(String clientVisitorId, String clientAddress, String userAgent) {
    if (clientVisitorId != null && CLIENT_ID.matcher(clientVisitorId).matches()) {
      return "c:" + clientVisitorId;
    }
    MessageDigest digest = sha256();
    digest.update(salt);
    digest.update((String.valueOf(clientAddress) + '\n' + String.valueOf(userAgent)).getBytes(StandardCharsets.UTF_8));
    return "h:" + HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
