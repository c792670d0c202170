package com.bazaar.notification.email;

import com.bazaar.notification.Backoff;
import io.vertx.core.json.JsonObject;

/** The {@code notification.email} section of the configuration. */
public record EmailSettings(boolean enabled, String host, int port, String from, String username, String password,
                            String templates, long pollMs, int maxAttempts, Backoff backoff) {

  public static EmailSettings from(JsonObject config) {
    JsonObject email = config.getJsonObject("notification").getJsonObject("email");
    return new EmailSettings(email.getBoolean("enabled"), email.getString("host"), email.getInteger("port"),
      email.getString("from"), email.getString("username"), email.getString("password"), email.getString("templates"),
      email.getLong("pollMs"), email.getInteger("maxAttempts"), Backoff.from(email.getJsonArray("backoffMs")));
  }
}
