package com.bazaar.platform.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.function.Supplier;

/**
 * Runs an asynchronous step on one Vert.x context and waits for it from the test thread. Driving clients from
 * the test thread directly gives them a fresh context per call, which was seen to lose HTTP requests.
 */
public final class OnContext {
  private OnContext() {
  }

  public static <T> T await(Context context, Supplier<Future<T>> step) {
    Promise<T> result = Promise.promise();
    context.runOnContext(ignored -> {
      try {
        step.get().onComplete(result);
      } catch (RuntimeException e) {
        result.fail(e);
      }
    });
    return result.future().await();
  }
}
