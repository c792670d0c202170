package com.bazaar.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The benchmark database over JDBC, named by the same {@code BAZAAR_PG_*} variables as the server's. */
public final class BenchDatabase {
  private BenchDatabase() {
  }

  public static String url() {
    return "jdbc:postgresql://" + env("BAZAAR_PG_HOST", "127.0.0.1") + ":" + env("BAZAAR_PG_PORT", "5432") + "/"
      + env("BAZAAR_PG_DATABASE", "bazaar_bench");
  }

  public static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, env("BAZAAR_PG_USER", "postgres"), env("BAZAAR_PG_PASSWORD", ""));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
