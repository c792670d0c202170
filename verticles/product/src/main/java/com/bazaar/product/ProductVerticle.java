package com.bazaar.product;

import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.product.api.ProductAddresses;
import com.bazaar.product.category.CategoryService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** Binds the product service's bus addresses. */
public final class ProductVerticle extends VerticleBase {
  public static final String SERVICE = "product";

  private final Platform platform;
  private BusBindings bindings;

  public ProductVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    CategoryService categories = new CategoryService(platform.db(SERVICE));
    bindings = new BusBindings(vertx.eventBus())
      .bind(ProductAddresses.CATEGORIES_LIST, categories::list)
      .bind(ProductAddresses.CATEGORIES_GET, categories::get)
      .bind(ProductAddresses.CATEGORIES_CREATE, categories::create)
      .bind(ProductAddresses.CATEGORIES_UPDATE, categories::update)
      .bind(ProductAddresses.CATEGORIES_DELETE, categories::delete);
    return bindings.ready();
  }
}
