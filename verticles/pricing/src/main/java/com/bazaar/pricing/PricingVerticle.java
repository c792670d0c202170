package com.bazaar.pricing;

import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.cache.CacheDomains;
import com.bazaar.pricing.api.PricingAddresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** Binds the pricing service's bus addresses. The cache is shared by every instance in the process. */
public final class PricingVerticle extends VerticleBase {
  public static final String SERVICE = "pricing";

  private final Platform platform;

  public PricingVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    Future<PricingCache> cache = platform.perProcessStarted("pricing.cache", () -> {
      PricingCache created = new PricingCache(platform.vertx(), platform.redis(), platform.registry(),
        platform.config().getJsonObject("pricing"));
      return created.start().map(created);
    });
    return cache.compose(started -> {
      PricingService pricing = new PricingService(new PricingRepository(platform.db(SERVICE)), started, platform.bus(),
        () -> CacheDomains.bump(platform.redis(), vertx.eventBus(), CacheDomains.PRICING));
      return new BusBindings(vertx.eventBus())
        .bind(PricingAddresses.GET, pricing::get)
        .bind(PricingAddresses.PUT, pricing::put)
        .bind(PricingAddresses.VALIDATE_MARGIN, pricing::validateMargin)
        .bind(PricingAddresses.CALCULATE, pricing::calculate)
        .ready();
    });
  }
}
