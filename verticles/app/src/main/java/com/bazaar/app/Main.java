package com.bazaar.app;

import com.bazaar.platform.config.ConfigLoader;
import com.bazaar.platform.error.StartupException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** {@code java -jar bazaar.jar}: runs the selected services in this JVM until SIGTERM. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) throws InterruptedException {
    run(args, bazaar -> Future.succeededFuture());
  }

  /** Runs until SIGTERM. {@code afterStart} may deploy more in the same JVM; the benchmark harness does. */
  public static void run(String[] args, Function<Bazaar, Future<?>> afterStart) throws InterruptedException {
    long started = System.nanoTime();
    LaunchOptions options;
    JsonObject config;
    try {
      options = LaunchOptions.parse(List.of(args));
      config = ConfigLoader.load(options.confFile(), System.getenv());
    } catch (RuntimeException e) {
      LOG.error("{}\n{}", e.getMessage(), LaunchOptions.USAGE);
      flushLogs();
      System.exit(2);
      return;
    }
    CountDownLatch ready = new CountDownLatch(1);
    Bazaar[] running = new Bazaar[1];
    Bazaar.start(config, options).compose(bazaar -> afterStart.apply(bazaar).map(bazaar)).onComplete(ar -> {
      if (ar.succeeded()) {
        running[0] = ar.result();
        LOG.info("Bazaar started in {} ms (profile {}, services {}, port {})",
          (System.nanoTime() - started) / 1_000_000, config.getString("profile"), options.services(),
          config.getJsonObject("http").getInteger("port"));
      } else {
        Throwable cause = ar.cause();
        if (cause instanceof StartupException) {
          LOG.error("Cannot start: {}", cause.getMessage());
        } else {
          LOG.error("Cannot start", cause);
        }
      }
      ready.countDown();
    });
    ready.await();
    if (running[0] == null) {
      flushLogs();
      System.exit(1);
      return;
    }
    long drainMs = config.getJsonObject("http").getLong("shutdownGraceMs");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running[0], drainMs), "bazaar-shutdown"));
  }

  private static void stop(Bazaar bazaar, long drainMs) {
    LOG.info("Shutting down: draining for up to {} ms", drainMs);
    CountDownLatch closed = new CountDownLatch(1);
    bazaar.close().onComplete(ar -> closed.countDown());
    try {
      if (!closed.await(drainMs + 5_000, TimeUnit.MILLISECONDS)) {
        LOG.warn("Shutdown did not finish in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("Stopped");
    flushLogs();
  }

  /** The async appenders drop what is queued at exit unless logging is stopped explicitly. */
  private static void flushLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.stop();
    }
  }
}
