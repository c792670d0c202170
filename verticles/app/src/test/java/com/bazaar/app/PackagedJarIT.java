package com.bazaar.app;

import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shaded {@code bazaar.jar} as a real process, as the README does, so that packaging mistakes
 * (a dependency left out, a service file not merged, migrations missing from the jar) fail the build.
 */
class PackagedJarIT {

  @Test
  void the_packaged_jar_starts_migrates_serves_and_stops_on_sigterm() throws Exception {
    try (PackagedJar jar = PackagedJar.start(Map.of("BAZAAR_ADMIN_EMAIL", "jar@bazaar.test", "BAZAAR_ADMIN_PASSWORD",
      "jar admin password"))) {
      Response categories = jar.http.get("/api/v1/categories");
      Response login = jar.http.post("/api/v1/auth/login",
        new JsonObject().put("email", "jar@bazaar.test").put("password", "jar admin password"));
      Response docs = jar.http.get("/docs");

      assertThat(categories.status()).isEqualTo(200);
      assertThat(login.status()).isEqualTo(200);
      assertThat(docs.status()).isEqualTo(200);
      assertThat(jar.stop()).as("stops on SIGTERM").isTrue();
      assertThat(jar.log()).contains("Bazaar started in").contains("Shutting down").contains("Stopped");
    }
  }
}
