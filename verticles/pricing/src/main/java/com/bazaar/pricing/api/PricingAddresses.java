package com.bazaar.pricing.api;

/**
 * The pricing service's published bus contract. Bodies are the JSON of the HTTP operations in openapi.yaml:
 * calculate takes {@code {"items":[{"productId","quantity","sellerPrice"?}]}} and answers per-item lines and a
 * summary; validateMargin takes {@code {"productId","sellerPrice"}} and answers {@code {"valid","marginBps",…}}.
 */
public final class PricingAddresses {
  public static final String GET = "pricing.get";
  public static final String PUT = "pricing.put";
  public static final String VALIDATE_MARGIN = "pricing.validateMargin";
  public static final String CALCULATE = "pricing.calculate";

  private PricingAddresses() {
  }
}
