package com.bazaar.platform.events;

import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TwoRelaysTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void two_relays_on_one_outbox_share_the_rows_and_publish_none_twice() {
    try (EventTestBed bed = EventTestBed.start(List.of(200L), 50);
         TestStack second = bed.anotherProcess()) {
      Map<String, AtomicInteger> onTheWire = new ConcurrentHashMap<>();
      bed.events().consumeRaw(bed.queue, 256, delivery -> {
        onTheWire.computeIfAbsent(delivery.message().properties().getMessageId(), id -> new AtomicInteger())
          .incrementAndGet();
        return delivery.ack();
      }).await();
      bed.events().relay(EventTestBed.SCHEMA).await();
      second.platform().events().relay(EventTestBed.SCHEMA).await();
      List<UUID> appended = bed.append(5000, 25);

      Poll.until(Duration.ofSeconds(90), onTheWire::size, n -> n >= 5000);

      assertThat(onTheWire.keySet()).containsExactlyInAnyOrderElementsOf(appended.stream().map(UUID::toString).toList());
      assertThat(onTheWire.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
      double first = bed.stack.platform().registry().get("bazaar.events.published").counter().count();
      double other = second.platform().registry().get("bazaar.events.published").counter().count();
      assertThat(first + other).isEqualTo(5000);
      assertThat(first).as("each relay took a share").isPositive();
      assertThat(other).as("each relay took a share").isPositive();
      System.out.printf("[events] two relays published %.0f + %.0f of 5000, no duplicate%n", first, other);
    }
  }
}
