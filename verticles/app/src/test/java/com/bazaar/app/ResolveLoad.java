package com.bazaar.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Sends {@code total} GETs from {@code clients} concurrent connections on a Vert.x of its own, and counts the answers
 * by status (0 for a request that got no answer, as when the server stops in the middle).
 */
final class ResolveLoad {
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client;
  private final AtomicInteger sent = new AtomicInteger();
  final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
  final AtomicInteger answered = new AtomicInteger();

  ResolveLoad(int port, int clients) {
    client = vertx.createHttpClient(new HttpClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1")
      .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(clients));
  }

  /** Completes when every request is answered or failed; {@code headers} gives the headers of request i. */
  Future<Void> run(int total, int clients, String path, IntFunction<Map<String, String>> headers) {
    Promise<Void> done = Promise.promise();
    AtomicInteger running = new AtomicInteger(clients);
    for (int c = 0; c < clients; c++) {
      next(total, path, headers, () -> {
        if (running.decrementAndGet() == 0) {
          done.complete();
        }
      });
    }
    return done.future();
  }

  private void next(int total, String path, IntFunction<Map<String, String>> headers, Runnable finished) {
    int i = sent.getAndIncrement();
    if (i >= total) {
      finished.run();
      return;
    }
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(path);
    headers.apply(i).forEach(options::addHeader);
    client.request(options).compose(request -> request.send()).compose(response -> response.body()
        .map(body -> response.statusCode()))
      .otherwise(0)
      .onComplete(ar -> {
        byStatus.computeIfAbsent(ar.result(), s -> new AtomicInteger()).incrementAndGet();
        answered.incrementAndGet();
        next(total, path, headers, finished);
      });
  }

  int count(int status) {
    AtomicInteger n = byStatus.get(status);
    return n == null ? 0 : n.get();
  }

  void close() {
    vertx.close().await();
  }
}
