package com.bazaar.platform.events.admin;

import com.bazaar.platform.Ids;
import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.paging.PageRequest;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The events schema's service: it parks what reaches the dead-letter queues in PostgreSQL, where the admin API lists,
 * shows and replays it. Every process that runs a service with a schema runs it.
 */
public final class EventsVerticle extends VerticleBase {
  public static final String SERVICE = "events";

  private final Platform platform;

  public EventsVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    DeadLetterRepository letters = new DeadLetterRepository(platform.db(SERVICE));
    platform.perProcess("events.parking", () -> new DeadLetterParking(platform, letters).start());
    DeadLetterService service = new DeadLetterService(letters, platform.events().broker().publisher());
    return new BusBindings(vertx.eventBus())
      .bind(EventAddresses.DEAD_LIST, r -> service.list(r.queryString("queue"), PageRequest.from(r)).map(BusReply::ok))
      .bind(EventAddresses.DEAD_GET, r -> service.get(Ids.parse(r.param("id"), "id")).map(BusReply::ok))
      .bind(EventAddresses.DEAD_REPLAY, r -> service.replay(Ids.parse(r.param("id"), "id"))
        .map(body -> new BusReply(202, body.toBuffer())))
      .ready();
  }
}
