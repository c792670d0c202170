package com.bazaar.pricing;

import com.bazaar.platform.Ids;
import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.cache.CacheDomains;
import com.bazaar.pricing.api.CartRequest;
import com.bazaar.pricing.api.MarginQuery;
import com.bazaar.pricing.api.PricingAddresses;
import com.bazaar.product.api.ProductAddresses;
import com.bazaar.product.api.ProductClient;
import com.bazaar.platform.json.JsonArrays;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.util.UUID;

/** Binds the pricing service's bus addresses, decoding each request into records. The cache is per process. */
public final class PricingVerticle extends VerticleBase {
  public static final String SERVICE = "pricing";
  private static final Logger LOG = LoggerFactory.getLogger(PricingVerticle.class);

  private final Platform platform;

  public PricingVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    Future<PricingService> service = platform.perProcessStarted("pricing.service", () -> {
      PricingCache cache = new PricingCache(platform.vertx(), platform.redis(), platform.registry(),
        platform.config().getJsonObject("pricing"));
      PricingService created = new PricingService(new PricingRepository(platform.db(SERVICE)), cache,
        new ProductClient(platform.bus(), Principal.service(SERVICE)),
        () -> CacheDomains.bump(platform.redis(), platform.vertx().eventBus(), CacheDomains.PRICING),
        platform.config().getJsonObject("pricing").getInteger("maxMarkupBps"));
      platform.vertx().eventBus().<JsonObject>consumer(ProductAddresses.PRODUCT_CHANGED, notice -> created.productsChanged(
        JsonArrays.decodeStrings(notice.body().getJsonArray("productIds"), UUID::fromString))
        .onFailure(e -> LOG.warn("Pricing did not follow a catalog change; those products keep their state until they "
          + "change again ({})", e.toString())));
      return cache.start().map(created);
    });
    return service.compose(pricing -> new BusBindings(vertx.eventBus())
        .bind(PricingAddresses.GET, r -> pricing.get(productId(r)).map(row -> BusReply.ok(row.toJson())))
        .bind(PricingAddresses.PUT, r -> pricing.put(productId(r), PricingInput.fromJson(r.bodyObject()))
          .map(u -> new BusReply(u.inserted() ? 201 : 200, u.row().toJson().toBuffer())))
        .bind(PricingAddresses.VALIDATE_MARGIN, r -> pricing.validateMargin(MarginQuery.fromJson(r.bodyObject()))
          .map(verdict -> BusReply.ok(verdict.toJson())))
        .bind(PricingAddresses.CALCULATE, r -> pricing.calculate(CartRequest.fromJson(r.bodyObject()))
          .map(quote -> BusReply.ok(quote.toJson())))
        .ready());
  }

  private static UUID productId(BusRequest request) {
    return Ids.parse(request.param("productId"), "productId");
  }
}
