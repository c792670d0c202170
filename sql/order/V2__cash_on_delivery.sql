-- Cash on delivery, chosen per order by paying it with method COD: such an order ships unpaid (PENDING -> SHIPPED)
-- and its payment is collected when it is DELIVERED. It is never expired for want of payment.
ALTER TABLE orders ADD COLUMN cash_on_delivery boolean NOT NULL DEFAULT false;

DROP INDEX orders_pending_since;
CREATE INDEX orders_pending_since ON orders (created_at) WHERE status = 'PENDING' AND NOT cash_on_delivery;
