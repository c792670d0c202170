-- The event kit's tables. Each service that publishes or consumes events creates its outbox and inbox in its own
-- schema by calling these functions from its own migration, so every service has the same tables and indexes and
-- none writes its own. Dead letters of every queue are parked here, in the events schema, for the admin API.

CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Delivered at commit, once per transaction: wakes the relays listening on this schema's channel.
  PERFORM pg_notify('outbox_' || TG_TABLE_SCHEMA, '');
  RETURN NULL;
END $$;

CREATE FUNCTION create_outbox(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($ddl$
    CREATE TABLE %1$I.outbox (
      seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id     uuid        NOT NULL UNIQUE,
      type         text        NOT NULL,
      body         text        NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    );
    CREATE INDEX outbox_pending ON %1$I.outbox (seq) WHERE published_at IS NULL;
    CREATE INDEX outbox_published ON %1$I.outbox (published_at) WHERE published_at IS NOT NULL;
    CREATE TRIGGER outbox_notify AFTER INSERT ON %1$I.outbox
      FOR EACH STATEMENT EXECUTE FUNCTION events.notify_outbox();
  $ddl$, target);
END $$;

CREATE FUNCTION create_inbox(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($ddl$
    CREATE TABLE %1$I.inbox (
      consumer   text        NOT NULL,
      event_id   uuid        NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    );
    CREATE INDEX inbox_handled ON %1$I.inbox (handled_at);
  $ddl$, target);
END $$;

CREATE TABLE dead_letters (
  id          uuid        PRIMARY KEY,
  queue       text        NOT NULL,
  event_id    uuid,
  type        text,
  reason      text        NOT NULL,
  deliveries  int         NOT NULL,
  body        bytea       NOT NULL,
  dead_at     timestamptz NOT NULL,
  replayed_at timestamptz
);
CREATE INDEX dead_letters_newest ON dead_letters (dead_at DESC, id DESC);
CREATE INDEX dead_letters_waiting ON dead_letters (queue) WHERE replayed_at IS NULL;
