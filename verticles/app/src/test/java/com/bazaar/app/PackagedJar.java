package com.bazaar.app;

import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestDatabase;
import com.bazaar.platform.testing.TestEnv;
import com.bazaar.platform.testing.TestHttp;
import io.vertx.core.Vertx;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded {@code bazaar.jar} (failsafe passes its path) running as its own process, as the README starts it, on a
 * fresh database and a free port, with a client for its public API.
 */
final class PackagedJar implements AutoCloseable {
  final TestHttp http;
  private final Vertx vertx = Vertx.vertx();
  private final TestDatabase database = TestDatabase.create();
  private final Process process;
  private final Path log;

  private PackagedJar(Map<String, String> env) throws IOException {
    Path jar = Path.of(System.getProperty("bazaar.jar", "target/bazaar.jar"));
    assertThat(jar).exists();
    int port = TestConfig.freePort();
    log = File.createTempFile("bazaar-jar", ".log").toPath();
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString()).redirectErrorStream(true)
      .redirectOutput(log.toFile());
    builder.environment().putAll(TestEnv.services());
    builder.environment().putAll(env);
    builder.environment().putAll(Map.of("BAZAAR_PG_DATABASE", database.name(), "BAZAAR_HTTP_PORT",
      String.valueOf(port), "BAZAAR_REDIS_URL", TestEnv.freshRedisDatabase()));
    process = builder.start();
    http = new TestHttp(vertx, port);
  }

  /** Starts the jar with these variables beside the services' and waits until {@code /health} answers 200. */
  static PackagedJar start(Map<String, String> env) throws IOException, InterruptedException {
    PackagedJar jar = new PackagedJar(env);
    for (int i = 0; i < 300; i++) {
      assertThat(jar.process.isAlive()).as("the jar exited early").isTrue();
      try {
        if (jar.http.get("/health").status() == 200) {
          return jar;
        }
      } catch (Exception notYet) {
        Thread.sleep(100);
      }
    }
    jar.close();
    throw new AssertionError("bazaar.jar did not become healthy in 30 s");
  }

  /** Sends SIGTERM; whether the process ended within 20 s. */
  boolean stop() throws InterruptedException {
    process.destroy();
    return process.waitFor(20, TimeUnit.SECONDS);
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    process.destroyForcibly();
    http.close();
    vertx.close().await();
    database.close();
  }
}
