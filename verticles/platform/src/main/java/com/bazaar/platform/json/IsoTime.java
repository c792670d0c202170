package com.bazaar.platform.json;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps leave Bazaar as ISO-8601 in UTC. */
public final class IsoTime {
  private IsoTime() {
  }

  public static String format(OffsetDateTime time) {
    return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }
}
