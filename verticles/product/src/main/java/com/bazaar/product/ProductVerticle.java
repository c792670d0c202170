package com.bazaar.product;

import com.bazaar.platform.Ids;
import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.cache.RedisCache;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.json.JsonArrays;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.product.api.ProductAddresses;
import com.bazaar.product.api.ProductSummary;
import com.bazaar.product.api.StockLine;
import com.bazaar.product.api.VariantSnapshot;
import com.bazaar.product.catalog.CatalogChanges;
import com.bazaar.product.catalog.ProductDetails;
import com.bazaar.product.catalog.ProductDraft;
import com.bazaar.product.catalog.ProductListQuery;
import com.bazaar.product.catalog.ProductListing;
import com.bazaar.product.catalog.ProductPatch;
import com.bazaar.product.catalog.ProductWrites;
import com.bazaar.product.catalog.VariantInput;
import com.bazaar.product.catalog.VariantPatch;
import com.bazaar.product.category.Category;
import com.bazaar.product.category.CategoryDraft;
import com.bazaar.product.category.CategoryPatch;
import com.bazaar.product.category.CategoryService;
import com.bazaar.product.stock.OrderReservations;
import com.bazaar.product.stock.StockService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Binds the product service's bus addresses, decoding each request: categories, products, variants and stock. */
public final class ProductVerticle extends VerticleBase {
  public static final String SERVICE = "product";
  private static final Logger LOG = LoggerFactory.getLogger(ProductVerticle.class);

  private final Platform platform;

  public ProductVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    JsonObject catalog = platform.config().getJsonObject("catalog");
    String currency = catalog.getString("defaultCurrency");
    ServiceDb db = platform.db(SERVICE);
    RedisCache detailCache = platform.perProcess("product.details", () -> new RedisCache(platform.redis(),
      platform.registry(), "product-detail", catalog.getBoolean("detailCacheEnabled")));
    CatalogChanges changes = new CatalogChanges(detailCache, platform.redis(), vertx.eventBus());
    CategoryService categories = new CategoryService(db, changes);
    ProductListing listing = new ProductListing(db);
    ProductDetails details = new ProductDetails(db, detailCache, catalog.getInteger("detailCacheTtlSec"));
    ProductWrites writes = new ProductWrites(db, changes);
    StockService stock = new StockService(db, changes);
    platform.perProcess("product.reservations", () -> platform.events().consume(SERVICE, OrderReservations.QUEUE,
      new OrderReservations(stock)).onFailure(e -> LOG.warn("Order reservations are not being followed: {}", e.toString())));
    Function<Category, BusReply> category = c -> BusReply.ok(c.toJson());
    return new BusBindings(vertx.eventBus(), ProductConstraints.ERRORS)
      .bind(ProductAddresses.CATEGORIES_LIST, r -> categories.list(PageRequest.from(r)).map(BusReply::ok))
      .bind(ProductAddresses.CATEGORIES_GET, r -> categories.get(r.param("idOrSlug"), r.principal()).map(category))
      .bind(ProductAddresses.CATEGORIES_CREATE, r -> categories.create(CategoryDraft.fromJson(r.bodyObject()))
        .map(c -> BusReply.created(c.toJson())))
      .bind(ProductAddresses.CATEGORIES_UPDATE, r -> categories.update(id(r, "idOrSlug"),
        CategoryPatch.fromJson(r.bodyObject())).map(category))
      .bind(ProductAddresses.CATEGORIES_DELETE, r -> categories.delete(id(r, "idOrSlug")).map(BusReply.noContent()))
      .bind(ProductAddresses.PRODUCTS_LIST, r -> listing.list(ProductListQuery.from(r.query(), PageRequest.from(r)),
        ProductListing.fields(r.query().getJsonArray("fields"))).map(BusReply::ok))
      .bind(ProductAddresses.PRODUCTS_GET, r -> details.get(r.param("idOrSlug"), r.principal()).map(BusReply::ok))
      .bind(ProductAddresses.PRODUCTS_SUMMARY, r -> listing.summaries(uuids(r.bodyObject().getJsonArray("productIds"),
        "productIds")).map(found -> BusReply.ok(new JsonObject().put("products", JsonArrays.of(found, ProductSummary::toJson)))))
      .bind(ProductAddresses.PRODUCTS_CREATE, r -> writes.create(ProductDraft.parse(r.bodyObject(), currency))
        .map(BusReply::created))
      .bind(ProductAddresses.PRODUCTS_UPDATE, r -> writes.update(id(r, "idOrSlug"), ifMatch(r),
        ProductPatch.fromJson(r.bodyObject())).map(BusReply::ok))
      .bind(ProductAddresses.PRODUCTS_DELETE, r -> writes.delete(id(r, "idOrSlug"), ifMatch(r)).map(BusReply.noContent()))
      .bind(ProductAddresses.VARIANTS_ADD, r -> writes.addVariant(id(r, "idOrSlug"), VariantInput.fromJson(r.bodyObject()))
        .map(BusReply::created))
      .bind(ProductAddresses.VARIANTS_UPDATE, r -> writes.updateVariant(id(r, "id"), VariantPatch.fromJson(r.bodyObject()))
        .map(BusReply::ok))
      .bind(ProductAddresses.STOCK_RESERVE, r -> stock.reserve(orderId(r), lines(r))
        .map(done -> BusReply.ok(new JsonObject().put("reserved", StockLine.array(done)))))
      .bind(ProductAddresses.STOCK_RELEASE, r -> stock.release(orderId(r))
        .map(done -> BusReply.ok(new JsonObject().put("released", StockLine.array(done)))))
      .bind(ProductAddresses.STOCK_UNCONFIRMED, r -> stock.unconfirmed(r.bodyObject().getInteger("olderThanSec"),
          r.bodyObject().getInteger("limit")).map(orders -> BusReply.ok(new JsonObject()
          .put("orderIds", JsonArrays.strings(orders)))))
      .bind(ProductAddresses.VARIANTS_LOOKUP, r -> stock.lookup(uuids(r.bodyObject().getJsonArray("variantIds"),
        "variantIds")).map(found -> BusReply.ok(new JsonObject().put("variants", JsonArrays.of(found, VariantSnapshot::toJson)))))
      .ready();
  }

  private static UUID orderId(BusRequest request) {
    return Ids.parse(request.bodyObject().getString("orderId"), "orderId");
  }

  private static UUID id(BusRequest request, String param) {
    return Ids.parse(request.param(param), "id");
  }

  private static Integer ifMatch(BusRequest request) {
    return ProductWrites.expectedVersion(request.header("If-Match"));
  }

  private static List<StockLine> lines(BusRequest request) {
    return StockLine.listFrom(request.bodyObject().getJsonArray("lines"));
  }

  private static Set<UUID> uuids(JsonArray raw, String field) {
    Set<UUID> ids = new LinkedHashSet<>();
    if (raw != null) {
      raw.forEach(id -> ids.add(Ids.parse(String.valueOf(id), field)));
    }
    return ids;
  }
}
