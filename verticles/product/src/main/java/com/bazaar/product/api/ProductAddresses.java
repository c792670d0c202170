package com.bazaar.product.api;

/** The product service's published bus contract: its addresses. */
public final class ProductAddresses {
  public static final String CATEGORIES_LIST = "product.categories.list";
  public static final String CATEGORIES_GET = "product.categories.get";
  public static final String CATEGORIES_CREATE = "product.categories.create";
  public static final String CATEGORIES_UPDATE = "product.categories.update";
  public static final String CATEGORIES_DELETE = "product.categories.delete";

  private ProductAddresses() {
  }
}
