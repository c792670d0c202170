-- In-app notifications: one row per user an event concerns. The event kit's outbox and inbox come from the events
-- schema. A notification's id is derived from its event and recipient, so an event can never notify one user twice.
SELECT events.create_outbox('notification');
SELECT events.create_inbox('notification');

CREATE TABLE notifications (
  id         uuid        PRIMARY KEY,
  user_id    uuid        NOT NULL,
  type       text        NOT NULL,
  title      text        NOT NULL,
  body       text        NOT NULL,
  data       jsonb       NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_by_user ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL;
