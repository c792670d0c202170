package com.bazaar.payment.api;

/** The payment service's bus addresses. */
public final class PaymentAddresses {
  public static final String CREATE = "payment.create";
  public static final String GET = "payment.get";
  public static final String FOR_ORDER = "payment.for-order";
  public static final String WEBHOOK = "payment.webhook";
  public static final String SANDBOX_COMPLETE = "payment.sandbox.complete";

  private PaymentAddresses() {
  }
}
