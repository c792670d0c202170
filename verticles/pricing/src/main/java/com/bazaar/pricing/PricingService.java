package com.bazaar.pricing;

import com.bazaar.platform.error.ApiError;
import com.bazaar.pricing.api.CartQuote;
import com.bazaar.pricing.api.CartRequest;
import com.bazaar.pricing.api.CartItem;
import com.bazaar.pricing.api.MarginQuery;
import com.bazaar.pricing.api.MarginVerdict;
import com.bazaar.product.api.ProductClient;
import com.bazaar.product.api.ProductSummary;
import io.vertx.core.Future;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Product pricing, resale margins, and cart totals with commission. A cart of up to 100 lines is priced with
 * at most one SQL statement (none when the rows are cached).
 */
final class PricingService {
  private final PricingRepository repository;
  private final PricingCache cache;
  private final ProductClient products;
  private final Supplier<Future<?>> domainChanged;
  private final int maxMarkupBps;

  PricingService(PricingRepository repository, PricingCache cache, ProductClient products,
                 Supplier<Future<?>> domainChanged, int maxMarkupBps) {
    this.repository = repository;
    this.cache = cache;
    this.products = products;
    this.domainChanged = domainChanged;
    this.maxMarkupBps = maxMarkupBps;
  }

  Future<PricingRow> get(UUID productId) {
    return cache.getAll(Set.of(productId), repository::byIds).map(rows -> {
      PricingRow row = rows.get(productId);
      if (row == null || !row.productActive()) {
        throw ApiError.notFound("Pricing for this product");
      }
      return row;
    });
  }

  Future<PricingRepository.Upserted> put(UUID productId, PricingInput input) {
    return products.summaries(Set.of(productId)).compose(found -> {
      ProductSummary product = found.get(productId);
      if (product == null) {
        throw ApiError.notFound("Product");
      }
      String currency = input.currency() == null ? product.currency() : input.currency();
      if (!currency.equals(product.currency())) {
        throw ApiError.unprocessable("CURRENCY_MISMATCH", "The product is priced in " + product.currency(), null);
      }
      return repository.upsert(productId, input, currency, product.active());
    }).compose(upserted -> cache.replaced(upserted.row()).compose(v -> domainChanged.get()).map(upserted));
  }

  Future<MarginVerdict> validateMargin(MarginQuery query) {
    return get(query.productId()).map(row -> MarginCheck.of(row, query.sellerPrice(), maxMarkupBps));
  }

  /**
   * After {@code product.changed}: records which of the products are still sold (a deleted one is absent from the
   * catalog's answer), and retires every cached copy of the pricing rows that changed.
   */
  Future<Void> productsChanged(Set<UUID> productIds) {
    List<UUID> ids = List.copyOf(productIds);
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < ids.size(); from += ProductClient.MAX_IDS) {
      Set<UUID> chunk = new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + ProductClient.MAX_IDS)));
      chain = chain.compose(v -> followCatalog(chunk));
    }
    return chain;
  }

  private Future<Void> followCatalog(Set<UUID> productIds) {
    return products.summaries(productIds).compose(found -> {
      Map<UUID, Boolean> active = new HashMap<>();
      productIds.forEach(id -> active.put(id, found.containsKey(id) && found.get(id).active()));
      return repository.setProductActive(active);
    }).compose(changed -> {
      if (changed.isEmpty()) {
        return Future.succeededFuture();
      }
      return Future.all(changed.stream().map(cache::replaced).toList()).compose(v -> domainChanged.get()).mapEmpty();
    });
  }

  Future<CartQuote> calculate(CartRequest cart) {
    Set<UUID> ids = new LinkedHashSet<>();
    for (CartItem item : cart.items()) {
      ids.add(item.productId());
    }
    return cache.getAll(ids, repository::byIds).map(pricing -> Cart.price(cart, pricing, maxMarkupBps));
  }
}
