package com.bazaar.platform;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * A future shared between verticle instances completes on the context of whichever instance started it. Waiting on
 * it through here brings the result back to the caller's own context, so what the caller does next (binding bus
 * consumers, listening for HTTP, answering its request) stays on its own verticle and event loop.
 */
public final class OnCallerContext {
  private OnCallerContext() {
  }

  public static <T> Future<T> of(Future<T> shared) {
    Context caller = Vertx.currentContext();
    if (caller == null) {
      return shared;
    }
    Promise<T> mine = Promise.promise();
    shared.onComplete(result -> caller.runOnContext(v -> mine.handle(result)));
    return mine.future();
  }
}
