package com.bazaar.app;

import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestDatabase;
import com.bazaar.platform.testing.TestEnv;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shaded {@code bazaar.jar} as a real process, as the README does, so that packaging mistakes
 * (a dependency left out, a service file not merged, migrations missing from the jar) fail the build.
 */
class PackagedJarIT {

  @Test
  void the_packaged_jar_starts_migrates_serves_and_stops_on_sigterm() throws Exception {
    Path jar = Path.of(System.getProperty("bazaar.jar", "target/bazaar.jar"));
    assertThat(jar).exists();
    int port = TestConfig.freePort();
    Vertx vertx = Vertx.vertx();
    try (TestDatabase database = TestDatabase.create()) {
      ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString())
        .redirectErrorStream(true)
        .redirectOutput(File.createTempFile("bazaar-jar", ".log"));
      builder.environment().putAll(TestEnv.services());
      builder.environment().putAll(Map.of("BAZAAR_PG_DATABASE", database.name(), "BAZAAR_HTTP_PORT", String.valueOf(port),
        "BAZAAR_ADMIN_EMAIL", "jar@bazaar.test", "BAZAAR_ADMIN_PASSWORD", "jar admin password"));
      Process process = builder.start();
      try (TestHttp http = new TestHttp(vertx, port)) {
        awaitHealthy(http, process);

        Response categories = http.get("/api/v1/categories");
        Response login = http.post("/api/v1/auth/login",
          new JsonObject().put("email", "jar@bazaar.test").put("password", "jar admin password"));
        Response docs = http.get("/docs");

        assertThat(categories.status()).isEqualTo(200);
        assertThat(login.status()).isEqualTo(200);
        assertThat(docs.status()).isEqualTo(200);
      } finally {
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
      }
      String log = Files.readString(builder.redirectOutput().file().toPath());
      assertThat(log).contains("Bazaar started in").contains("Shutting down").contains("Stopped");
    } finally {
      vertx.close().await();
    }
  }

  private static void awaitHealthy(TestHttp http, Process process) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      assertThat(process.isAlive()).as("the jar exited early").isTrue();
      try {
        if (http.get("/health").status() == 200) {
          return;
        }
      } catch (Exception notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("bazaar.jar did not become healthy in 30 s");
  }
}
