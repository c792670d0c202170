package com.bazaar.platform.events;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Stops and starts the local RabbitMQ application with {@code rabbitmqctl}, as an operator or a crash would. */
final class BrokerControl {
  private BrokerControl() {
  }

  static void stopApp() {
    run("stop_app");
  }

  static void startApp() {
    run("start_app");
    run("await_startup");
  }

  private static void run(String command) {
    try {
      Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("rabbitmqctl " + command + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("These tests stop and start the local RabbitMQ: rabbitmqctl is needed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
