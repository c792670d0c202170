-- Share links: a reseller's price for a product behind a short code, its clicks rolled up per minute and per day,
-- and its sales counted from order events. The event kit's outbox and inbox come from the events schema.
SELECT events.create_outbox('sharelink');
SELECT events.create_inbox('sharelink');

CREATE TABLE share_links (
  id           uuid        PRIMARY KEY,
  code         text        NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Za-z]{8,32}$'),
  reseller_id  uuid        NOT NULL,
  product_id   uuid        NOT NULL,
  seller_price bigint      NOT NULL CHECK (seller_price > 0),
  currency     char(3)     NOT NULL,
  expires_at   timestamptz,
  is_active    boolean     NOT NULL DEFAULT true,
  clicks       bigint      NOT NULL DEFAULT 0,
  version      integer     NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
-- Resolve reads one row by code (the unique index) and tests is_active and expires_at on it; the owner's list is
-- keyset over (created_at, id) within the reseller.
CREATE INDEX share_links_by_reseller ON share_links (reseller_id, created_at DESC, id DESC);

CREATE TABLE link_clicks_minute (
  link_id uuid        NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
  minute  timestamptz NOT NULL,
  clicks  bigint      NOT NULL CHECK (clicks > 0),
  PRIMARY KEY (link_id, minute)
);

CREATE TABLE link_clicks_daily (
  link_id uuid   NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
  day     date   NOT NULL,
  clicks  bigint NOT NULL CHECK (clicks > 0),
  PRIMARY KEY (link_id, day)
);

-- One row per order placed through a link, so that a cancellation reverses only what a payment counted, whatever
-- order the two events arrive in.
CREATE TABLE link_orders (
  order_id   uuid        PRIMARY KEY,
  link_id    uuid        NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
  amount     bigint      NOT NULL,
  commission bigint      NOT NULL,
  currency   char(3),
  state      text        NOT NULL CHECK (state IN ('PAID', 'CANCELLED', 'CANCELLED_AFTER_PAID')),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX link_orders_by_link ON link_orders (link_id) WHERE state = 'PAID';

CREATE TABLE link_sales (
  link_id    uuid   PRIMARY KEY REFERENCES share_links (id) ON DELETE CASCADE,
  orders     bigint NOT NULL DEFAULT 0,
  revenue    bigint NOT NULL DEFAULT 0,
  commission bigint NOT NULL DEFAULT 0
);
