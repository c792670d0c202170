package com.bazaar.order.api;

/** The order service's bus addresses: those the gateway routes to, and the contract for payments and the wallet. */
public final class OrderAddresses {
  public static final String CREATE = "order.create";
  public static final String LIST = "order.list";
  public static final String GET = "order.get";
  public static final String HISTORY = "order.history";
  public static final String SELLER_LIST = "order.seller.list";
  public static final String CHANGE_STATUS = "order.status";
  /** For services: {@code {"orderId"}} in, {@link OrderSnapshot} out. */
  public static final String SNAPSHOT = "order.snapshot";
  /** For the payment service only: {@code {"orderId","paymentId"}} in, {@link OrderSnapshot} out. */
  public static final String MARK_PAID = "order.mark-paid";
  /** For the payment service only: {@code {"orderId","paymentId"}} in, {@link OrderSnapshot} out. */
  public static final String CASH_ON_DELIVERY = "order.cash-on-delivery";

  private OrderAddresses() {
  }
}
