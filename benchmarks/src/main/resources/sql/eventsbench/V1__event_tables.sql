-- The events benchmark's schema: an outbox, an inbox, and the log its consumer writes.
SELECT events.create_outbox('eventsbench');
SELECT events.create_inbox('eventsbench');

CREATE TABLE applied (
  event_id   uuid        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
