package com.bazaar.notification;

import io.vertx.core.json.JsonArray;

import java.util.List;

/** A retry schedule from the configuration: the wait after each failed attempt, its last step repeating. */
public record Backoff(List<Long> stepsMs) {
  public static Backoff from(JsonArray stepsMs) {
    return new Backoff(stepsMs.stream().map(v -> ((Number) v).longValue()).toList());
  }

  /** The wait after failed attempt number {@code attempts} (from 1). */
  public long afterAttempt(int attempts) {
    return stepsMs.get(Math.min(attempts, stepsMs.size()) - 1);
  }
}
