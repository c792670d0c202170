package com.bazaar.platform.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Treats a Vert.x blocked-thread warning as a test failure: every test class that logged one fails in its
 * after-all phase, naming the blocked thread. Registered for every test class by auto-detection.
 *
 * <p>A pause of the whole JVM (a garbage collection, or the machine starving the process of CPU) stops the checker
 * too, and when it wakes every event loop looks blocked. A watchdog thread that should wake every few milliseconds
 * tells the two apart: a warning that comes while the watchdog itself overslept is reported as a stall, not counted.
 */
public final class BlockedThreadGuard implements BeforeAllCallback, AfterAllCallback {
  private static final String CHECKER = "io.vertx.core.impl.BlockedThreadChecker";
  private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();
  private static final long WATCHDOG_TICK_MS = 5;
  private static final long STALL_MS = 100;
  private static final long STALL_MEMORY_MS = 2000;
  private static volatile boolean installed;
  private static volatile long lastStallEndedAt = System.nanoTime() - 2 * STALL_MEMORY_MS * 1_000_000;

  @Override
  public void beforeAll(ExtensionContext context) {
    install();
    WARNINGS.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!WARNINGS.isEmpty()) {
      String first = WARNINGS.get(0);
      WARNINGS.clear();
      throw new AssertionError("An event loop was blocked during " + context.getDisplayName() + ": " + first);
    }
  }

  private static synchronized void install() {
    if (installed) {
      return;
    }
    Logger logger = (Logger) LoggerFactory.getLogger(CHECKER);
    AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        if (!event.getFormattedMessage().contains("vert.x-eventloop")) {
          return;
        }
        if (System.nanoTime() - lastStallEndedAt < STALL_MEMORY_MS * 1_000_000) {
          System.err.println("[BlockedThreadGuard] not counted, the whole JVM stalled: " + event.getFormattedMessage());
        } else {
          WARNINGS.add(event.getFormattedMessage());
        }
      }
    };
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
    startWatchdog();
    installed = true;
  }

  private static void startWatchdog() {
    Thread watchdog = new Thread(() -> {
      long last = System.nanoTime();
      while (true) {
        try {
          Thread.sleep(WATCHDOG_TICK_MS);
        } catch (InterruptedException e) {
          return;
        }
        long now = System.nanoTime();
        if (now - last > STALL_MS * 1_000_000) {
          lastStallEndedAt = now;
        }
        last = now;
      }
    }, "blocked-thread-guard-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
