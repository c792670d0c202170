package com.bazaar.pricing;

import com.bazaar.platform.db.ServiceDb;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Pricing SQL: a whole cart's rows in one statement, and the upsert. */
final class PricingRepository {
  private static final String BY_IDS = "SELECT " + PricingRow.COLUMNS + " FROM product_pricing WHERE product_id = ANY($1)";
  private static final String UPSERT = "INSERT INTO product_pricing (product_id, base_price, reseller_price, currency, "
    + "commission_rate_bps, min_margin_bps) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (product_id) DO UPDATE SET "
    + "base_price = EXCLUDED.base_price, reseller_price = EXCLUDED.reseller_price, currency = EXCLUDED.currency, "
    + "commission_rate_bps = EXCLUDED.commission_rate_bps, min_margin_bps = EXCLUDED.min_margin_bps, "
    + "version = product_pricing.version + 1, updated_at = now() RETURNING " + PricingRow.COLUMNS + ", (xmax = 0) AS inserted";

  record Upserted(PricingRow row, boolean inserted) {
  }

  private final ServiceDb db;

  PricingRepository(ServiceDb db) {
    this.db = db;
  }

  Future<List<PricingRow>> byIds(UUID[] ids) {
    return db.read().preparedQuery(BY_IDS).execute(Tuple.of((Object) ids)).map(rows -> {
      List<PricingRow> found = new ArrayList<>(rows.size());
      rows.forEach(row -> found.add(PricingRow.from(row)));
      return found;
    });
  }

  Future<Upserted> upsert(UUID productId, PricingInput input, String currency) {
    Tuple params = Tuple.of(productId, input.basePrice(), input.resellerPrice(), currency, input.commissionRateBps(),
      input.minMarginBps());
    return db.write().preparedQuery(UPSERT).execute(params).map(rows -> {
      Row row = rows.iterator().next();
      return new Upserted(PricingRow.from(row), row.getBoolean("inserted"));
    });
  }
}
