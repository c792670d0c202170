package com.bazaar.sharelink;

import java.security.SecureRandom;

/** Short, unguessable link codes: base62 from a secure random source (10 characters: about 59 bits). */
final class LinkCodes {
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private LinkCodes() {
  }

  static String next(int length) {
    char[] code = new char[length];
    for (int i = 0; i < length; i++) {
      code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(code);
  }

  static boolean wellFormed(String code) {
    if (code == null || code.length() < 8 || code.length() > 32) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }
}
