package com.bazaar.platform.events;

import java.util.regex.Pattern;

/**
 * The name of a kind of domain event, which is also its routing key. Each domain declares its types as constants
 * in its {@code api} package; a test checks that every declared type is described in {@code conf/asyncapi.yaml}.
 */
public record EventType(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z]+(\\.[a-z]+)+");

  public EventType {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("An event type is dot-separated lower-case words: " + name);
    }
  }

  public static EventType of(String name) {
    return new EventType(name);
  }
}
