-- A reservation is confirmed when its order's order.created event arrives: the order committed. One that stays
-- unconfirmed past a grace period belongs to an order that never committed (its process died between reserving and
-- writing the order); the order service's sweeper finds those through this index and releases them.
ALTER TABLE stock_reservations ADD COLUMN confirmed_at timestamptz;
CREATE INDEX stock_reservations_unconfirmed ON stock_reservations (created_at)
  WHERE released_at IS NULL AND confirmed_at IS NULL;

-- Product consumes order events (confirmations and cancellations) through the event kit's inbox.
SELECT events.create_inbox('product');
