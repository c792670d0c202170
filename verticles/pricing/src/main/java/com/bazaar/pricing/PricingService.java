package com.bazaar.pricing;

import com.bazaar.platform.Ids;
import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.money.Money;
import com.bazaar.product.api.ProductAddresses;
import com.bazaar.product.api.ProductSummary;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Product pricing, resale margins, and cart totals with commission. A cart of up to 100 lines is priced with
 * at most one SQL statement (none when the rows are cached); every failing line is reported, not only the first.
 */
final class PricingService {
  private static final int MAX_ITEMS = 100;

  private final PricingRepository repository;
  private final PricingCache cache;
  private final BusClient bus;
  private final Supplier<Future<?>> domainChanged;

  PricingService(PricingRepository repository, PricingCache cache, BusClient bus, Supplier<Future<?>> domainChanged) {
    this.repository = repository;
    this.cache = cache;
    this.bus = bus;
    this.domainChanged = domainChanged;
  }

  Future<BusReply> get(BusRequest request) {
    UUID productId = Ids.parse(request.param("productId"), "productId");
    return pricingOf(productId).map(row -> BusReply.ok(row.toJson()));
  }

  Future<BusReply> put(BusRequest request) {
    UUID productId = Ids.parse(request.param("productId"), "productId");
    JsonObject body = request.bodyObject();
    if (body.getLong("resellerPrice") < body.getLong("basePrice")) {
      throw ApiError.unprocessable("INVALID_RESELLER_PRICE", "resellerPrice must not be below basePrice", null);
    }
    return product(productId).compose(product -> {
      String currency = body.getString("currency", product.currency());
      if (!currency.equals(product.currency())) {
        throw ApiError.unprocessable("CURRENCY_MISMATCH", "The product is priced in " + product.currency(), null);
      }
      return repository.upsert(productId, body, currency);
    }).compose(upserted -> cache.replaced(upserted.row())
      .compose(v -> domainChanged.get())
      .map(v -> new BusReply(upserted.inserted() ? 201 : 200, upserted.row().toJson().toBuffer())));
  }

  Future<BusReply> validateMargin(BusRequest request) {
    JsonObject body = request.bodyObject();
    UUID productId = Ids.parse(body.getString("productId"), "productId");
    long sellerPrice = body.getLong("sellerPrice");
    return pricingOf(productId).map(row -> BusReply.ok(MarginCheck.of(row, sellerPrice).toJson(row)));
  }

  Future<BusReply> calculate(BusRequest request) {
    JsonArray items = request.bodyObject().getJsonArray("items");
    if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
      throw ApiError.badRequest("INVALID_ITEMS", "items must hold 1 to " + MAX_ITEMS + " lines", null);
    }
    Set<UUID> ids = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      ids.add(Ids.parse(items.getJsonObject(i).getString("productId"), "items[" + i + "].productId"));
    }
    return cache.getAll(ids, repository::byIds).map(pricing -> BusReply.ok(Cart.price(items, pricing)));
  }

  private Future<PricingRow> pricingOf(UUID productId) {
    return cache.getAll(Set.of(productId), repository::byIds).map(rows -> {
      PricingRow row = rows.get(productId);
      if (row == null) {
        throw ApiError.notFound("Pricing for this product");
      }
      return row;
    });
  }

  private Future<ProductSummary> product(UUID productId) {
    BusRequest lookup = BusRequest.of(new JsonObject().put("productIds", new JsonArray().add(productId.toString())),
      Principal.ANONYMOUS);
    return bus.call(ProductAddresses.PRODUCTS_SUMMARY, lookup).map(reply -> {
      JsonArray found = reply.getJsonArray("products");
      if (found.isEmpty()) {
        throw ApiError.notFound("Product");
      }
      return ProductSummary.fromJson(found.getJsonObject(0));
    });
  }

  /** The arithmetic of a cart, kept apart from I/O. */
  static final class Cart {
    private Cart() {
    }

    static JsonObject price(JsonArray items, Map<UUID, PricingRow> pricing) {
      JsonArray lines = new JsonArray();
      JsonArray problems = new JsonArray();
      String currency = null;
      long total = 0;
      long commission = 0;
      for (int i = 0; i < items.size(); i++) {
        JsonObject item = items.getJsonObject(i);
        UUID productId = UUID.fromString(item.getString("productId"));
        PricingRow row = pricing.get(productId);
        if (row == null) {
          problems.add(problem(i, productId, "UNKNOWN_PRODUCT", "the product has no pricing", null));
          continue;
        }
        Long sellerPrice = item.getLong("sellerPrice");
        if (sellerPrice != null) {
          MarginCheck check = MarginCheck.of(row, sellerPrice);
          if (!check.valid()) {
            problems.add(problem(i, productId, check.reason(), "the seller price breaks the margin rule", check.marginBps()));
            continue;
          }
        }
        if (currency == null) {
          currency = row.currency();
        } else if (!currency.equals(row.currency())) {
          problems.add(problem(i, productId, "MIXED_CURRENCY", "the cart mixes " + currency + " and " + row.currency(), null));
          continue;
        }
        long unitPrice = sellerPrice == null ? row.basePrice() : sellerPrice;
        int quantity = item.getInteger("quantity");
        long lineTotal = Money.times(unitPrice, quantity);
        long lineCommission = Money.share(lineTotal, row.commissionRateBps());
        total = Math.addExact(total, lineTotal);
        commission += lineCommission;
        lines.add(new JsonObject()
          .put("productId", productId.toString())
          .put("quantity", quantity)
          .put("basePrice", row.basePrice())
          .put("unitPrice", unitPrice)
          .put("sellerPrice", sellerPrice)
          .put("lineTotal", lineTotal)
          .put("commissionRateBps", row.commissionRateBps())
          .put("commission", lineCommission)
          .put("currency", row.currency()));
      }
      if (!problems.isEmpty()) {
        boolean mixed = problems.stream().allMatch(p -> "MIXED_CURRENCY".equals(((JsonObject) p).getString("code")));
        throw ApiError.unprocessable(mixed ? "MIXED_CURRENCY" : "PRICING_FAILED",
          problems.size() + " of " + items.size() + " items cannot be priced", new JsonObject().put("items", problems));
      }
      return new JsonObject().put("items", lines).put("summary", new JsonObject()
        .put("totalAmount", total)
        .put("totalCommission", commission)
        .put("netAmount", total - commission)
        .put("currency", currency)
        .put("itemCount", lines.size()));
    }

    private static JsonObject problem(int index, UUID productId, String code, String problem, Long marginBps) {
      return new JsonObject().put("index", index).put("productId", productId.toString()).put("code", code)
        .put("problem", problem).put("marginBps", marginBps);
    }
  }
}
