package com.bazaar.pricing.api;

import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import io.vertx.core.Future;

import java.util.UUID;

/** How another service calls pricing: over the bus, with the caller's principal, a timeout and a breaker. */
public final class PricingClient {
  private final BusClient bus;
  private final Principal caller;

  public PricingClient(BusClient bus, Principal caller) {
    this.bus = bus;
    this.caller = caller;
  }

  /** Prices a cart; a line that cannot be priced fails the call with 422 and every failing line in the details. */
  public Future<CartQuote> calculate(CartRequest cart) {
    return bus.call(PricingAddresses.CALCULATE, BusRequest.of(cart.toJson(), caller), CartQuote::fromJson);
  }

  /** The margin rules applied to a seller price; 404 when the product has no pricing. */
  public Future<MarginVerdict> validateMargin(UUID productId, long sellerPrice) {
    return bus.call(PricingAddresses.VALIDATE_MARGIN, BusRequest.of(new MarginQuery(productId, sellerPrice).toJson(), caller),
      MarginVerdict::fromJson);
  }
}
