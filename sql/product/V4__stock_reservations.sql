-- Stock taken for an order, one row per order and variant. A reservation is keyed by its order, so a reserve or a
-- release retried after a bus timeout finds the rows of the first attempt and changes nothing more. Rows are never
-- deleted: released_at marks the stock given back.
CREATE TABLE stock_reservations (
  order_id    uuid        NOT NULL,
  variant_id  uuid        NOT NULL REFERENCES product_variants (id),
  quantity    integer     NOT NULL CHECK (quantity > 0),
  created_at  timestamptz NOT NULL DEFAULT now(),
  released_at timestamptz,
  PRIMARY KEY (order_id, variant_id)
);
CREATE INDEX stock_reservations_held ON stock_reservations (variant_id) WHERE released_at IS NULL;
