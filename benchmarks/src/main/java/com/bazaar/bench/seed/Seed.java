package com.bazaar.bench.seed;

import com.bazaar.auth.password.PasswordHasher;
import com.bazaar.bench.BenchDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads benchmark data straight into the service schemas with set-based SQL (generate_series), so 10,000
 * products load in seconds. Everything derives from {@code --seed}: the same flags give the same rows. It then
 * writes the id files the wrk scenarios pick from. Run it after Bazaar has migrated the database.
 */
public final class Seed {
  public static final String PASSWORD = "bench password 1";

  private Seed() {
  }

  public static void main(String[] args) throws Exception {
    SeedOptions options = SeedOptions.parse(args);
    long started = System.nanoTime();
    try (Connection db = BenchDatabase.connect(options.jdbcUrl())) {
      db.setAutoCommit(false);
      String hash = new PasswordHasher().hash(PASSWORD);
      try (Statement sql = db.createStatement()) {
        for (String statement : SeedSql.statements(options)) {
          sql.execute(statement);
        }
        try (PreparedStatement users = db.prepareStatement(SeedSql.USERS)) {
          users.setString(1, hash);
          users.setInt(2, options.users());
          users.setString(3, hash);
          users.setInt(4, options.resellers());
          users.execute();
        }
        db.commit();
        db.setAutoCommit(true);
        sql.execute("ANALYZE");
      }
      writeIds(db, options.out());
    }
    System.out.printf("seeded %d products x %d variants, %d categories, %d users in %d ms%n", options.products(),
      options.variantsPerProduct(), options.categories(), options.users() + options.resellers(),
      (System.nanoTime() - started) / 1_000_000);
  }

  private static void writeIds(Connection db, Path out) throws SQLException, IOException {
    Files.createDirectories(out);
    write(db, out.resolve("product-ids.txt"), "SELECT id FROM product.products WHERE is_active ORDER BY slug");
    write(db, out.resolve("product-slugs.txt"), "SELECT slug FROM product.products WHERE is_active ORDER BY slug");
    write(db, out.resolve("category-slugs.txt"), "SELECT slug FROM product.categories ORDER BY slug");
    write(db, out.resolve("variant-ids.txt"), "SELECT id FROM product.product_variants ORDER BY id LIMIT 5000");
    write(db, out.resolve("customer-emails.txt"), "SELECT u.email FROM auth.users u JOIN auth.user_roles r "
      + "ON r.user_id = u.id AND r.role = 'CUSTOMER' ORDER BY u.email");
    write(db, out.resolve("reseller-emails.txt"), "SELECT u.email FROM auth.users u JOIN auth.user_roles r "
      + "ON r.user_id = u.id AND r.role = 'RESELLER' ORDER BY u.email");
    write(db, out.resolve("sharelink-codes.txt"), "SELECT code FROM sharelink.share_links ORDER BY code");
    write(db, out.resolve("link-variants.txt"), "SELECT l.code || ' ' || v.id FROM sharelink.share_links l "
      + "JOIN product.product_variants v ON v.product_id = l.product_id AND v.position = 0 ORDER BY l.code LIMIT 5000");
    Files.writeString(out.resolve("password.txt"), PASSWORD + "\n");
  }

  private static void write(Connection db, Path file, String query) throws SQLException, IOException {
    List<String> lines = new ArrayList<>();
    try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    Files.write(file, lines);
  }
}
