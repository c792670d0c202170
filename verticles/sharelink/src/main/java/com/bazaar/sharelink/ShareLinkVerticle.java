package com.bazaar.sharelink;

import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.cache.CacheDomains;
import com.bazaar.platform.json.JsonArrays;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.pricing.api.PricingClient;
import com.bazaar.product.api.ProductAddresses;
import com.bazaar.product.api.ProductClient;
import com.bazaar.sharelink.api.ShareLinkAddresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** Binds the share-link service's addresses. The caches, the click recorder and the sales consumer are per process. */
public final class ShareLinkVerticle extends VerticleBase {
  public static final String SERVICE = "sharelink";
  private static final Logger LOG = LoggerFactory.getLogger(ShareLinkVerticle.class);

  private final Platform platform;
  private Parts parts;

  private record Parts(ShareLinkService links, LinkStats stats, LinkTermsService terms, ClickRecorder clicks,
                       VisitorIds visitors) {
  }

  public ShareLinkVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    return platform.perProcessStarted("sharelink.parts", this::createParts).compose(created -> {
      parts = created;
      return new BusBindings(vertx.eventBus())
        .bind(ShareLinkAddresses.CREATE, r -> created.links().create(r.principal(), LinkDraft.fromJson(r.bodyObject()))
          .map(BusReply::created))
        .bind(ShareLinkAddresses.LIST, r -> created.links().list(r.principal(), PageRequest.from(r)).map(BusReply::ok))
        .bind(ShareLinkAddresses.RESOLVE, r -> created.links().resolve(r.param("code"), () -> visitor(r)).map(BusReply::ok))
        .bind(ShareLinkAddresses.REDIRECT, r -> created.links().redirect(r.param("code"), () -> visitor(r))
          .map(location -> new BusReply(302, new JsonObject().put("location", location).toBuffer())))
        .bind(ShareLinkAddresses.UPDATE, r -> created.links().update(r.principal(), r.param("code"), r.bodyObject())
          .map(BusReply::ok))
        .bind(ShareLinkAddresses.STATS, r -> created.stats().of(r.principal(), r.param("code")).map(BusReply::ok))
        .bind(ShareLinkAddresses.TERMS, r -> created.terms().terms(r.bodyObject().getString("code"))
          .map(terms -> BusReply.ok(terms.toJson())))
        .ready();
    });
  }

  /** Clicks counted in memory are written before the process goes. */
  @Override
  public Future<?> stop() {
    return parts == null ? Future.succeededFuture() : parts.clicks().stop();
  }

  private Future<Parts> createParts() {
    ShareLinkSettings settings = ShareLinkSettings.from(platform.config());
    ShareLinkRepository repository = new ShareLinkRepository(platform.db(SERVICE));
    ResolveCache cache = new ResolveCache(platform.vertx(), platform.redis(), settings, platform.registry());
    ClickRecorder clicks = new ClickRecorder(platform.vertx(), platform.db(SERVICE).write(), platform.redis(), settings,
      platform.registry()).start();
    Principal self = Principal.service(SERVICE);
    ShareLinkService links = new ShareLinkService(repository, cache, clicks, new PricingClient(platform.bus(), self),
      new ProductClient(platform.bus(), self), settings);
    platform.vertx().eventBus().<JsonObject>consumer(ProductAddresses.PRODUCT_CHANGED, notice -> cache.productsChanged(
      JsonArrays.decodeStrings(notice.body().getJsonArray("productIds"), UUID::fromString)));
    platform.vertx().eventBus().<JsonObject>consumer(CacheDomains.CHANGED_ADDRESS, notice -> {
      if (CacheDomains.PRICING.equals(notice.body().getString("domain"))) {
        cache.everythingChanged();
      }
    });
    platform.events().consume(SERVICE, SalesProjection.QUEUE, new SalesProjection())
      .onFailure(e -> LOG.warn("Share-link sales are not being counted: {}", e.toString()));
    platform.events().relay(SERVICE)
      .onFailure(e -> LOG.warn("Share-link events are not being relayed: {}", e.toString()));
    return cache.start().map(new Parts(links, new LinkStats(links, repository, platform.redis(), settings),
      new LinkTermsService(links), clicks,
      new VisitorIds(settings.visitorSalt())));
  }

  private String visitor(BusRequest request) {
    return parts.visitors().of(request.header("x-visitor-id"), request.header("x-client-address"),
      request.header("user-agent"));
  }
}
