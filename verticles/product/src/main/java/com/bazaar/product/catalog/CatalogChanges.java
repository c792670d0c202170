package com.bazaar.product.catalog;

import com.bazaar.platform.cache.CacheDomains;
import com.bazaar.platform.cache.RedisCache;
import com.bazaar.platform.redis.SharedRedis;
import com.bazaar.product.api.ProductAddresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What follows every committed catalog write: the product's cached details are dropped, the catalog version
 * in Redis is bumped (retiring every cached response of the catalog), and {@code product.changed} is published.
 * All of it is best effort; a write never fails because Redis is down.
 */
public final class CatalogChanges {
  private static final int INVALIDATE_BATCH = 500;

  private final RedisCache details;
  private final SharedRedis redis;
  private final EventBus bus;

  public CatalogChanges(RedisCache details, SharedRedis redis, EventBus bus) {
    this.details = details;
    this.redis = redis;
    this.bus = bus;
  }

  public record Change(UUID productId, Collection<String> slugs) {
  }

  /** The details go first: a response cache keyed by the new version must not be filled from a stale detail. */
  public Future<Void> changed(String kind, List<Change> changes) {
    return invalidate(changes)
      .compose(v -> CacheDomains.bump(redis, bus, CacheDomains.CATALOG)).map(v -> {
      JsonArray ids = new JsonArray();
      changes.forEach(c -> ids.add(c.productId().toString()));
      bus.publish(ProductAddresses.PRODUCT_CHANGED, new JsonObject().put("change", kind).put("productIds", ids)
        .put("catalogVersion", v));
      return null;
    });
  }

  public Future<Void> changed(String kind, UUID productId, String... slugs) {
    return changed(kind, List.of(new Change(productId, java.util.Arrays.asList(slugs))));
  }

  /**
   * Stock moved: only the products' details are dropped. Lists keep showing the total stock they cached until
   * their short TTL ends, rather than every order retiring every cached catalog response.
   */
  public Future<Void> stockChanged(List<Change> changes) {
    return invalidate(changes);
  }

  private Future<Void> invalidate(List<Change> changes) {
    List<String> keys = new ArrayList<>();
    for (Change change : changes) {
      keys.add(ProductDetails.idKey(change.productId()));
      change.slugs().stream().filter(Objects::nonNull).distinct().forEach(slug -> keys.add(ProductDetails.slugKey(slug)));
    }
    List<Future<Void>> invalidations = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += INVALIDATE_BATCH) {
      invalidations.add(details.invalidate(keys.subList(i, Math.min(keys.size(), i + INVALIDATE_BATCH))));
    }
    return Future.join(invalidations).mapEmpty();
  }
}
