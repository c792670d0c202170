package com.bazaar.sharelink.api;

import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import io.vertx.core.Future;

import java.util.UUID;

/** How another service (orders) asks about a link: over the bus, with a timeout and a breaker. */
public final class ShareLinkClient {
  private final BusClient bus;
  private final Principal caller;

  public ShareLinkClient(BusClient bus, Principal caller) {
    this.bus = bus;
    this.caller = caller;
  }

  /**
   * The terms of selling {@code variantId} through the link {@code code}. Fails with 404 (no such link), 410
   * ({@code LINK_EXPIRED}, {@code LINK_INACTIVE}) or 422 ({@code VARIANT_NOT_IN_LINK}, {@code PRICE_OUTSIDE_MARGIN}
   * when the product's pricing changed since the link was made).
   */
  public Future<LinkTerms> terms(String code, UUID variantId) {
    return bus.call(ShareLinkAddresses.TERMS, BusRequest.of(new TermsQuery(code, variantId).toJson(), caller),
      LinkTerms::fromJson);
  }
}
