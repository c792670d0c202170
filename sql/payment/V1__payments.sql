-- Payments: one row per attempt to pay an order through a provider, and the provider events already applied.
-- The event kit's outbox and inbox come from the events schema.
SELECT events.create_outbox('payment');
SELECT events.create_inbox('payment');

CREATE TABLE payments (
  id                  uuid        PRIMARY KEY,
  order_id            uuid        NOT NULL,
  user_id             uuid        NOT NULL,
  method              text        NOT NULL CHECK (method IN ('CARD', 'UPI', 'NETBANKING')),
  provider            text        NOT NULL,
  provider_order_id   text        NOT NULL UNIQUE,
  provider_payment_id text,
  -- REFUND_DUE: the provider took the money but the order could no longer be paid (cancelled or expired first).
  status              text        NOT NULL CHECK (status IN ('CREATED', 'SUCCEEDED', 'FAILED', 'MISMATCHED',
                                                             'REFUND_DUE')),
  amount              bigint      NOT NULL CHECK (amount > 0),
  currency            char(3)     NOT NULL,
  idempotency_key     text        NOT NULL,
  request_hash        text        NOT NULL,
  failure_reason      text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payments_idempotency UNIQUE (user_id, idempotency_key)
);
-- At most one live payment per order: a second attempt while one is open or after one succeeded is refused.
CREATE UNIQUE INDEX payments_one_live_per_order ON payments (order_id) WHERE status IN ('CREATED', 'SUCCEEDED');
CREATE INDEX payments_by_order ON payments (order_id, created_at DESC);

-- Provider webhook events already applied, by the provider's event id: a replayed webhook changes nothing.
CREATE TABLE provider_events (
  event_id    text        PRIMARY KEY,
  payment_id  uuid        NOT NULL REFERENCES payments (id),
  type        text        NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
