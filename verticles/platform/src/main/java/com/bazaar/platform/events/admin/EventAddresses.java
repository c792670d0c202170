package com.bazaar.platform.events.admin;

/** The bus addresses of the dead-letter admin API. */
public final class EventAddresses {
  public static final String DEAD_LIST = "events.dead.list";
  public static final String DEAD_GET = "events.dead.get";
  public static final String DEAD_REPLAY = "events.dead.replay";

  private EventAddresses() {
  }
}
