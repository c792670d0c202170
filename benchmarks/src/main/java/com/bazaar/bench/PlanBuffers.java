package com.bazaar.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shared buffers (hit + read) one execution of a service's statement touches, planning excluded. */
final class PlanBuffers {
  private static final Pattern PARAM = Pattern.compile("\\$(\\d+)");

  private PlanBuffers() {
  }

  /** {@code sql} uses $1..$n; {@code params} are bound to them by number, however often and in whatever order. */
  static long of(Connection db, String sql, Object... params) throws SQLException {
    String explain = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql;
    List<Object> ordered = new ArrayList<>();
    Matcher m = PARAM.matcher(explain);
    while (m.find()) {
      ordered.add(params[Integer.parseInt(m.group(1)) - 1]);
    }
    try (PreparedStatement ps = db.prepareStatement(PARAM.matcher(explain).replaceAll("?"))) {
      for (int i = 0; i < ordered.size(); i++) {
        ps.setObject(i + 1, ordered.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        JsonObject plan = new JsonArray(rs.getString(1)).getJsonObject(0).getJsonObject("Plan");
        return plan.getLong("Shared Hit Blocks") + plan.getLong("Shared Read Blocks");
      }
    }
  }
}
