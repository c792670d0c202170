package com.bazaar.notification.email;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-mail templates, one file per template in the configured directory ({@code <template>.txt}): a first line
 * {@code Subject: ...}, then the body. {@code {{name}}} is replaced with the value of {@code name}; an unknown name
 * is left as it is, so a mistake shows in the mail rather than vanishing.
 */
public final class EmailTemplates {
  /** A rendered mail. */
  public record Rendered(String subject, String body) {
  }

  private final Map<String, String> templates;

  private EmailTemplates(Map<String, String> templates) {
    this.templates = templates;
  }

  /** Reads the templates, without blocking an event loop; fails if one is missing or has no subject line. */
  public static Future<EmailTemplates> load(Vertx vertx, String directory, List<String> names) {
    Map<String, String> loaded = new HashMap<>();
    Future<Void> all = Future.succeededFuture();
    for (String name : names) {
      all = all.compose(v -> vertx.fileSystem().readFile(directory + "/" + name + ".txt").map(buffer -> {
        String text = buffer.toString();
        if (!text.startsWith("Subject: ")) {
          throw new IllegalStateException("The e-mail template " + name + " does not start with a Subject: line");
        }
        loaded.put(name, text);
        return null;
      }));
    }
    return all.map(v -> new EmailTemplates(loaded));
  }

  Rendered render(String name, JsonObject values) {
    String text = templates.get(name);
    for (Map.Entry<String, Object> value : values) {
      text = text.replace("{{" + value.getKey() + "}}", String.valueOf(value.getValue()));
    }
    int newline = text.indexOf('\n');
    return new Rendered(text.substring("Subject: ".length(), newline).trim(), text.substring(newline + 1));
  }
}
