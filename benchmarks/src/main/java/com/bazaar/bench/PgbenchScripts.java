package com.bazaar.bench;

import com.bazaar.platform.db.SqlStatement;
import com.bazaar.product.catalog.ProductDetails;
import com.bazaar.product.catalog.ProductListing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes pgbench scripts holding the exact SQL the product service runs for a list page and a cold detail, so the
 * report can show how close each HTTP scenario comes to what PostgreSQL alone can do, and the list page with its
 * LIMIT as a parameter, the way the service once sent it (re-planned on every execution). {@code spread/} holds one
 * script per list shape of {@code benchmarks/wrk/products_spread.lua} (four sorts, with and without a price floor, in
 * a random category); passed to one pgbench together they are the same mix. {@link OrderPgbench} adds the statements
 * of an order create, and {@link WebhookPgbench} those of a webhook capture when the seeded webhook payments are given
 ({@code OUT PRODUCTS CATEGORIES [WEBHOOKS PGBENCH_WEBHOOKS]}). Run pgbench with
 {@code PGOPTIONS='-c search_path=product,order,payment,wallet'}. {@link WalletPgbench} adds a payout request.
 */
public final class PgbenchScripts {
  private PgbenchScripts() {
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int products = Integer.parseInt(args[1]);
    int categories = Integer.parseInt(args[2]);
    Files.createDirectories(out);
    SqlStatement first = ProductListing.statement(null, null, null, null, "newest", 20);
    write(out.resolve("product_list.sql"), "", first.sql());
    if (!first.sql().contains("LIMIT 21")) {
      throw new IllegalStateException("the list statement no longer ends in LIMIT 21: " + first.sql());
    }
    write(out.resolve("product_list_limit_param.sql"), "\\set lim 21", first.sql().replace("LIMIT 21", "LIMIT :lim"));
    SqlStatement inCategory = ProductListing.statement("category-1", null, null, null, "newest", 20);
    write(out.resolve("product_list_category.sql"), "\\set c random(1, " + categories + ")",
      inCategory.sql().replace("$1", "('category-' || :c)"));
    write(out.resolve("product_detail.sql"), "\\set n random(1, " + products + ")",
      ProductDetails.bySlugSql().replace("$1", "('p-' || :n)"));
    writeSpread(out.resolve("spread"), categories);
    OrderPgbench.write(out, products);
    WalletPgbench.write(out);
    if (args.length == 5) {
      int webhooks = Integer.parseInt(args[3]);
      WebhookPgbench.write(out, webhooks + 1, webhooks + Integer.parseInt(args[4]));
    }
  }

  private static void writeSpread(Path dir, int categories) throws IOException {
    Files.createDirectories(dir);
    String variables = "\\set c random(1, " + categories + ")\n\\set m random(1, 50) * 2000";
    for (String sort : new String[] {"newest", "price_asc", "price_desc", "name"}) {
      String plain = ProductListing.statement("category-1", null, null, null, sort, 20).sql();
      write(dir.resolve(sort + ".sql"), variables, plain.replace("$1", "('category-' || :c)"));
      String floored = ProductListing.statement("category-1", null, 1L, null, sort, 20).sql();
      write(dir.resolve(sort + "_min_price.sql"), variables,
        floored.replace("$1", "('category-' || :c)").replace("$2", ":m"));
    }
  }

  private static void write(Path file, String variables, String sql) throws IOException {
    Files.writeString(file, (variables.isEmpty() ? "" : variables + "\n") + sql.replaceAll("\\s+", " ").trim() + ";\n");
  }
}
