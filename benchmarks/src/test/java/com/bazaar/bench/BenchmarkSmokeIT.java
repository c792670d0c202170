package com.bazaar.bench;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code benchmarks/run.sh --smoke} against the packaged jars: every scenario for two seconds, so the harness
 * cannot rot. The run fails when any scenario saw an error or a non-2xx answer.
 */
class BenchmarkSmokeIT {

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void the_smoke_run_measures_every_scenario_without_an_error() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    // A directory of this run's own: a run of an earlier day would otherwise sit beside it in target/.
    Path out = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "smoke").toAbsolutePath();
    Path log = Files.createTempFile("bench-smoke", ".log");
    Process run = new ProcessBuilder("benchmarks/run.sh", "--smoke", "--no-build", "--out", out.toString())
      .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();

    boolean finished;
    try {
      finished = run.waitFor(8, TimeUnit.MINUTES);
    } finally {
      run.descendants().forEach(ProcessHandle::destroy);
      run.destroy();
    }

    assertThat(finished).as("the smoke run finished in time").isTrue();
    assertThat(run.exitValue()).as(Files.readString(log)).isZero();
    File[] runs = out.toFile().listFiles((dir, name) -> name.endsWith("-smoke"));
    assertThat(runs).hasSize(1);
    JsonObject results = new JsonObject(Files.readString(runs[0].toPath().resolve("results.json")));
    long scenarios = Files.readAllLines(root.resolve("benchmarks/scenarios.tsv")).stream()
      .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    assertThat(results.getJsonObject("scenarios").size()).isEqualTo((int) scenarios);
    results.getJsonObject("scenarios").forEach(e -> assertThat(((JsonObject) e.getValue()).getBoolean("failed"))
      .as(e.getKey()).isFalse());
    JsonObject checkout = results.getJsonObject("checkout");
    assertThat(checkout.getBoolean("failed")).as(checkout.encodePrettily()).isFalse();
    assertThat(checkout.getJsonArray("loads").stream().map(l -> ((JsonObject) l).getString("load")))
      .containsExactly("70", "70browse");
    checkout.getJsonArray("loads").forEach(l -> {
      JsonObject load = (JsonObject) l;
      assertThat(load.getDouble("achieved_rps")).as("sent at the rate").isGreaterThan(0.5 * load.getInteger("target_rps"));
      assertThat(load.getDouble("p999_ms")).isGreaterThanOrEqualTo(load.getDouble("p99_ms"));
      assertThat(load.getDouble("idle_rss_mb")).isPositive();
      assertThat(load.getInteger("lag_samples")).isPositive();
    });
    JsonObject sent = checkout.getJsonArray("loads").getJsonObject(0).getJsonObject("sent");
    assertThat(sent.getInteger("completion")).as("checkouts went through to the sandbox's completion").isPositive();
    assertThat(runs[0].toPath().resolve("report.md")).exists();
  }
}
