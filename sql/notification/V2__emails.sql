-- E-mails to send, written in the consumer's transaction with the event that asks for them (so none is lost), and
-- sent by a worker in each process that claims due rows, retries with backoff, and gives up after the configured
-- attempts. The id comes from the event, the recipient and the template: an event never mails anyone twice.
CREATE TABLE emails (
  id              uuid        PRIMARY KEY,
  user_id         uuid        NOT NULL,
  template        text        NOT NULL,
  data            jsonb       NOT NULL,
  status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);
CREATE INDEX emails_due ON emails (next_attempt_at) WHERE status = 'PENDING';
