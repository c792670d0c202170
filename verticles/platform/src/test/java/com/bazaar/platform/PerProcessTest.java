package com.bazaar.platform;

import com.bazaar.platform.testing.TestStack;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PerProcessTest {
  private static TestStack stack;

  @BeforeAll
  static void start() {
    stack = TestStack.start();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  /** Asks for the shared state from the context and reports the context its continuation ran on. */
  private static CompletableFuture<Context> continuationFrom(Context context, AtomicInteger starts) {
    CompletableFuture<Context> ranOn = new CompletableFuture<>();
    context.runOnContext(v -> stack.platform().perProcessStarted("slow-state", () -> {
      starts.incrementAndGet();
      Promise<String> started = Promise.promise();
      stack.vertx().setTimer(100, t -> started.complete("ready"));
      return started.future();
    }).onComplete(result -> ranOn.complete(Vertx.currentContext())));
    return ranOn;
  }

  @Test
  void every_instance_continues_on_its_own_context_once_the_shared_state_has_started() throws Exception {
    Context first = stack.vertx().getOrCreateContext();
    Context second = stack.vertx().getOrCreateContext();
    AtomicInteger starts = new AtomicInteger();

    CompletableFuture<Context> firstRanOn = continuationFrom(first, starts);
    CompletableFuture<Context> secondRanOn = continuationFrom(second, starts);

    assertThat(first).isNotSameAs(second);
    assertThat(firstRanOn.get(5, TimeUnit.SECONDS)).isSameAs(first);
    assertThat(secondRanOn.get(5, TimeUnit.SECONDS)).isSameAs(second);
    assertThat(starts).hasValue(1);
  }
}
