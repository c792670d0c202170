package com.bazaar.platform.testing;

import com.bazaar.platform.config.ConfigLoader;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** The effective config for a test: the real defaults, pointed at the test services and database. */
public final class TestConfig {
  private TestConfig() {
  }

  public static JsonObject forDatabase(String database) {
    return forDatabase(database, Map.of());
  }

  /** @param env extra environment variables, applied like real ones (they win over everything else) */
  public static JsonObject forDatabase(String database, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(TestEnv.services());
    all.put("BAZAAR_REDIS_URL", TestEnv.freshRedisDatabase());
    all.put("BAZAAR_PG_DATABASE", database);
    all.put("BAZAAR_PG_CREATE_DATABASE", "false");
    all.put("BAZAAR_PG_LOG_QUERIES", "false");
    all.put("BAZAAR_HTTP_ACCESS_LOG", "false");
    all.put("BAZAAR_HTTP_PORT", String.valueOf(freePort()));
    all.put("BAZAAR_VERTX_EVENT_LOOPS", "2");
    all.put("BAZAAR_VERTX_BLOCKED_THREAD_WARNING_MS", "300");
    all.put("BAZAAR_VERTX_BLOCKED_THREAD_CHECK_INTERVAL_MS", "50");
    all.putAll(env);
    return ConfigLoader.load(null, all);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A localhost port with nothing listening, for "dependency down" tests. */
  public static int closedPort() {
    return freePort();
  }
}
