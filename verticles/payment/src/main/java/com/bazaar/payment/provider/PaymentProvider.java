package com.bazaar.payment.provider;

import io.vertx.core.Future;

/**
 * What Bazaar needs of a payment provider: an order on its side for an amount, and the check of its signed
 * webhooks. Refunds and fetching a payment's state come with the providers that need them.
 */
public interface PaymentProvider {
  String name();

  /** The provider's order for {@code amount} minor units of {@code currency}; {@code receipt} is our order number. */
  Future<String> createOrder(long amount, String currency, String receipt);

  /** The signature scheme of this provider's webhooks. */
  WebhookSignature webhooks();
}
