package com.bazaar.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every decision Bazaar takes in a degraded state, counted: {@code bazaar_degraded_decisions_total{decision=…}}.
 * At normal load all of them stay at 0; the benchmark report shows them beside each scenario.
 */
public final class Degradations {
  public enum Decision {
    /** A token was accepted without its revocation check because Redis was down. */
    REVOCATION_SKIPPED,
    /** A fail-open rate-limit policy allowed a request without asking Redis because Redis was down. */
    RATE_LIMIT_FAIL_OPEN,
    /** A strict rate-limit policy decided in this process alone because Redis was down. */
    RATE_LIMIT_LOCAL_FALLBACK,
    /** A request was refused with 503 because a check it needed could not be made in time. */
    SHED
  }

  private final Map<Decision, Counter> counters = new EnumMap<>(Decision.class);

  public Degradations(MeterRegistry registry) {
    for (Decision decision : Decision.values()) {
      counters.put(decision, Counter.builder("bazaar.degraded.decisions")
        .tag("decision", decision.name().toLowerCase(Locale.ROOT))
        .description("Decisions taken in a degraded state; 0 at normal load").register(registry));
    }
  }

  public void count(Decision decision) {
    counters.get(decision).increment();
  }

  public long total(Decision decision) {
    return (long) counters.get(decision).count();
  }
}
