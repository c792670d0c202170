package com.bazaar.platform.events;

import com.bazaar.platform.testing.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RelayCrashTest {
  private static final int EVENTS = 20_000;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void a_relay_killed_in_the_middle_loses_nothing_and_its_duplicates_are_absorbed() throws Exception {
    try (EventTestBed bed = EventTestBed.start(List.of(200L), 100)) {
      bed.events().consume(EventTestBed.SCHEMA, bed.queue, EventTestBed.logging("applier")).await();
      bed.append(EVENTS, 100);

      Process relay = startRelayProcess(bed);
      try {
        Poll.until(Duration.ofSeconds(60), () -> published(bed), n -> n >= 3000);
      } finally {
        relay.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      long pendingAfterKill = bed.pendingInOutbox();
      assertThat(pendingAfterKill).as("killed in the middle, with rows left").isPositive();

      bed.events().relay(EventTestBed.SCHEMA).await();
      Poll.until(Duration.ofSeconds(90), bed::appliedCount, n -> n >= EVENTS);

      assertThat(bed.appliedCount()).isEqualTo(EVENTS);
      assertThat(bed.appliedTwice()).isZero();
      assertThat(bed.count("SELECT count(DISTINCT event_id) FROM eventstest.applied")).isEqualTo(EVENTS);
      System.out.printf("[events] relay killed with %d of %d pending; all applied once; duplicates absorbed: %.0f%n",
        pendingAfterKill, EVENTS, bed.stack.platform().registry().get("bazaar.events.consumed")
          .tag("outcome", "duplicate").counter().count());
    }
  }

  private static long published(EventTestBed bed) {
    return bed.count("SELECT count(*) FROM eventstest.outbox WHERE published_at IS NOT NULL");
  }

  private static Process startRelayProcess(EventTestBed bed) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    File log = Path.of("target", "relay-process.log").toFile();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
      RelayProcess.class.getName(), bed.stack.database().name(), bed.overlay().encode())
      .redirectErrorStream(true).redirectOutput(log).start();
    if (!Poll.until(Duration.ofSeconds(60), () -> !process.isAlive() || published(bed) > 0)) {
      process.destroyForcibly();
      throw new IllegalStateException("The relay process did not start; see " + log);
    }
    return process;
  }
}
