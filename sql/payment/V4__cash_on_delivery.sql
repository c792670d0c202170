-- Cash on delivery: a COD payment has no provider order. It stays CREATED while its order ships unpaid, becomes
-- SUCCEEDED when the order is delivered (the cash is collected), and CANCELLED when the order is cancelled first.
ALTER TABLE payments DROP CONSTRAINT payments_method_check;
ALTER TABLE payments ADD CONSTRAINT payments_method_check CHECK (method IN ('CARD', 'UPI', 'NETBANKING', 'COD'));
ALTER TABLE payments ALTER COLUMN provider_order_id DROP NOT NULL;
ALTER TABLE payments ADD CONSTRAINT payments_provider_order_unless_cod
  CHECK ((provider_order_id IS NULL) = (method = 'COD'));

ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
  CHECK (status IN ('CREATED', 'SUCCEEDED', 'FAILED', 'MISMATCHED', 'REFUND_DUE', 'REFUNDED', 'CANCELLED'));

-- Reconciliation asks providers; a COD payment waiting for its delivery is not stuck.
DROP INDEX payments_open_since;
CREATE INDEX payments_open_since ON payments (created_at) WHERE status = 'CREATED' AND method <> 'COD';
