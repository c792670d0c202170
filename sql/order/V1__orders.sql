-- Orders: priced on the server, one row per order with its lines, and an append-only log of status changes.
-- The event kit's outbox and inbox come from the events schema.
SELECT events.create_outbox('order');
SELECT events.create_inbox('order');

CREATE SEQUENCE order_number_seq;

CREATE TABLE orders (
  id                uuid        PRIMARY KEY,
  -- Human-readable: BZ-<UTC date>-<7 digits>, unique through the sequence.
  number            text        NOT NULL UNIQUE DEFAULT ('BZ-' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') || '-'
                                  || lpad(nextval('order_number_seq')::text, 7, '0')),
  user_id           uuid        NOT NULL,
  idempotency_key   text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
  request_hash      text        NOT NULL,
  status            text        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
  seller_id         uuid,
  share_link_id     uuid,
  share_link_code   text,
  currency          char(3)     NOT NULL,
  total_amount      bigint      NOT NULL CHECK (total_amount > 0),
  commission_amount bigint      NOT NULL DEFAULT 0 CHECK (commission_amount >= 0),
  shipping_address  jsonb       NOT NULL,
  payment_id        uuid,
  version           integer     NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT orders_idempotency UNIQUE (user_id, idempotency_key),
  CONSTRAINT orders_seller_with_link CHECK ((seller_id IS NULL) = (share_link_id IS NULL))
);
-- The seed report's composite indexes, newest first. Without a status filter a (user, status, created) index
-- cannot serve "newest first" (PostgreSQL 15 has no skip scan), so each list has both.
CREATE INDEX orders_by_user ON orders (user_id, created_at DESC, id DESC);
CREATE INDEX orders_by_user_status ON orders (user_id, status, created_at DESC, id DESC);
CREATE INDEX orders_by_seller ON orders (seller_id, created_at DESC, id DESC) WHERE seller_id IS NOT NULL;
CREATE INDEX orders_by_seller_status ON orders (seller_id, status, created_at DESC, id DESC)
  WHERE seller_id IS NOT NULL;
-- The expiry sweeper's scan: only unpaid orders, oldest first.
CREATE INDEX orders_pending_since ON orders (created_at) WHERE status = 'PENDING';

CREATE TABLE order_lines (
  order_id            uuid    NOT NULL REFERENCES orders (id),
  line_no             integer NOT NULL CHECK (line_no >= 0),
  variant_id          uuid    NOT NULL,
  product_id          uuid    NOT NULL,
  product_name        text    NOT NULL,
  sku                 text,
  quantity            integer NOT NULL CHECK (quantity > 0),
  unit_price          bigint  NOT NULL CHECK (unit_price >= 0),
  line_total          bigint  NOT NULL CHECK (line_total >= 0),
  commission_rate_bps integer NOT NULL DEFAULT 0 CHECK (commission_rate_bps BETWEEN 0 AND 10000),
  commission          bigint  NOT NULL DEFAULT 0 CHECK (commission >= 0),
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_status_history (
  seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id    uuid        NOT NULL REFERENCES orders (id),
  from_status text,
  to_status   text        NOT NULL,
  actor       text        NOT NULL,
  notes       text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_status_history_by_order ON order_status_history (order_id, seq DESC);

-- The history is the audit trail: rows are appended, never changed or removed.
CREATE FUNCTION order_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'order_status_history is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER order_status_history_append_only BEFORE UPDATE OR DELETE ON order_status_history
  FOR EACH ROW EXECUTE FUNCTION order_history_is_append_only();
CREATE TRIGGER order_status_history_no_truncate BEFORE TRUNCATE ON order_status_history
  FOR EACH STATEMENT EXECUTE FUNCTION order_history_is_append_only();
