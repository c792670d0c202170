package com.bazaar.sharelink.api;

import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;


/** How another service (orders) asks about a link: over the bus, with a timeout and a breaker. */
public final class ShareLinkClient {
  private final BusClient bus;
  private final Principal caller;

  public ShareLinkClient(BusClient bus, Principal caller) {
    this.bus = bus;
    this.caller = caller;
  }

  /**
   * The terms of selling the linked product through the link {@code code}. Fails with 404 (no such link), 410
   * ({@code LINK_EXPIRED}, {@code LINK_INACTIVE}, {@code PRODUCT_UNAVAILABLE}) or 422 ({@code PRICE_OUTSIDE_MARGIN}
   * when the product's pricing changed since the link was made).
   */
  public Future<LinkTerms> terms(String code) {
    return bus.call(ShareLinkAddresses.TERMS, BusRequest.of(new JsonObject().put("code", code), caller),
      LinkTerms::fromJson);
  }
}
