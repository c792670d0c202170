package com.bazaar.notification;

import com.bazaar.platform.Ids;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.paging.TimeCursor;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The notifications' SQL. Pages are keyset, newest first; every statement is scoped to the caller's rows. */
final class NotificationRepository {
  private static final String INSERT = "INSERT INTO notifications (id, user_id, type, title, body, data) "
    + "SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) "
    + "ON CONFLICT (id) DO NOTHING";
  static final String PAGE = "SELECT " + Notification.COLUMNS + " FROM notifications WHERE user_id = $1 "
    + "AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4";
  static final String UNREAD_PAGE = "SELECT " + Notification.COLUMNS + " FROM notifications WHERE user_id = $1 "
    + "AND read_at IS NULL AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4";
  private static final String UNREAD = "SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL";
  private static final String READ_SOME = "UPDATE notifications SET read_at = now() WHERE user_id = $1 "
    + "AND id = ANY($2) AND read_at IS NULL";
  private static final String READ_ALL = "UPDATE notifications SET read_at = now() WHERE user_id = $1 "
    + "AND read_at IS NULL";

  private final ServiceDb db;

  NotificationRepository(ServiceDb db) {
    this.db = db;
  }

  /** One statement for all of an event's notices; ids come from the event and the recipient. */
  Future<Void> insert(SqlClient tx, UUID eventId, String type, List<Notice> notices) {
    int n = notices.size();
    UUID[] ids = new UUID[n];
    UUID[] users = new UUID[n];
    String[] types = new String[n];
    String[] titles = new String[n];
    String[] bodies = new String[n];
    Object[] data = new Object[n];
    for (int i = 0; i < n; i++) {
      Notice notice = notices.get(i);
      ids[i] = Ids.derived(eventId, notice.userId());
      users[i] = notice.userId();
      types[i] = type;
      titles[i] = notice.title();
      bodies[i] = notice.body();
      data[i] = notice.data();
    }
    return tx.preparedQuery(INSERT).execute(Tuple.of(ids, users, types, titles, bodies, data)).mapEmpty();
  }

  Future<List<Notification>> page(UUID userId, boolean unreadOnly, TimeCursor after, int fetch) {
    return db.read().preparedQuery(unreadOnly ? UNREAD_PAGE : PAGE)
      .execute(Tuple.of(userId, after.time(), after.id(), fetch)).map(NotificationRepository::all);
  }

  /** From the primary: a count read right after marking some read must see it. */
  Future<Long> unread(UUID userId) {
    return db.write().preparedQuery(UNREAD).execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getLong(0));
  }

  Future<Integer> markRead(UUID userId, List<UUID> ids) {
    return ids == null
      ? db.write().preparedQuery(READ_ALL).execute(Tuple.of(userId)).map(RowSet::rowCount)
      : db.write().preparedQuery(READ_SOME).execute(Tuple.of(userId, (Object) ids.toArray(UUID[]::new)))
        .map(RowSet::rowCount);
  }

  private static List<Notification> all(RowSet<Row> rows) {
    List<Notification> out = new ArrayList<>(rows.size());
    rows.forEach(row -> out.add(Notification.from(row)));
    return out;
  }
}
