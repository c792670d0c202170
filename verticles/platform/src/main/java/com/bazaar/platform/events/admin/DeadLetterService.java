package com.bazaar.platform.events.admin;

import com.bazaar.platform.amqp.ConfirmedPublisher;
import com.bazaar.platform.amqp.OutgoingMessage;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.platform.paging.TimeCursor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lists, shows and replays parked dead letters. A replay puts the message back on its queue, as first delivered. */
final class DeadLetterService {
  static final String REPLAY_OF = "x-bazaar-replay-of";

  private final DeadLetterRepository letters;
  private final ConfirmedPublisher publisher;

  DeadLetterService(DeadLetterRepository letters, ConfirmedPublisher publisher) {
    this.letters = letters;
    this.publisher = publisher;
  }

  Future<JsonObject> list(String queue, PageRequest page) {
    TimeCursor after = TimeCursor.decode(page.cursor());
    return letters.page(queue, TimeCursor.timeOf(after), TimeCursor.idOf(after), page.fetchSize())
      .map(rows -> Page.of(rows, page, DeadLetter::summary, last -> TimeCursor.encode(last.deadAt(), last.id())));
  }

  Future<JsonObject> get(UUID id) {
    return letters.find(id).map(letter -> {
      if (letter == null) {
        throw ApiError.notFound("dead letter");
      }
      return letter.detail();
    });
  }

  Future<JsonObject> replay(UUID id) {
    if (!publisher.isConnected()) {
      return Future.failedFuture(ApiError.unavailable("RabbitMQ is not connected; nothing was replayed"));
    }
    return letters.markReplayed(id).compose(letter -> {
      if (letter == null) {
        return letters.find(id).compose(existing -> Future.failedFuture(existing == null
          ? ApiError.notFound("dead letter")
          : ApiError.conflict("ALREADY_REPLAYED", "This dead letter was replayed already",
            new JsonObject().put("replayedAt", existing.summary().getString("replayedAt")))));
      }
      OutgoingMessage message = OutgoingMessage.toQueue(letter.queue(),
        letter.eventId() == null ? letter.id().toString() : letter.eventId().toString(), letter.type(),
        Map.of(REPLAY_OF, letter.id().toString()), letter.body());
      return publisher.publish(List.of(message))
        .map(v -> letter.summary())
        .recover(e -> letters.unmarkReplayed(id)
          .transform(ignored -> Future.failedFuture(ApiError.unavailable("RabbitMQ did not confirm the replay; "
            + "the dead letter is still waiting"))));
    });
  }
}
