package com.bazaar.product.api;

/** The product service's published bus contract: its addresses. Payloads are the records beside this class. */
public final class ProductAddresses {
  public static final String CATEGORIES_LIST = "product.categories.list";
  public static final String CATEGORIES_GET = "product.categories.get";
  public static final String CATEGORIES_CREATE = "product.categories.create";
  public static final String CATEGORIES_UPDATE = "product.categories.update";
  public static final String CATEGORIES_DELETE = "product.categories.delete";
  public static final String PRODUCTS_LIST = "product.products.list";
  public static final String PRODUCTS_GET = "product.products.get";
  public static final String PRODUCTS_CREATE = "product.products.create";
  public static final String PRODUCTS_UPDATE = "product.products.update";
  public static final String PRODUCTS_DELETE = "product.products.delete";
  public static final String VARIANTS_ADD = "product.variants.add";
  public static final String VARIANTS_UPDATE = "product.variants.update";
  /**
   * Body {@code {"orderId","lines":[StockLine…]}}; reply {@code {"reserved":[StockLine…]}}, or 409 OUT_OF_STOCK or
   * RESERVATION_MISMATCH. Idempotent per order.
   */
  public static final String STOCK_RESERVE = "product.stock.reserve";
  /** Body {@code {"orderId"}}; reply {@code {"released":[StockLine…]}}, empty when nothing was held. Idempotent. */
  public static final String STOCK_RELEASE = "product.stock.release";
  /**
   * Body {@code {"olderThanSec","limit"}}; reply {@code {"orderIds":[…]}}: orders holding reservations never confirmed
   * by their {@code order.created}, reserved longer ago than that, oldest first.
   */
  public static final String STOCK_UNCONFIRMED = "product.stock.unconfirmed";
  /** Body {@code {"variantIds":[…]}}; reply {@code {"variants":[VariantSnapshot…]}}, unknown ids omitted. */
  public static final String VARIANTS_LOOKUP = "product.variants.lookup";
  /** Body {@code {"productIds":[…]}} (1 to 100); reply {@code {"products":[ProductSummary…]}}, unknown ids omitted. */
  public static final String PRODUCTS_SUMMARY = "product.products.summary";
  /** Published after every catalog write: {@code {"productId","slug","change","catalogVersion"}}. */
  public static final String PRODUCT_CHANGED = "product.changed";

  private ProductAddresses() {
  }
}
