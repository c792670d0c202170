package com.bazaar.bench.naive;

import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.money.Money;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * Cart pricing the way the seed system did it, kept only as a benchmark baseline: one awaited query per item, no
 * cache. The arithmetic is the real one (platform Money), so only the data access differs.
 */
public final class NaivePricing extends VerticleBase {
  public static final String ADDRESS = "bench.naive.pricing.calculate";
  private static final String ONE = "SELECT base_price, currency, commission_rate_bps FROM product_pricing WHERE product_id = $1";

  private final Platform platform;
  private Pool pool;

  public NaivePricing(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    pool = platform.db("pricing").read();
    return new BusBindings(vertx.eventBus()).bind(ADDRESS, this::calculate).ready();
  }

  private Future<BusReply> calculate(BusRequest request) {
    JsonArray items = request.bodyObject().getJsonArray("items");
    JsonArray lines = new JsonArray();
    long[] totals = new long[2];
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      chain = chain.compose(v -> pool.preparedQuery(ONE).execute(Tuple.of(UUID.fromString(item.getString("productId"))))
        .map(rows -> {
          if (rows.size() == 0) {
            throw ApiError.unprocessable("PRICING_FAILED", "no pricing for " + item.getString("productId"), null);
          }
          Row row = rows.iterator().next();
          long unit = item.getLong("sellerPrice", row.getLong("base_price"));
          long total = Money.times(unit, item.getInteger("quantity"));
          long commission = Money.share(total, row.getInteger("commission_rate_bps"));
          totals[0] += total;
          totals[1] += commission;
          lines.add(new JsonObject().put("productId", item.getString("productId")).put("lineTotal", total)
            .put("commission", commission).put("currency", row.getString("currency")));
          return null;
        }));
    }
    return chain.map(v -> BusReply.ok(new JsonObject().put("items", lines).put("summary", new JsonObject()
      .put("totalAmount", totals[0]).put("totalCommission", totals[1]).put("netAmount", totals[0] - totals[1]))));
  }
}
