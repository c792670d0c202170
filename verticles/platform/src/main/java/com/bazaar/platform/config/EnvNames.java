package com.bazaar.platform.config;

import java.util.Map;

/**
 * Maps a config key path to its environment variable: {@code pg.poolSize.product} becomes
 * {@code BAZAAR_PG_POOL_SIZE_PRODUCT}. A few keys keep the short names the API documents.
 */
public final class EnvNames {
  private static final Map<String, String> ALIASES = Map.of(
    "auth.bootstrapAdmin.email", "BAZAAR_ADMIN_EMAIL",
    "auth.bootstrapAdmin.password", "BAZAAR_ADMIN_PASSWORD");

  private EnvNames() {
  }

  public static String of(String path) {
    String alias = ALIASES.get(path);
    if (alias != null) {
      return alias;
    }
    StringBuilder sb = new StringBuilder("BAZAAR");
    for (String segment : path.split("\\.")) {
      sb.append('_');
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (Character.isUpperCase(c) && i > 0) {
          sb.append('_');
        }
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }
}
