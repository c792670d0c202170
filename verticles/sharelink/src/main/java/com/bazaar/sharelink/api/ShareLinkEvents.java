package com.bazaar.sharelink.api;

import com.bazaar.platform.events.EventType;

/** The events the share-link service publishes; their payloads are described in {@code conf/asyncapi.yaml}. */
public final class ShareLinkEvents {
  /** Clicks counted in memory and sent in batches, not one event per click. */
  public static final EventType CLICKED = EventType.of("sharelink.clicked");

  private ShareLinkEvents() {
  }
}
