package com.bazaar.platform.cache;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Collapses concurrent loads of one key into one: while a load is in flight, later callers for the same key
 * share its result. Shared by every verticle instance of a process; each caller is answered on its own context.
 */
public final class SingleFlight<V> {
  private final Map<String, Future<V>> inFlight = new ConcurrentHashMap<>();

  public Future<V> load(String key, Supplier<Future<V>> loader) {
    Context caller = Vertx.currentContext();
    Promise<V> mine = Promise.promise();
    Future<V> shared = inFlight.computeIfAbsent(key, k -> mine.future());
    if (shared == mine.future()) {
      Future<V> loading;
      try {
        loading = loader.get();
      } catch (RuntimeException e) {
        loading = Future.failedFuture(e);
      }
      loading.onComplete(ar -> {
        inFlight.remove(key, mine.future());
        mine.handle(ar);
      });
      return mine.future();
    }
    if (caller == null) {
      return shared;
    }
    Promise<V> joined = Promise.promise();
    shared.onComplete(ar -> caller.runOnContext(v -> joined.handle(ar)));
    return joined.future();
  }
}
