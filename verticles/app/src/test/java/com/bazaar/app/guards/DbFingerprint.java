package com.bazaar.app.guards;

import com.bazaar.platform.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A digest of every row of every service table, to show that a refused request wrote nothing: no insert, no
 * update, no delete, no outbox row. Migration history is left out.
 */
final class DbFingerprint {
  private final String database;
  private final List<String> tables = new ArrayList<>();
  private Map<String, String> last = Map.of();
  private String lastTransactionId = "";
  private Connection connection;

  DbFingerprint(String database) {
    this.database = database;
    try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables "
           + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'public') "
           + "AND table_name <> 'flyway_schema_history' ORDER BY 1")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each table's digest, by name. */
  Map<String, String> take() {
    String before = nextTransactionId();
    Map<String, String> digests = new LinkedHashMap<>();
    try (Statement statement = connection().createStatement()) {
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
          + "ORDER BY t::text)), '') FROM " + table + " t")) {
          rows.next();
          digests.put(table, rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    last = digests;
    lastTransactionId = before;
    return digests;
  }

  /**
   * A digest taken once the earlier requests' background work has stopped writing (the outbox relay marking events
   * published, consumers confirming reservations), so that what a request under test writes is told apart from what
   * the fixtures before it set going. Quiet means no transaction id handed out for 40 ms: every write takes one, and
   * nothing else runs against this PostgreSQL during the tests. When nothing was written since the last digest, that
   * digest stands. Gives up waiting after about five seconds.
   */
  Map<String, String> settled() {
    String seen = nextTransactionId();
    if (seen.equals(lastTransactionId)) {
      return last;
    }
    int quiet = 0;
    for (int attempt = 0; attempt < 200 && quiet < 2; attempt++) {
      sleep();
      String now = nextTransactionId();
      quiet = now.equals(seen) ? quiet + 1 : 0;
      seen = now;
    }
    return take();
  }

  private String nextTransactionId() {
    try (Statement statement = connection().createStatement();
         ResultSet rows = statement.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One connection for the test's life: opening one per probe cost more than the probes. The database's drop ends it. */
  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = TestDatabase.connect(database);
    }
    return connection;
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The tables whose rows differ between two digests. */
  static List<String> changed(Map<String, String> before, Map<String, String> after) {
    return after.keySet().stream().filter(table -> !after.get(table).equals(before.get(table))).toList();
  }
}
