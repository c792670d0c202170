package com.bazaar.product.stock;

import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.error.ApiError;
import com.bazaar.product.api.StockLine;
import com.bazaar.product.api.VariantSnapshot;
import com.bazaar.product.catalog.CatalogChanges;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stock reservation for orders: all lines or none, in one transaction of conditional updates
 * ({@code stock = stock - q WHERE stock >= q}) that also records the reservation under its order id; the release
 * gives back what the order still holds. Both are idempotent per order. The details cache of each touched product
 * is dropped, so its stock reads fresh.
 */
public final class StockService {
  private static final int MAX_LINES = 100;

  private final ServiceDb db;
  private final StockRepository repository = new StockRepository();
  private final CatalogChanges changes;

  public StockService(ServiceDb db, CatalogChanges changes) {
    this.db = db;
    this.changes = changes;
  }

  /**
   * Reserves every line or none for {@code orderId}; answers the lines as reserved, duplicates merged. Asked again
   * for the same order (a retry after a bus timeout), it answers the first reservation and takes nothing more; the
   * same order with other lines is 409 {@code RESERVATION_MISMATCH}.
   */
  public Future<List<StockLine>> reserve(UUID orderId, List<StockLine> requested) {
    Map<UUID, Integer> lines = lines(requested);
    UUID[] ids = lines.keySet().toArray(UUID[]::new);
    Integer[] quantities = lines.values().toArray(Integer[]::new);
    return db.write().withTransaction(tx -> repository.lockOrder(tx, orderId)
        .compose(locked -> repository.held(tx, orderId))
        .compose(held -> {
          if (held.size() > 0) {
            return Future.succeededFuture(sameReservation(orderId, lines, held));
          }
          return repository.lock(tx, ids).compose(rows -> {
            checkAvailable(lines, rows);
            return repository.take(tx, ids, quantities).compose(updated -> {
              if (updated != ids.length) {
                throw outOfStock(new JsonArray(List.of((Object[]) ids)), new JsonArray());
              }
              return repository.record(tx, orderId, ids, quantities).map(rows);
            });
          });
        }))
      .compose(rows -> rows == null ? Future.succeededFuture(asLines(lines))
        : dropCachedDetails(rows).map(v -> asLines(lines)));
  }

  /**
   * Gives back what {@code orderId} still holds, once: a second release (a retry, or a release of an order that
   * never reserved) gives back nothing. Answers the lines given back.
   */
  public Future<List<StockLine>> release(UUID orderId) {
    return db.write().withTransaction(tx -> releaseIn(tx, orderId))
      .compose(done -> done.rows() == null ? Future.succeededFuture(asLines(done.lines()))
        : dropCachedDetails(done.rows()).map(v -> asLines(done.lines())));
  }

  /** The release, in the caller's transaction (an event consumer's); the cached details are dropped at once. */
  Future<Void> releaseWithin(SqlConnection tx, UUID orderId) {
    return releaseIn(tx, orderId).compose(done -> done.rows() == null ? Future.succeededFuture()
      : dropCachedDetails(done.rows()));
  }

  /** Marks the order's reservation as belonging to a committed order. */
  Future<Void> confirmWithin(SqlConnection tx, UUID orderId) {
    return repository.confirm(tx, orderId);
  }

  /**
   * Orders whose reservations are still held but were never confirmed by an {@code order.created}, oldest first,
   * reserved more than {@code olderThanSec} ago: candidates for the order service's orphan sweep.
   */
  public Future<List<UUID>> unconfirmed(int olderThanSec, int limit) {
    return repository.unconfirmed(db.write(), olderThanSec, Math.min(Math.max(limit, 1), MAX_LINES));
  }

  private Future<Released> releaseIn(SqlConnection tx, UUID orderId) {
    return repository.lockOrder(tx, orderId)
      .compose(locked -> repository.release(tx, orderId))
      .compose(released -> {
        Map<UUID, Integer> lines = new TreeMap<>();
        released.forEach(row -> lines.put(row.getUUID("variant_id"), row.getInteger("quantity")));
        if (lines.isEmpty()) {
          return Future.succeededFuture(new Released(lines, null));
        }
        UUID[] ids = lines.keySet().toArray(UUID[]::new);
        return repository.lock(tx, ids).compose(rows -> repository.giveBack(tx, ids,
          lines.values().toArray(Integer[]::new)).map(new Released(lines, rows)));
      });
  }

  private record Released(Map<UUID, Integer> lines, RowSet<Row> rows) {
  }

  /** The lines already held for the order, which must be the ones asked for again; null rows: nothing changed. */
  private static RowSet<Row> sameReservation(UUID orderId, Map<UUID, Integer> lines, RowSet<Row> held) {
    Map<UUID, Integer> before = new TreeMap<>();
    boolean released = false;
    for (Row row : held) {
      before.put(row.getUUID("variant_id"), row.getInteger("quantity"));
      released |= row.getOffsetDateTime("released_at") != null;
    }
    if (!before.equals(lines) || released) {
      throw ApiError.conflict("RESERVATION_MISMATCH", released
        ? "This order's reservation was released; a new reservation needs a new order"
        : "This order already holds a reservation of other lines", new JsonObject().put("orderId", orderId.toString()));
    }
    return null;
  }

  /** The variants that exist among the ids (1 to 100). */
  public Future<List<VariantSnapshot>> lookup(Set<UUID> variantIds) {
    if (variantIds.isEmpty() || variantIds.size() > MAX_LINES) {
      throw ApiError.badRequest("INVALID_LOOKUP", "variantIds must hold 1 to " + MAX_LINES + " ids", null);
    }
    return repository.lookup(db.read(), variantIds.toArray(UUID[]::new)).map(rows -> {
      List<VariantSnapshot> variants = new ArrayList<>(rows.size());
      for (Row row : rows) {
        variants.add(new VariantSnapshot(row.getUUID("id"), row.getUUID("product_id"), row.getString("name"),
          row.getString("sku"), row.getLong("price"), row.getString("currency"), row.getBoolean("sellable"),
          row.getInteger("stock")));
      }
      return variants;
    });
  }

  /** Lines by variant, duplicates summed, in id order (the lock order). */
  private static Map<UUID, Integer> lines(List<StockLine> requested) {
    if (requested.isEmpty() || requested.size() > MAX_LINES) {
      throw ApiError.badRequest("INVALID_LINES", "lines must hold 1 to " + MAX_LINES + " lines", null);
    }
    Map<UUID, Integer> lines = new TreeMap<>();
    for (StockLine line : requested) {
      if (line.quantity() < 1) {
        throw ApiError.badRequest("INVALID_QUANTITY", "quantity must be at least 1", null);
      }
      lines.merge(line.variantId(), line.quantity(), Math::addExact);
    }
    return lines;
  }

  private static void checkAvailable(Map<UUID, Integer> lines, RowSet<Row> locked) {
    Map<UUID, Row> byId = new TreeMap<>();
    locked.forEach(row -> byId.put(row.getUUID("id"), row));
    JsonArray unknown = new JsonArray();
    JsonArray shortages = new JsonArray();
    JsonArray failing = new JsonArray();
    lines.forEach((id, quantity) -> {
      Row row = byId.get(id);
      if (row == null) {
        unknown.add(id.toString());
      } else if (!row.getBoolean("sellable") || row.getInteger("stock") < quantity) {
        failing.add(id.toString());
        shortages.add(new JsonObject().put("variantId", id.toString()).put("requested", quantity)
          .put("available", row.getBoolean("sellable") ? row.getInteger("stock") : 0));
      }
    });
    if (!unknown.isEmpty()) {
      throw ApiError.unprocessable("UNKNOWN_VARIANT", "Some variants do not exist",
        new JsonObject().put("variantIds", unknown));
    }
    if (!failing.isEmpty()) {
      throw outOfStock(failing, shortages);
    }
  }

  private static ApiError outOfStock(JsonArray variantIds, JsonArray shortages) {
    return ApiError.conflict("OUT_OF_STOCK", "Not enough stock for " + variantIds.size() + " line(s); nothing was reserved",
      new JsonObject().put("variantIds", variantIds).put("lines", shortages));
  }

  private Future<Void> dropCachedDetails(RowSet<Row> rows) {
    List<CatalogChanges.Change> touched = new ArrayList<>();
    rows.forEach(row -> touched.add(new CatalogChanges.Change(row.getUUID("product_id"), List.of(row.getString("slug")))));
    return changes.stockChanged(touched);
  }

  private static List<StockLine> asLines(Map<UUID, Integer> lines) {
    List<StockLine> out = new ArrayList<>(lines.size());
    lines.forEach((id, quantity) -> out.add(new StockLine(id, quantity)));
    return out;
  }
}
