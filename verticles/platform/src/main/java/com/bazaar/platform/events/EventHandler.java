package com.bazaar.platform.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * A consumer's effect of one event, written in {@code tx}: the same transaction as the inbox row that marks the event
 * handled, so a redelivered event has no effect. A failed future (or a throw) rolls both back and retries later.
 */
@FunctionalInterface
public interface EventHandler {
  Future<Void> handle(SqlConnection tx, EventEnvelope event);

  /**
   * False for an event this handler has nothing to do with (a queue's binding can only select by type): it is
   * acked without a transaction or an inbox row, and counted as {@code ignored}.
   */
  default boolean concerns(EventEnvelope event) {
    return true;
  }

  /** The envelope versions this handler reads; any other goes straight to the dead-letter queue. */
  default boolean understands(int version) {
    return version == EventEnvelope.CURRENT_VERSION;
  }
}
