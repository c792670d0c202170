package com.bazaar.platform.events;

import com.bazaar.platform.testing.Poll;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventDeliveryTest {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void ten_thousand_events_appended_across_three_broker_restarts_are_each_applied_exactly_once() {
    try (EventTestBed bed = EventTestBed.start(List.of(200L, 1000L), 100)) {
      bed.events().consume(EventTestBed.SCHEMA, bed.queue, EventTestBed.logging("applier")).await();
      bed.events().relay(EventTestBed.SCHEMA).await();
      List<UUID> appended = new ArrayList<>();
      try {
        for (int restart = 0; restart < 3; restart++) {
          appended.addAll(bed.append(1250, 50));
          BrokerControl.stopApp();
          appended.addAll(bed.append(1250, 50));
          assertThat(bed.pendingInOutbox()).as("events wait in the outbox while the broker is down")
            .isGreaterThanOrEqualTo(1250);
          BrokerControl.startApp();
        }
      } finally {
        BrokerControl.startApp();
      }
      appended.addAll(bed.append(2500, 50));

      Poll.until(Duration.ofMinutes(3), bed::appliedCount, n -> n >= 10_000);

      assertThat(appended).hasSize(10_000).doesNotHaveDuplicates();
      assertThat(bed.appliedCount()).isEqualTo(10_000);
      assertThat(bed.appliedTwice()).isZero();
      assertThat(bed.count("SELECT count(DISTINCT event_id) FROM eventstest.applied")).isEqualTo(10_000);
      assertThat(Poll.until(Duration.ofSeconds(30), bed::pendingInOutbox, n -> n == 0)).isZero();
      MeterRegistry registry = bed.stack.platform().registry();
      System.out.printf("[events] 10000 applied once; duplicate deliveries absorbed by the inbox: %.0f; "
          + "batches confirmed: %d%n",
        registry.get("bazaar.events.consumed").tag("outcome", "duplicate").counter().count(),
        registry.get("bazaar.events.confirm").timer().count());
    }
  }
}
