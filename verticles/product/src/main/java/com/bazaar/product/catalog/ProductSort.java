package com.bazaar.product.catalog;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * The list sorts. Each orders by one key and then the id, and pages with a keyset condition on that pair,
 * served by an index of the same shape.
 */
public enum ProductSort {
  NEWEST("p.created_at DESC, p.id DESC", "(p.created_at, p.id) < "),
  PRICE_ASC("p.min_price ASC, p.id ASC", "(p.min_price, p.id) > "),
  PRICE_DESC("p.min_price DESC, p.id DESC", "(p.min_price, p.id) < "),
  NAME("p.name ASC, p.id ASC", "(p.name, p.id) > ");

  final String orderBy;
  final String after;

  ProductSort(String orderBy, String after) {
    this.orderBy = orderBy;
    this.after = after;
  }

  public static ProductSort parse(String value) {
    if (value == null) {
      return NEWEST;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("INVALID_SORT", "sort must be newest, price_asc, price_desc or name", null);
    }
  }

  String queryValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The sort key of a row, as the cursor carries it. */
  Object keyOf(Row row) {
    return switch (this) {
      case NEWEST -> row.getOffsetDateTime("created_at").toString();
      case PRICE_ASC, PRICE_DESC -> row.getLong("min_price");
      case NAME -> row.getString("name");
    };
  }

  /** A cursor's time within what PostgreSQL stores (and what a product was created at): years 1 to 9999. */
  private static OffsetDateTime inRange(OffsetDateTime time) {
    if (time.getYear() < 1 || time.getYear() > 9999) {
      throw new IllegalArgumentException("cursor time out of range");
    }
    return time;
  }

  /** The sort key from a cursor, typed for the SQL parameter. */
  Object keyFrom(JsonArray cursor) {
    try {
      return switch (this) {
        case NEWEST -> inRange(OffsetDateTime.parse(cursor.getString(1)));
        case PRICE_ASC, PRICE_DESC -> cursor.getLong(1);
        case NAME -> cursor.getString(1);
      };
    } catch (RuntimeException e) {
      throw ApiError.badRequest("INVALID_CURSOR", "The cursor is not one this list issued", null);
    }
  }
}
