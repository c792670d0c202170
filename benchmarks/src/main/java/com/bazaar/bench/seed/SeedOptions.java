package com.bazaar.bench.seed;

import com.bazaar.bench.BenchDatabase;

import java.nio.file.Path;

/** Command-line flags of the seed generator. */
record SeedOptions(String jdbcUrl, long seed, int products, int variantsPerProduct,
                   int categories, int users, int resellers, Path out) {

  static SeedOptions parse(String[] args) {
    String url = BenchDatabase.url();
    long seed = 42;
    int products = 10_000;
    int variants = 4;
    int categories = 50;
    int users = 200;
    int resellers = 50;
    Path out = Path.of("benchmarks/results/data");
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(value);
        case "--products" -> products = Integer.parseInt(value);
        case "--variants-per-product" -> variants = Integer.parseInt(value);
        case "--categories" -> categories = Integer.parseInt(value);
        case "--users" -> users = Integer.parseInt(value);
        case "--resellers" -> resellers = Integer.parseInt(value);
        case "--out" -> out = Path.of(value);
        case "--jdbc-url" -> url = value;
        default -> throw new IllegalArgumentException("Unknown flag " + args[i]);
      }
    }
    if (variants < 1 || variants > 16) {
      throw new IllegalArgumentException("--variants-per-product must be 1..16 (4 colours x 4 sizes)");
    }
    return new SeedOptions(url, seed, products, variants, categories, users, resellers, out);
  }
}
