package com.bazaar.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test class, dropped when closed, so that test classes never see each
 * other's rows. Tests may use JDBC; only production code is held to the non-blocking rule.
 */
public final class TestDatabase implements AutoCloseable {
  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  public static TestDatabase create() {
    String name = "bazaar_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("postgres", "CREATE DATABASE " + name);
    return new TestDatabase(name);
  }

  public String name() {
    return name;
  }

  /** Runs SQL in this database, for seeding and for asserting on rows. */
  public void execute(String sql) {
    execute(name, sql);
  }

  /** The single number a query answers (a count, a sum), for asserting on rows. */
  public long queryLong(String sql) {
    return firstValue(sql, rows -> rows.getLong(1));
  }

  /** The first column of the first row a query answers, as text; null when it is NULL. */
  public String queryString(String sql) {
    return firstValue(sql, rows -> rows.getString(1));
  }

  private interface Column<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> T firstValue(String sql, Column<T> column) {
    try (Connection connection = connect(name); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      if (!rows.next()) {
        throw new IllegalStateException("No row from " + sql);
      }
      return column.read(rows);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed on " + name + ": " + sql, e);
    }
  }

  /** A handle on an existing database (another test's), which {@link #close} would drop. */
  public static TestDatabase named(String name) {
    return new TestDatabase(name);
  }

  public String jdbcUrl() {
    return jdbcUrl(name);
  }

  @Override
  public void close() {
    execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  public static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), TestEnv.pgUser(), TestEnv.pgPassword());
  }

  private static String jdbcUrl(String database) {
    return "jdbc:postgresql://" + TestEnv.pgHost() + ":" + TestEnv.pgPort() + "/" + database;
  }

  private static void execute(String database, String sql) {
    try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed on " + database + ": " + sql, e);
    }
  }
}
