package com.bazaar.pricing;

import com.bazaar.platform.db.ServiceDb;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pricing SQL: a whole cart's rows in one statement, and the upsert. */
final class PricingRepository {
  private static final String BY_IDS = "SELECT " + PricingRow.COLUMNS + " FROM product_pricing WHERE product_id = ANY($1)";
  private static final String UPSERT = "INSERT INTO product_pricing (product_id, base_price, reseller_price, currency, "
    + "commission_rate_bps, min_margin_bps, product_active) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (product_id) "
    + "DO UPDATE SET base_price = EXCLUDED.base_price, reseller_price = EXCLUDED.reseller_price, currency = EXCLUDED.currency, "
    + "commission_rate_bps = EXCLUDED.commission_rate_bps, min_margin_bps = EXCLUDED.min_margin_bps, "
    + "product_active = EXCLUDED.product_active, "
    + "version = product_pricing.version + 1, updated_at = now() RETURNING " + PricingRow.COLUMNS + ", (xmax = 0) AS inserted";

  private static final String SET_PRODUCT_ACTIVE = "UPDATE product_pricing p SET product_active = s.active, "
    + "version = p.version + 1, updated_at = now() FROM unnest($1::uuid[], $2::bool[]) AS s(id, active) "
    + "WHERE p.product_id = s.id AND p.product_active <> s.active RETURNING " + "p." + PricingRow.COLUMNS.replace(", ", ", p.");

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

  /** Records whether each product is still sold; answers the rows that changed. */
  Future<List<PricingRow>> setProductActive(Map<UUID, Boolean> active) {
    UUID[] ids = active.keySet().toArray(UUID[]::new);
    Boolean[] states = active.values().toArray(Boolean[]::new);
    return db.write().preparedQuery(SET_PRODUCT_ACTIVE).execute(Tuple.of(ids, (Object) states)).map(rows -> {
      List<PricingRow> changed = new ArrayList<>(rows.size());
      rows.forEach(row -> changed.add(PricingRow.from(row)));
      return changed;
    });
  }

  Future<Upserted> upsert(UUID productId, PricingInput input, String currency, boolean productActive) {
    Tuple params = Tuple.of(productId, input.basePrice(), input.resellerPrice(), currency, input.commissionRateBps(),
      input.minMarginBps(), productActive);
    return db.write().preparedQuery(UPSERT).execute(params).map(rows -> {
      Row row = rows.iterator().next();
      return new Upserted(PricingRow.from(row), row.getBoolean("inserted"));
    });
  }
}
