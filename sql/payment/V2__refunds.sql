-- Refunds: one per payment (a whole refund), created when the order of a captured payment is cancelled, or when a
-- capture arrives for an order that was cancelled first; a worker asks the provider and settles it.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
  CHECK (status IN ('CREATED', 'SUCCEEDED', 'FAILED', 'MISMATCHED', 'REFUND_DUE', 'REFUNDED'));

CREATE TABLE refunds (
  id                 uuid        PRIMARY KEY,
  payment_id         uuid        NOT NULL UNIQUE REFERENCES payments (id),
  amount             bigint      NOT NULL CHECK (amount > 0),
  currency           char(3)     NOT NULL,
  reason             text        NOT NULL,
  status             text        NOT NULL CHECK (status IN ('PENDING', 'DONE')),
  provider_refund_id text,
  attempts           integer     NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_pending ON refunds (created_at) WHERE status = 'PENDING';
