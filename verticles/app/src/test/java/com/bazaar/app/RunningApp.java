package com.bazaar.app;

import com.bazaar.platform.amqp.OutgoingMessage;
import com.bazaar.platform.events.EventEnvelope;

import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestDatabase;
import com.bazaar.platform.testing.TestHttp;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/** The whole application started in-process, as {@code java -jar} starts it, on a fresh database. */
public final class RunningApp implements AutoCloseable {
  public final TestDatabase database;
  public final JsonObject config;
  public final Bazaar bazaar;
  public final TestHttp http;

  private RunningApp(TestDatabase database, JsonObject config, Bazaar bazaar) {
    this.database = database;
    this.config = config;
    this.bazaar = bazaar;
    this.http = new TestHttp(bazaar.vertx(), config.getJsonObject("http").getInteger("port"));
  }

  /**
   * Starts the app. Every test logs in from 127.0.0.1, so the per-address login limit is raised here; the limiter
   * itself is tested in the gateway module.
   */
  public static RunningApp start(Map<String, String> env, String... args) {
    TestDatabase database = TestDatabase.create();
    try {
      Map<String, String> all = new java.util.HashMap<>(Map.of(
        "BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_LOGIN_IP_LIMIT", "100000",
        "BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_LOGIN_IP_BURST", "100000",
        "BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_LOGIN_EMAIL_BURST", "50",
        "BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_LOGIN_EMAIL_IP_BURST", "50"));
      all.putAll(env);
      JsonObject config = TestConfig.forDatabase(database.name(), all);
      Bazaar bazaar = Bazaar.start(config, LaunchOptions.parse(List.of(args))).await();
      return new RunningApp(database, config, bazaar);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * The app with a bootstrap ADMIN of this email and password, and rate limits too high to matter: for tests that
   * make many calls as a few users and are about something else than the limiter.
   */
  public static RunningApp withAdminUnlimited(String email, String password) {
    Map<String, String> env = unlimited(email, password);
    // Clicks stay in memory until the app stops: the guards compare database and Redis fingerprints around each
    // call, and a background flush of earlier clicks would look like a write of the call.
    env.put("BAZAAR_SHARELINK_CLICK_FLUSH_MS", "3600000");
    env.put("BAZAAR_SHARELINK_CLICK_FLUSH_THRESHOLD", "100000000");
    // Likewise webhook deliveries, which a re-sent delivery would otherwise attempt a poll later.
    env.put("BAZAAR_NOTIFICATION_WEBHOOK_POLL_MS", "3600000");
    return start(env);
  }

  /** The environment of an app with a bootstrap ADMIN and rate limits too high to matter. */
  public static Map<String, String> unlimited(String email, String password) {
    Map<String, String> env = new java.util.HashMap<>(Map.of("BAZAAR_ADMIN_EMAIL", email, "BAZAAR_ADMIN_PASSWORD", password));
    for (String policy : java.util.List.of("ANONYMOUS", "USER", "MONEY", "LOGIN_EMAIL")) {
      env.put("BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_" + policy + "_LIMIT", "100000000");
      env.put("BAZAAR_GATEWAY_RATE_LIMITS_POLICIES_" + policy + "_BURST", "10000000");
    }
    return env;
  }

  /** Publishes an event to the app's exchange as a relay would (confirmed), for consumer tests. */
  public void publish(EventEnvelope event) {
    var events = bazaar.platform().events();
    events.broker().publisher().publish(List.of(new OutgoingMessage(events.settings().exchange(), event.type(),
      event.id().toString(), event.type(), Map.of(), event.encode()))).await();
  }

  @Override
  public void close() {
    try {
      http.close();
      bazaar.close().await();
    } finally {
      database.close();
    }
  }
}
