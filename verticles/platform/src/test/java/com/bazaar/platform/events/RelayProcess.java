package com.bazaar.platform.events;

import com.bazaar.platform.Platform;
import com.bazaar.platform.VertxSetup;
import com.bazaar.platform.config.ConfigLoader;
import com.bazaar.platform.metrics.MetricsSetup;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Map;

/** A process that only relays the test outbox, to be killed with SIGKILL by {@link RelayCrashTest}. */
public final class RelayProcess {
  private RelayProcess() {
  }

  /** @param args the database name, and the config overlay as JSON */
  public static void main(String[] args) throws InterruptedException {
    JsonObject config = TestConfig.forDatabase(args[0], Map.of("BAZAAR_AMQP_RECONNECT_INTERVAL_MS", "500"));
    ConfigLoader.deepMerge(config, new JsonObject(args[1]));
    PrometheusMeterRegistry registry = MetricsSetup.newRegistry();
    Platform platform = new Platform(VertxSetup.local(config, registry), config, registry);
    if (!Poll.until(Duration.ofSeconds(30), platform.events().broker()::isConnected)) {
      System.exit(2);
    }
    platform.events().relay(EventTestBed.SCHEMA).await();
    System.out.println("RELAYING");
    System.out.flush();
    Thread.currentThread().join();
  }
}
