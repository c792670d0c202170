-- Seller webhooks: one endpoint per reseller, the deliveries queued in the event consumer's transaction (so none is
-- lost), and every attempt kept for the delivery log. The host is the unit of the sender's fairness, breaker and
-- concurrency bound; a delivery keeps its endpoint's host (updated when the endpoint moves) so it can be claimed by it. A delivery's id comes from its event and its reseller, so an event delivered twice by the broker
-- is queued once; it is also the webhook-id the receiver sees on every attempt.
CREATE TABLE webhook_endpoints (
  reseller_id uuid        PRIMARY KEY,
  url         text        NOT NULL,
  host        text        NOT NULL,
  events      text[]      NOT NULL,
  secret      text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
  id               uuid        PRIMARY KEY,
  reseller_id      uuid        NOT NULL,
  host             text        NOT NULL,
  event_type       text        NOT NULL,
  payload          jsonb       NOT NULL,
  status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_status_code integer,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz
);
-- The sender walks the hosts with pending work (a skip scan), then takes each host's oldest due deliveries.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (host, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_by_reseller ON webhook_deliveries (reseller_id, created_at DESC, id DESC);

CREATE TABLE webhook_attempts (
  delivery_id uuid        NOT NULL REFERENCES webhook_deliveries (id),
  attempt     integer     NOT NULL,
  url         text        NOT NULL,
  started_at  timestamptz NOT NULL,
  duration_ms integer     NOT NULL,
  status_code integer,
  error       text,
  PRIMARY KEY (delivery_id, attempt)
);
