package com.bazaar.product;

import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.cache.RedisCache;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.product.api.ProductAddresses;
import com.bazaar.product.catalog.CatalogChanges;
import com.bazaar.product.catalog.ProductDetails;
import com.bazaar.product.catalog.ProductListing;
import com.bazaar.product.catalog.ProductWrites;
import com.bazaar.product.category.CategoryService;
import com.bazaar.product.stock.StockService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/** Binds the product service's bus addresses: categories, products, variants and stock. */
public final class ProductVerticle extends VerticleBase {
  public static final String SERVICE = "product";

  private final Platform platform;

  public ProductVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    JsonObject catalog = platform.config().getJsonObject("catalog");
    ServiceDb db = platform.db(SERVICE);
    RedisCache detailCache = platform.perProcess("product.details", () -> new RedisCache(platform.redis(),
      platform.registry(), "product-detail", catalog.getBoolean("detailCacheEnabled")));
    CatalogChanges changes = new CatalogChanges(detailCache, platform.redis(), vertx.eventBus());
    CategoryService categories = new CategoryService(db, changes);
    ProductListing listing = new ProductListing(db);
    ProductDetails details = new ProductDetails(db, detailCache, catalog.getInteger("detailCacheTtlSec"));
    ProductWrites writes = new ProductWrites(db, changes, catalog.getString("defaultCurrency"));
    StockService stock = new StockService(db, changes);
    return new BusBindings(vertx.eventBus())
      .bind(ProductAddresses.CATEGORIES_LIST, categories::list)
      .bind(ProductAddresses.CATEGORIES_GET, categories::get)
      .bind(ProductAddresses.CATEGORIES_CREATE, categories::create)
      .bind(ProductAddresses.CATEGORIES_UPDATE, categories::update)
      .bind(ProductAddresses.CATEGORIES_DELETE, categories::delete)
      .bind(ProductAddresses.PRODUCTS_LIST, listing::list)
      .bind(ProductAddresses.PRODUCTS_GET, details::get)
      .bind(ProductAddresses.PRODUCTS_SUMMARY, listing::summaries)
      .bind(ProductAddresses.PRODUCTS_CREATE, writes::create)
      .bind(ProductAddresses.PRODUCTS_UPDATE, writes::update)
      .bind(ProductAddresses.PRODUCTS_DELETE, writes::delete)
      .bind(ProductAddresses.VARIANTS_ADD, writes::addVariant)
      .bind(ProductAddresses.VARIANTS_UPDATE, writes::updateVariant)
      .bind(ProductAddresses.STOCK_RESERVE, stock::reserve)
      .bind(ProductAddresses.STOCK_RELEASE, stock::release)
      .bind(ProductAddresses.VARIANTS_LOOKUP, stock::lookup)
      .ready();
  }
}
