package com.bazaar.notification.email;

import com.bazaar.auth.api.AuthAddresses;
import com.bazaar.platform.SingleRound;
import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.db.ServiceDb;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per process: every {@code pollMs} it claims due e-mails ({@code FOR UPDATE SKIP LOCKED}, so several processes
 * share them), asks auth for each recipient's address over the bus, renders the template and sends it through the
 * SMTP server in the configuration. A failure is retried after the next backoff step, and after
 * {@code maxAttempts} the mail is FAILED. Outcomes are counted in {@code bazaar.notifications.email{outcome}}.
 */
public final class EmailSender {
  private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);
  private static final int BATCH = 20;

  private final Vertx vertx;
  private final ServiceDb db;
  private final EmailOutbox outbox;
  private final EmailTemplates templates;
  private final EmailSettings settings;
  private final BusClient bus;
  private final MailClient mail;
  private final MeterRegistry registry;
  private final SingleRound rounds = new SingleRound(this::round);

  public EmailSender(Vertx vertx, ServiceDb db, EmailOutbox outbox, EmailTemplates templates, EmailSettings settings,
                     BusClient bus, MeterRegistry registry) {
    this.vertx = vertx;
    this.db = db;
    this.outbox = outbox;
    this.templates = templates;
    this.settings = settings;
    this.bus = bus;
    this.registry = registry;
    MailConfig config = new MailConfig().setHostname(settings.host()).setPort(settings.port())
      .setStarttls(StartTLSOptions.OPTIONAL).setKeepAlive(true);
    if (settings.username() != null && !settings.username().isBlank()) {
      config.setUsername(settings.username()).setPassword(settings.password());
    }
    this.mail = MailClient.createShared(vertx, config, "bazaar-notification-mail");
  }

  public EmailSender start() {
    rounds.every(vertx, settings.pollMs());
    return this;
  }

  private Future<Void> round() {
    return db.write().withTransaction(tx -> outbox.claimDue(tx, BATCH).compose(due -> {
      Future<Void> chain = Future.succeededFuture();
      for (EmailOutbox.Due email : due) {
        chain = chain.compose(v -> send(tx, email));
      }
      return chain;
    })).onFailure(e -> LOG.warn("E-mail round failed; the next one retries: {}", e.toString()));
  }

  private Future<Void> send(SqlConnection tx, EmailOutbox.Due email) {
    return recipient(email).compose(contact -> {
      EmailTemplates.Rendered rendered = templates.render(email.template(), email.data().copy()
        .put("firstName", contact.getString("firstName", "")));
      return mail.sendMail(new MailMessage().setFrom(settings.from()).setTo(contact.getString("email"))
        .setSubject(rendered.subject()).setText(rendered.body()));
    }).compose(result -> outbox.sent(tx, email.id()).onSuccess(v -> count("sent")))
      .recover(failure -> outbox.failedAttempt(tx, email.id(), String.valueOf(failure.getMessage()),
          settings.backoff().afterAttempt(email.attempts() + 1), settings.maxAttempts())
        .onSuccess(failedForGood -> {
          count(failedForGood ? "failed" : "retried");
          LOG.warn("E-mail {} ({}) not sent, attempt {}{}: {}", email.id(), email.template(), email.attempts() + 1,
            failedForGood ? ", giving up" : "", failure.toString());
        }).mapEmpty());
  }

  private Future<JsonObject> recipient(EmailOutbox.Due email) {
    return bus.call(AuthAddresses.CONTACT, BusRequest.of(new JsonObject().put("userId", email.userId().toString()),
      Principal.service("notification")), json -> json);
  }

  private void count(String outcome) {
    registry.counter("bazaar.notifications.email", "outcome", outcome).increment();
  }
}
