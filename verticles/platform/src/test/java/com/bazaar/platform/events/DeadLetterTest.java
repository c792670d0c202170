package com.bazaar.platform.events;

import com.bazaar.platform.events.admin.EventAddresses;
import com.bazaar.platform.events.admin.EventsVerticle;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestBus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest {
  private static EventTestBed bed;
  private static final AtomicBoolean POISON_FAILS = new AtomicBoolean(true);

  @BeforeAll
  static void start() {
    bed = EventTestBed.start(List.of(50L, 100L), 100);
    bed.stack.deploy(EventsVerticle::new, 1);
    EventHandler log = EventTestBed.logging("applier");
    bed.events().consume(EventTestBed.SCHEMA, bed.queue, (tx, event) ->
      event.data().getBoolean("poison", false) && POISON_FAILS.get()
        ? Future.failedFuture("this event always fails")
        : log.handle(tx, event)).await();
    bed.events().relay(EventTestBed.SCHEMA).await();
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void a_poison_event_is_dead_lettered_after_its_deliveries_while_the_thousand_behind_it_are_applied() {
    EventEnvelope poison = EventEnvelope.of(EventTestBed.HAPPENED, new JsonObject().put("poison", true));
    bed.stack.platform().db(EventTestBed.SCHEMA).write().withTransaction(tx -> Outbox.append(tx, poison)).await();
    bed.append(1000, 100);

    Poll.until(Duration.ofSeconds(60), () -> bed.appliedCount() == 1000 && parked(poison.id()) == 1);

    assertThat(bed.appliedCount()).isEqualTo(1000);
    JsonObject letter = deadLetterOf(poison.id());
    assertThat(letter.getInteger("deliveries")).isEqualTo(3);
    assertThat(letter.getString("reason")).startsWith("handler failed 3 times").contains("this event always fails");
    assertThat(letter.getString("queue")).isEqualTo(bed.queue);
    assertThat(letter.getString("type")).isEqualTo("test.happened");

    TestBus.Result shown = call(EventAddresses.DEAD_GET, letter.getString("id"));
    assertThat(shown.status()).isEqualTo(200);
    assertThat(new JsonObject(shown.body().getString("body")).getString("id")).isEqualTo(poison.id().toString());

    POISON_FAILS.set(false);
    TestBus.Result replayed = call(EventAddresses.DEAD_REPLAY, letter.getString("id"));
    assertThat(replayed.status()).isEqualTo(202);
    Poll.until(Duration.ofSeconds(30), () -> bed.appliedCount() == 1001);
    assertThat(bed.count("SELECT count(*) FROM eventstest.applied WHERE event_id = '" + poison.id() + "'")).isEqualTo(1);

    TestBus.Result again = call(EventAddresses.DEAD_REPLAY, letter.getString("id"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("ALREADY_REPLAYED");
  }

  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void a_message_that_is_not_an_envelope_goes_to_the_dead_letters_at_once_with_its_reason() {
    String messageId = UUID.randomUUID().toString();
    bed.publishRaw(messageId, "{\"id\":\"not-a-uuid\",\"type\":\"test.happened\"}");
    String wrongVersion = UUID.randomUUID().toString();
    bed.publishRaw(wrongVersion, new JsonObject().put("id", UUID.randomUUID().toString()).put("type", "test.happened")
      .put("occurredAt", "2026-11-30T10:00:00Z").put("version", 7).put("data", new JsonObject()).encode());

    Poll.until(Duration.ofSeconds(30), () -> bed.count("SELECT count(*) FROM events.dead_letters WHERE reason LIKE "
      + "'invalid envelope%' OR reason LIKE 'unknown envelope version%'") >= 2);

    JsonObject list = call(EventAddresses.DEAD_LIST, null).body();
    List<JsonObject> letters = list.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    assertThat(letters).anySatisfy(l -> {
      assertThat(l.getString("reason")).startsWith("invalid envelope");
      assertThat(l.getInteger("deliveries")).isEqualTo(1);
      assertThat(l.getString("eventId")).isNull();
    });
    assertThat(letters).anySatisfy(l -> {
      assertThat(l.getString("reason")).isEqualTo("unknown envelope version 7");
      assertThat(l.getInteger("deliveries")).isEqualTo(1);
    });
    assertThat(letters).allSatisfy(l -> assertThat(l.containsKey("body")).isFalse());
  }

  @Test
  void an_unknown_dead_letter_is_a_404_and_a_bad_cursor_a_400() {
    assertThat(call(EventAddresses.DEAD_REPLAY, UUID.randomUUID().toString()).status()).isEqualTo(404);
    assertThat(call(EventAddresses.DEAD_GET, UUID.randomUUID().toString()).status()).isEqualTo(404);
    TestBus.Result badCursor = bed.stack.bus().call(EventAddresses.DEAD_LIST, Map.of(), Map.of("cursor", "WyJ4IiwieSJd", "limit", 20),
      null, TestBus.admin());
    assertThat(badCursor.status()).isEqualTo(400);
    assertThat(badCursor.errorCode()).isEqualTo("INVALID_CURSOR");
  }

  private static long parked(UUID eventId) {
    return bed.count("SELECT count(*) FROM events.dead_letters WHERE event_id = '" + eventId + "'");
  }

  private static JsonObject deadLetterOf(UUID eventId) {
    return call(EventAddresses.DEAD_LIST, null).body().getJsonArray("items").stream().map(JsonObject.class::cast)
      .filter(l -> eventId.toString().equals(l.getString("eventId"))).findFirst().orElseThrow();
  }

  /** As the gateway calls: a list gets the contract's default limit. */
  private static TestBus.Result call(String address, String id) {
    Map<String, Object> params = id == null ? Map.of() : Map.of("id", id);
    return bed.stack.bus().call(address, params, Map.of("limit", 20), null, TestBus.admin());
  }
}
