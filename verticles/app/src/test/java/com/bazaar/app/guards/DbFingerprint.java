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
    Map<String, String> digests = new LinkedHashMap<>();
    try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement()) {
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
    return digests;
  }

  /** The tables whose rows differ between two digests. */
  static List<String> changed(Map<String, String> before, Map<String, String> after) {
    return after.keySet().stream().filter(table -> !after.get(table).equals(before.get(table))).toList();
  }
}
