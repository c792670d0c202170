package com.bazaar.sharelink;

import com.bazaar.platform.db.ServiceDb;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The links' SQL: one prepared statement per query. */
final class ShareLinkRepository {
  private static final String INSERT = "INSERT INTO share_links (id, code, reseller_id, product_id, seller_price, "
    + "currency, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING RETURNING "
    + ShareLink.COLUMNS;
  static final String BY_CODE = "SELECT " + ShareLink.COLUMNS + " FROM share_links WHERE code = $1";
  static final String PAGE = "SELECT " + ShareLink.COLUMNS + " FROM share_links WHERE reseller_id = $1 "
    + "AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3)) ORDER BY created_at DESC, id DESC LIMIT $4";
  private static final String UPDATE = "UPDATE share_links SET is_active = $2, expires_at = $3, "
    + "version = version + 1, updated_at = now() WHERE id = $1 RETURNING " + ShareLink.COLUMNS;
  static final String DAILY = "SELECT day, clicks FROM link_clicks_daily WHERE link_id = $1 AND day >= $2 "
    + "ORDER BY day";
  private static final String SALES = "SELECT orders, revenue, commission FROM link_sales WHERE link_id = $1";

  private final ServiceDb db;

  ShareLinkRepository(ServiceDb db) {
    this.db = db;
  }

  /** The new link, or null when the code was taken (the caller draws another). */
  Future<ShareLink> insert(UUID resellerId, String code, LinkDraft draft, String currency) {
    return db.write().preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), code, resellerId, draft.productId(),
      draft.sellerPrice(), currency, draft.expiresAt())).map(ShareLinkRepository::first);
  }

  Future<ShareLink> byCode(String code) {
    return db.read().preparedQuery(BY_CODE).execute(Tuple.of(code)).map(ShareLinkRepository::first);
  }

  Future<ShareLink> byCodeForWrite(String code) {
    return db.write().preparedQuery(BY_CODE).execute(Tuple.of(code)).map(ShareLinkRepository::first);
  }

  Future<List<ShareLink>> page(UUID resellerId, OffsetDateTime beforeCreatedAt, UUID beforeId, int fetch) {
    return db.read().preparedQuery(PAGE).execute(Tuple.of(resellerId, beforeCreatedAt, beforeId, fetch))
      .map(rows -> {
        List<ShareLink> links = new ArrayList<>(rows.size());
        rows.forEach(row -> links.add(ShareLink.from(row)));
        return links;
      });
  }

  Future<ShareLink> update(UUID id, boolean active, OffsetDateTime expiresAt) {
    return db.write().preparedQuery(UPDATE).execute(Tuple.of(id, active, expiresAt)).map(ShareLinkRepository::first);
  }

  Future<RowSet<Row>> dailyClicks(UUID linkId, java.time.LocalDate from) {
    return db.read().preparedQuery(DAILY).execute(Tuple.of(linkId, from));
  }

  Future<RowSet<Row>> sales(UUID linkId) {
    return db.read().preparedQuery(SALES).execute(Tuple.of(linkId));
  }

  private static ShareLink first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : ShareLink.from(rows.iterator().next());
  }
}
