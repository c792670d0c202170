package com.bazaar.bench;

import com.bazaar.app.Main;
import com.bazaar.bench.naive.NaivePricing;
import com.bazaar.bench.naive.NaiveProductList;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;

/**
 * The real launcher plus the baseline routes of {@code benchmarks/conf/bench-openapi.yaml}: the seed system's
 * naive implementations, served by the same JVM so that every optimisation is measured beside its "before" in
 * the same run. Start it with the real jar on the class path:
 * {@code java -cp verticles/app/target/bazaar.jar:benchmarks/target/benchmarks.jar com.bazaar.bench.BenchMain}.
 */
public final class BenchMain {
  private BenchMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    Main.run(args, bazaar -> Future.all(
      bazaar.vertx().deployVerticle(() -> new NaiveProductList(bazaar.platform()), new DeploymentOptions()),
      bazaar.vertx().deployVerticle(() -> new NaivePricing(bazaar.platform()), new DeploymentOptions())));
  }
}
