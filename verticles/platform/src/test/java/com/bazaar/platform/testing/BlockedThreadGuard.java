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
 */
public final class BlockedThreadGuard implements BeforeAllCallback, AfterAllCallback {
  private static final String CHECKER = "io.vertx.core.impl.BlockedThreadChecker";
  private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();
  private static volatile boolean installed;

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
        if (event.getFormattedMessage().contains("vert.x-eventloop")) {
          WARNINGS.add(event.getFormattedMessage());
        }
      }
    };
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
    installed = true;
  }
}
