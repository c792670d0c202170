package com.bazaar.payment.provider;

import io.vertx.core.Future;

/**
 * What Bazaar needs of a payment provider: an order on its side for an amount, a whole refund of a captured payment,
 * the outcome of an order when asked (for payments whose webhook never came), and the check of its signed webhooks.
 */
public interface PaymentProvider {
  String name();

  /** The provider's order for {@code amount} minor units of {@code currency}; {@code receipt} is our order number. */
  Future<String> createOrder(long amount, String currency, String receipt);

  /**
   * Refunds {@code amount} of the captured payment; answers the provider's refund id. {@code receipt} is ours (the
   * refund's id): a provider that deduplicates by it makes a retried refund safe.
   */
  Future<String> refund(String providerPaymentId, long amount, String receipt);

  /** How the provider order ended, as its webhook would have said; null while nothing has happened. */
  Future<ProviderEvent> fetch(String providerOrderId);

  /** The signature scheme of this provider's webhooks. */
  WebhookSignature webhooks();
}
