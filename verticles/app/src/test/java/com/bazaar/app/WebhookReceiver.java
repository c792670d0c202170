package com.bazaar.app;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seller's webhook receiver for the tests, on its own loopback address (so each is its own host to the sender):
 * it answers the first {@code failures} requests with a failure status and 200 after, or never answers at all. It keeps every
 * request, and the most requests it ever held open at once.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as it arrived. */
  record Received(MultiMap headers, String body) {
    String header(String name) {
      return headers.get(name);
    }

    /** The Standard Webhooks signature of this request under {@code secret}, computed from the spec, not Bazaar. */
    String signatureWith(String secret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = header("webhook-id") + "." + header("webhook-timestamp") + "." + body;
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger failures;
  final AtomicInteger mostOpenAtOnce = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final boolean answers;
  private final int failureStatus;
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final String host;

  private WebhookReceiver(String host, int failures, int failureStatus, boolean answers) {
    this.host = host;
    this.failureStatus = failureStatus;
    this.failures = new AtomicInteger(failures);
    this.answers = answers;
    this.server = vertx.createHttpServer().requestHandler(this::handle).listen(0, host).await();
  }

  /** Fails the first {@code failures} requests with 503 (the host is in trouble), then accepts. */
  static WebhookReceiver failingFirst(String host, int failures) {
    return new WebhookReceiver(host, failures, 503, true);
  }

  /** Refuses the first {@code failures} requests with 400 (this delivery is wrong, the host is fine), then accepts. */
  static WebhookReceiver refusingFirst(String host, int failures) {
    return new WebhookReceiver(host, failures, 400, true);
  }

  static WebhookReceiver neverAnswering(String host) {
    return new WebhookReceiver(host, 0, 0, false);
  }

  String url() {
    return "http://" + host + ":" + server.actualPort() + "/hooks/bazaar";
  }

  long withId(String webhookId) {
    return received.stream().filter(r -> webhookId.equals(r.header("webhook-id"))).count();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      received.add(new Received(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.toString()));
      if (!answers) {
        mostOpenAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
        request.connection().closeHandler(v -> open.decrementAndGet());
        return;
      }
      request.response().setStatusCode(failures.getAndDecrement() > 0 ? failureStatus : 200).end();
    });
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
