package com.bazaar.sharelink;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.Outbox;
import com.bazaar.platform.redis.SharedRedis;
import com.bazaar.sharelink.api.ShareLinkEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts clicks and visitors in memory and writes them in batches, so that a resolve never waits for a write:
 * every {@code clickFlushMs}, or as soon as {@code clickFlushThreshold} clicks are waiting, one transaction adds them
 * to the per-minute and per-day roll-ups and to the links' totals (three statements whatever the number of
 * clicks) with one {@code sharelink.clicked} event in the outbox, and one Redis pipeline adds the visitors to each link's HyperLogLog of the day. A batch that fails goes
 * back into the counts for the next flush. A crash loses what was not flushed yet: at most about two flush periods'
 * clicks of that process.
 */
final class ClickRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(ClickRecorder.class);
  private static final long DAY_SECONDS = 86_400;
  private static final String ADD_MINUTES = "INSERT INTO link_clicks_minute (link_id, minute, clicks) "
    + "SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::bigint[]) "
    + "ON CONFLICT (link_id, minute) DO UPDATE SET clicks = link_clicks_minute.clicks + excluded.clicks";
  private static final String ADD_DAYS = "INSERT INTO link_clicks_daily (link_id, day, clicks) "
    + "SELECT * FROM unnest($1::uuid[], $2::date[], $3::bigint[]) "
    + "ON CONFLICT (link_id, day) DO UPDATE SET clicks = link_clicks_daily.clicks + excluded.clicks";
  private static final String ADD_TOTALS = "UPDATE share_links s SET clicks = s.clicks + v.clicks "
    + "FROM unnest($1::uuid[], $2::bigint[]) AS v(id, clicks) WHERE s.id = v.id";

  private record Minute(UUID linkId, long epochMinute) implements Comparable<Minute> {
    public int compareTo(Minute other) {
      int byLink = linkId.compareTo(other.linkId);
      return byLink != 0 ? byLink : Long.compare(epochMinute, other.epochMinute);
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final SharedRedis redis;
  private final ShareLinkSettings settings;
  private final Map<Minute, Long> clicks = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> visitors = new ConcurrentHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final Counter flushed;
  private final Counter failed;
  private Context context;
  private Future<Void> flushing = Future.succeededFuture();
  private long timer = -1;

  ClickRecorder(Vertx vertx, Pool pool, SharedRedis redis, ShareLinkSettings settings, MeterRegistry registry) {
    this.vertx = vertx;
    this.pool = pool;
    this.redis = redis;
    this.settings = settings;
    this.flushed = Counter.builder("bazaar.sharelink.clicks.flushed").description("Clicks written to the roll-ups")
      .register(registry);
    this.failed = Counter.builder("bazaar.sharelink.clicks.flush.failures")
      .description("Flushes that failed; their clicks wait for the next").register(registry);
  }

  ClickRecorder start() {
    context = vertx.getOrCreateContext();
    context.runOnContext(v -> timer = vertx.setPeriodic(settings.clickFlushMs(), id -> flush()));
    return this;
  }

  /** Counts one click; never waits. {@code visitor} is already hashed. */
  void record(UUID linkId, String visitor) {
    long epochMinute = System.currentTimeMillis() / 60_000;
    clicks.merge(new Minute(linkId, epochMinute), 1L, Long::sum);
    visitors.computeIfAbsent(visitorKey(linkId, epochMinute), k -> ConcurrentHashMap.newKeySet()).add(visitor);
    if (waiting.incrementAndGet() == settings.clickFlushThreshold()) {
      context.runOnContext(v -> flush());
    }
  }

  /** Writes what is waiting; on the recorder's context, one flush at a time. */
  Future<Void> flush() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      flushing = flushing.transform(ignored -> flushNow());
      flushing.onComplete(done);
    });
    return done.future();
  }

  Future<Void> stop() {
    vertx.cancelTimer(timer);
    return flush();
  }

  private Future<Void> flushNow() {
    Map<Minute, Long> batch = new TreeMap<>();
    for (Minute key : clicks.keySet()) {
      Long count = clicks.remove(key);
      if (count != null) {
        batch.put(key, count);
      }
    }
    Map<String, Set<String>> seen = new TreeMap<>();
    for (String key : visitors.keySet()) {
      Set<String> set = visitors.remove(key);
      if (set != null) {
        seen.put(key, set);
      }
    }
    long total = batch.values().stream().mapToLong(Long::longValue).sum();
    waiting.addAndGet((int) -total);
    Future<Void> hll = addVisitors(seen);
    if (batch.isEmpty()) {
      return hll;
    }
    return pool.withTransaction(tx -> tx.preparedQuery(ADD_MINUTES).execute(minuteRows(batch))
        .compose(v -> tx.preparedQuery(ADD_DAYS).execute(dayRows(batch)))
        .compose(v -> tx.preparedQuery(ADD_TOTALS).execute(totalRows(batch)))
        .compose(v -> Outbox.append(tx, clickedEvent(batch))))
      .<Void>mapEmpty()
      .onSuccess(v -> flushed.increment(total))
      .recover(e -> {
        failed.increment();
        LOG.warn("Could not write {} clicks; they wait for the next flush ({})", total, e.toString());
        batch.forEach((key, count) -> clicks.merge(key, count, Long::sum));
        waiting.addAndGet((int) total);
        return Future.succeededFuture();
      })
      .eventually(() -> hll);
  }

  private Future<Void> addVisitors(Map<String, Set<String>> seen) {
    if (seen.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Request> requests = new ArrayList<>();
    seen.forEach((key, members) -> {
      Request add = Request.cmd(Command.PFADD).arg(key);
      members.forEach(add::arg);
      requests.add(add);
      requests.add(Request.cmd(Command.EXPIRE).arg(key).arg(settings.visitorDays() * DAY_SECONDS + DAY_SECONDS));
    });
    return redis.batch(requests).recover(e -> {
      LOG.debug("Unique visitors of {} link-days not counted: Redis unavailable ({})", seen.size(), e.toString());
      return Future.succeededFuture();
    });
  }

  static String visitorKey(UUID linkId, long epochMinute) {
    return "sharelink:visitors:" + linkId + ":" + LocalDate.ofEpochDay(epochMinute / 1440);
  }

  /** One {@code sharelink.clicked} event per flush: each link's clicks of the batch, by minute. */
  private static EventEnvelope clickedEvent(Map<Minute, Long> batch) {
    JsonArray clicked = new JsonArray();
    batch.forEach((key, count) -> clicked.add(new JsonObject().put("linkId", key.linkId().toString())
      .put("minute", Instant.ofEpochSecond(key.epochMinute() * 60).toString()).put("count", count)));
    return EventEnvelope.of(ShareLinkEvents.CLICKED, new JsonObject().put("clicks", clicked));
  }

  private static Tuple minuteRows(Map<Minute, Long> batch) {
    int n = batch.size();
    UUID[] ids = new UUID[n];
    OffsetDateTime[] minutes = new OffsetDateTime[n];
    Long[] counts = new Long[n];
    int i = 0;
    for (Map.Entry<Minute, Long> e : batch.entrySet()) {
      ids[i] = e.getKey().linkId();
      minutes[i] = OffsetDateTime.ofInstant(Instant.ofEpochSecond(e.getKey().epochMinute() * 60), ZoneOffset.UTC);
      counts[i++] = e.getValue();
    }
    return Tuple.tuple().addValue(ids).addValue(minutes).addValue(counts);
  }

  private static Tuple dayRows(Map<Minute, Long> batch) {
    Map<Minute, Long> days = new TreeMap<>();
    batch.forEach((key, count) -> days.merge(new Minute(key.linkId(), key.epochMinute() / 1440), count, Long::sum));
    int n = days.size();
    UUID[] ids = new UUID[n];
    LocalDate[] dates = new LocalDate[n];
    Long[] counts = new Long[n];
    int i = 0;
    for (Map.Entry<Minute, Long> e : days.entrySet()) {
      ids[i] = e.getKey().linkId();
      dates[i] = LocalDate.ofEpochDay(e.getKey().epochMinute());
      counts[i++] = e.getValue();
    }
    return Tuple.tuple().addValue(ids).addValue(dates).addValue(counts);
  }

  private static Tuple totalRows(Map<Minute, Long> batch) {
    Map<UUID, Long> totals = new TreeMap<>();
    batch.forEach((key, count) -> totals.merge(key.linkId(), count, Long::sum));
    return Tuple.tuple().addValue(totals.keySet().toArray(UUID[]::new)).addValue(totals.values().toArray(Long[]::new));
  }
}
