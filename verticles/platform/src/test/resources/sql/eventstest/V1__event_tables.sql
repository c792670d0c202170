-- A schema that publishes and consumes, for the event kit's tests: the kit's tables, and a log of what handlers applied.
SELECT events.create_outbox('eventstest');
SELECT events.create_inbox('eventstest');

CREATE TABLE applied (
  event_id   uuid        NOT NULL,
  consumer   text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
