package com.bazaar.notification.email;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The {@code notification.email} section of the configuration. */
public record EmailSettings(boolean enabled, String host, int port, String from, String username, String password,
                            String templates, long pollMs, int maxAttempts, List<Long> backoffMs) {

  public static EmailSettings from(JsonObject config) {
    JsonObject email = config.getJsonObject("notification").getJsonObject("email");
    JsonArray backoff = email.getJsonArray("backoffMs");
    return new EmailSettings(email.getBoolean("enabled"), email.getString("host"), email.getInteger("port"),
      email.getString("from"), email.getString("username"), email.getString("password"), email.getString("templates"),
      email.getLong("pollMs"), email.getInteger("maxAttempts"),
      backoff.stream().map(v -> ((Number) v).longValue()).toList());
  }

  /** The wait before attempt {@code attempts + 1}: the list's entry, its last one beyond it. */
  long backoffAfter(int attempts) {
    return backoffMs.get(Math.min(attempts, backoffMs.size()) - 1);
  }
}
