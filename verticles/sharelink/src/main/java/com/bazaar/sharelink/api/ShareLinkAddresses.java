package com.bazaar.sharelink.api;

/** The share-link service's bus addresses. */
public final class ShareLinkAddresses {
  public static final String CREATE = "sharelink.create";
  public static final String LIST = "sharelink.list";
  public static final String RESOLVE = "sharelink.resolve";
  public static final String REDIRECT = "sharelink.redirect";
  public static final String UPDATE = "sharelink.update";
  public static final String STATS = "sharelink.stats";
  /** For orders: {@code {"code"}} in, {@link LinkTerms} out. */
  public static final String TERMS = "sharelink.terms";

  private ShareLinkAddresses() {
  }
}
