package com.bazaar.platform.cache;

/**
 * Per-domain cache versions in Redis. A service bumps its domain's version on every write; response caches put
 * the version into their keys, so one write retires every cached list and detail of the domain at once.
 */
public final class CacheDomains {
  public static final String CATALOG = "catalog";

  private CacheDomains() {
  }

  public static String versionKey(String domain) {
    return "version:" + domain;
  }
}
