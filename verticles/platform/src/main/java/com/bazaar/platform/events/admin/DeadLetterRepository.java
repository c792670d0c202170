package com.bazaar.platform.events.admin;

import com.bazaar.platform.db.ServiceDb;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The parked dead letters, in the events schema, newest first. */
final class DeadLetterRepository {
  private static final String COLUMNS = "id, queue, event_id, type, reason, deliveries, body, dead_at, replayed_at";
  private static final String PARK = "INSERT INTO dead_letters (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
    + "$8, NULL) ON CONFLICT (id) DO NOTHING";
  private static final String PAGE = "SELECT " + COLUMNS + " FROM dead_letters "
    + "WHERE ($1::text IS NULL OR queue = $1) AND ($2::timestamptz IS NULL OR (dead_at, id) < ($2, $3)) "
    + "ORDER BY dead_at DESC, id DESC LIMIT $4";
  private static final String ONE = "SELECT " + COLUMNS + " FROM dead_letters WHERE id = $1";
  private static final String MARK_REPLAYED = "UPDATE dead_letters SET replayed_at = now() "
    + "WHERE id = $1 AND replayed_at IS NULL RETURNING " + COLUMNS;
  private static final String UNMARK_REPLAYED = "UPDATE dead_letters SET replayed_at = NULL WHERE id = $1";
  private static final String WAITING = "SELECT queue, count(*) AS waiting FROM dead_letters "
    + "WHERE replayed_at IS NULL GROUP BY queue";

  private final ServiceDb db;

  DeadLetterRepository(ServiceDb db) {
    this.db = db;
  }

  Future<Void> park(DeadLetter letter) {
    return db.write().preparedQuery(PARK).execute(Tuple.of(letter.id(), letter.queue(), letter.eventId(),
      letter.type(), letter.reason(), letter.deliveries(), letter.body(), letter.deadAt())).mapEmpty();
  }

  Future<List<DeadLetter>> page(String queue, OffsetDateTime beforeDeadAt, UUID beforeId, int fetch) {
    return db.read().preparedQuery(PAGE).execute(Tuple.of(queue, beforeDeadAt, beforeId, fetch))
      .map(DeadLetterRepository::letters);
  }

  Future<DeadLetter> find(UUID id) {
    return db.read().preparedQuery(ONE).execute(Tuple.of(id)).map(rows -> first(rows));
  }

  /** Marks it replayed unless it already is; null when it was not waiting. */
  Future<DeadLetter> markReplayed(UUID id) {
    return db.write().preparedQuery(MARK_REPLAYED).execute(Tuple.of(id)).map(rows -> first(rows));
  }

  Future<Void> unmarkReplayed(UUID id) {
    return db.write().preparedQuery(UNMARK_REPLAYED).execute(Tuple.of(id)).mapEmpty();
  }

  Future<Map<String, Long>> waitingByQueue() {
    return db.read().query(WAITING).execute().map(rows -> {
      Map<String, Long> waiting = new HashMap<>();
      rows.forEach(row -> waiting.put(row.getString("queue"), row.getLong("waiting")));
      return waiting;
    });
  }

  private static DeadLetter first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : DeadLetter.from(rows.iterator().next());
  }

  private static List<DeadLetter> letters(RowSet<Row> rows) {
    List<DeadLetter> letters = new ArrayList<>(rows.size());
    rows.forEach(row -> letters.add(DeadLetter.from(row)));
    return letters;
  }
}
