package com.bazaar.sharelink;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Row;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * A link's numbers for its owner: clicks (the total, and per day for the last 30 days), unique visitors over those
 * days (one PFCOUNT over the daily HyperLogLogs), and the orders, revenue and commission counted from order events.
 * It reads the link row, at most 30 daily rows, one sales row and one Redis key per day: the same cost whatever
 * the number of clicks. Clicks of the last second may not be flushed yet.
 */
final class LinkStats {
  private final ShareLinkService links;
  private final ShareLinkRepository repository;
  private final SharedRedis redis;
  private final ShareLinkSettings settings;

  LinkStats(ShareLinkService links, ShareLinkRepository repository, SharedRedis redis, ShareLinkSettings settings) {
    this.links = links;
    this.repository = repository;
    this.redis = redis;
    this.settings = settings;
  }

  Future<JsonObject> of(Principal caller, String code) {
    return links.owned(caller, code).compose(link -> {
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      LocalDate from = today.minusDays(settings.visitorDays() - 1L);
      Future<Map<LocalDate, Long>> daily = repository.dailyClicks(link.id(), from).map(rows -> {
        Map<LocalDate, Long> byDay = new HashMap<>();
        rows.forEach(row -> byDay.put(row.getLocalDate("day"), row.getLong("clicks")));
        return byDay;
      });
      Future<Row> sales = repository.sales(link.id()).map(rows -> rows.size() == 0 ? null : rows.iterator().next());
      Future<Long> visitors = uniqueVisitors(link.id(), from, today);
      return Future.all(daily, sales, visitors).map(done -> {
        JsonArray days = new JsonArray();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
          days.add(new JsonObject().put("day", day.toString()).put("clicks", daily.result().getOrDefault(day, 0L)));
        }
        Row sold = sales.result();
        return new JsonObject()
          .put("code", link.code())
          .put("clicks", new JsonObject().put("total", link.clicks()).put("days", days))
          .put("uniqueVisitors", visitors.result())
          .put("orders", sold == null ? 0 : sold.getLong("orders"))
          .put("revenue", sold == null ? 0 : sold.getLong("revenue"))
          .put("commission", sold == null ? 0 : sold.getLong("commission"))
          .put("currency", link.currency());
      });
    });
  }

  /** Null when Redis cannot answer: the count is unknown, not zero. */
  private Future<Long> uniqueVisitors(java.util.UUID linkId, LocalDate from, LocalDate to) {
    Request count = Request.cmd(Command.PFCOUNT);
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      count.arg(ClickRecorder.visitorKey(linkId, day.toEpochDay() * 1440));
    }
    return redis.send(count).map(response -> response.toLong()).otherwise((Long) null);
  }
}
